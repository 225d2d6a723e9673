import Link from "next/link";

export function SiteHeader({ title }: { title: string }) {
  return (
    <header className="border-b border-stone-200 dark:border-stone-800">
      <div className="mx-auto flex w-full max-w-3xl flex-wrap items-center justify-between gap-3 px-5 py-4 sm:px-6">
        <Link href="/" className="font-serif text-2xl font-semibold tracking-tight text-stone-900 dark:text-stone-50">
          {title}
        </Link>
        <nav aria-label="Main" className="flex items-center gap-5 text-sm text-stone-600 dark:text-stone-300">
          <Link href="/" className="hover:text-amber-700 dark:hover:text-amber-400">
            Essays
          </Link>
          <a href="/feed.xml" className="hover:text-amber-700 dark:hover:text-amber-400">
            Feed
          </a>
        </nav>
      </div>
    </header>
  );
}
