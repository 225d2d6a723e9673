import Link from "next/link";

/** Older/newer links for a paged listing. `hrefFor(1)` is the listing's first page. */
export function Pagination({
  page,
  pageCount,
  hrefFor,
  label = "Pages",
  previousLabel = "← Newer",
  nextLabel = "Older →",
}: {
  page: number;
  pageCount: number;
  hrefFor: (page: number) => string;
  label?: string;
  previousLabel?: string;
  nextLabel?: string;
}) {
  if (pageCount <= 1) return null;
  return (
    <nav aria-label={label} className="mt-8 flex items-center justify-between gap-4 text-sm">
      {page > 1 ? (
        <Link
          href={hrefFor(page - 1)}
          rel="prev"
          className="rounded border border-stone-300 px-3 py-1.5 hover:border-amber-600 dark:border-stone-700"
        >
          {previousLabel}
        </Link>
      ) : (
        <span />
      )}
      <span className="text-stone-500 dark:text-stone-400">
        Page {page} of {pageCount}
      </span>
      {page < pageCount ? (
        <Link
          href={hrefFor(page + 1)}
          rel="next"
          className="rounded border border-stone-300 px-3 py-1.5 hover:border-amber-600 dark:border-stone-700"
        >
          {nextLabel}
        </Link>
      ) : (
        <span />
      )}
    </nav>
  );
}
