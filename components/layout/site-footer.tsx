export function SiteFooter({ title, description }: { title: string; description: string }) {
  return (
    <footer className="border-t border-stone-200 dark:border-stone-800">
      <div className="mx-auto flex w-full max-w-3xl flex-col gap-1 px-5 py-8 text-sm text-stone-500 sm:px-6 dark:text-stone-400">
        <p>
          <span className="font-medium text-stone-700 dark:text-stone-200">{title}</span> — {description}
        </p>
        <p>
          <a href="/feed.xml" className="underline decoration-stone-300 underline-offset-2 hover:text-amber-700 dark:hover:text-amber-400">
            Subscribe by feed
          </a>
        </p>
      </div>
    </footer>
  );
}
