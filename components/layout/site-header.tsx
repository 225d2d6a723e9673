import Link from "next/link";
import { Avatar } from "@/components/ui/avatar";
import { SignOutButton } from "@/components/auth/sign-out-button";
import { MAX_QUERY_LENGTH } from "@/lib/search/terms";

/** Who is signed in, as the header shows them. */
export interface HeaderViewer {
  name: string;
  handle: string;
  image: string | null;
  role: "READER" | "AUTHOR" | "ADMIN";
}

const linkClass = "hover:text-amber-700 dark:hover:text-amber-400";

/**
 * The site header. Anonymous pages (cached, identical for everyone) get `viewer = null`; pages
 * rendered for a signed-in reader get their name, their links and a sign-out button. Pages that
 * must not look up the viewer (error boundaries, which Next renders as part of every page) pass
 * "unknown" and show neither. The search box is a plain GET form to /search (no script needed).
 */
export function SiteHeader({ title, viewer }: { title: string; viewer: HeaderViewer | null | "unknown" }) {
  return (
    <header className="border-b border-stone-200 dark:border-stone-800">
      <div className="mx-auto flex w-full max-w-3xl flex-wrap items-center justify-between gap-3 px-5 py-4 sm:px-6">
        <Link href="/" className="font-serif text-2xl font-semibold tracking-tight text-stone-900 dark:text-stone-50">
          {title}
        </Link>
        <form action="/search" method="get" role="search" className="order-last w-full sm:order-none sm:w-auto">
          <label htmlFor="site-search" className="sr-only">
            Search essays and comments
          </label>
          <input
            id="site-search"
            name="q"
            type="search"
            placeholder="Search"
            maxLength={MAX_QUERY_LENGTH}
            className="w-full rounded-full border border-stone-300 bg-white px-3 py-1 text-sm sm:w-40 dark:border-stone-700 dark:bg-stone-900"
          />
          <button type="submit" className="sr-only">
            Search
          </button>
        </form>
        <nav aria-label="Main" className="flex flex-wrap items-center gap-x-5 gap-y-2 text-sm text-stone-600 dark:text-stone-300">
          <Link href="/" className={linkClass}>
            Essays
          </Link>
          <a href="/feed.xml" className={linkClass}>
            Feed
          </a>
          {viewer === "unknown" ? null : viewer ? (
            <>
              {viewer.role === "AUTHOR" || viewer.role === "ADMIN" ? (
                <Link href="/dashboard" className={linkClass}>
                  Dashboard
                </Link>
              ) : null}
              {viewer.role === "ADMIN" ? (
                <Link href="/admin/users" className={linkClass}>
                  Users
                </Link>
              ) : null}
              <Link
                href="/account"
                className={`flex items-center gap-2 ${linkClass}`}
                aria-label={`Your account (${viewer.name})`}
              >
                <Avatar name={viewer.name} image={viewer.image} size={24} />
                <span>{viewer.name}</span>
              </Link>
              <SignOutButton className={`${linkClass} cursor-pointer`} />
            </>
          ) : (
            <>
              <a href="/signin" className={linkClass}>
                Sign in
              </a>
              <a href="/signup" className="rounded-full bg-amber-700 px-3 py-1 font-medium text-white hover:bg-amber-800">
                Sign up
              </a>
            </>
          )}
        </nav>
      </div>
    </header>
  );
}
