import { SearchForm } from "@/components/ui/search-form";
import Link from "next/link";
import { formatDate } from "@/lib/format";
import { MAX_QUERY_LENGTH } from "@/lib/search/terms";
import { search, searchPage, type SearchHit } from "@/lib/search/query";
import { SnippetText } from "./snippet-text";

function pageHref(query: string, page: number): string {
  const params = new URLSearchParams({ q: query });
  if (page > 1) params.set("page", String(page));
  return `/search?${params.toString()}`;
}

function Hit({ hit }: { hit: SearchHit }) {
  return (
    <li className="flex flex-col gap-1 border-b border-stone-200 py-5 last:border-b-0 dark:border-stone-800" data-kind={hit.kind}>
      {hit.kind === "essay" ? (
        <>
          <h2 className="font-serif text-xl font-semibold leading-snug">
            <Link href={hit.href} className="hover:text-amber-700 dark:hover:text-amber-400">
              <SnippetText parts={hit.title} />
            </Link>
          </h2>
          <p className="text-sm text-stone-500 dark:text-stone-400">
            Essay by {hit.author}
            {hit.publishedAt ? ` · ${formatDate(hit.publishedAt.toISOString())}` : null}
          </p>
        </>
      ) : (
        <h2 className="text-base font-medium">
          <Link href={hit.href} className="hover:text-amber-700 dark:hover:text-amber-400">
            Comment by {hit.author} on “{hit.essayTitle}”
          </Link>
          <span className="ml-2 text-sm font-normal text-stone-500 dark:text-stone-400">{formatDate(hit.createdAt.toISOString())}</span>
        </h2>
      )}
      {hit.snippet.length > 0 ? (
        <p className="leading-relaxed text-stone-700 dark:text-stone-300">
          <SnippetText parts={hit.snippet} />
        </p>
      ) : null}
    </li>
  );
}

/** The search page: its own form (the header has one too), then a page of ranked results. */
export async function SearchResults({ query, rawPage }: { query: string; rawPage: string | string[] | undefined }) {
  const page = searchPage(rawPage);
  const result = await search(query, page);
  return (
    <>
      <h1 className="mb-6 font-serif text-3xl font-semibold tracking-tight">Search</h1>
      <SearchForm
        id="search-page-q"
        label="Search essays and comments"
        placeholder="Words from an essay or a comment"
        query={query}
        action="/search"
        maxLength={MAX_QUERY_LENGTH}
        className="mb-8"
      />
      {result.terms.length === 0 ? (
        <p className="text-stone-600 dark:text-stone-400">
          {query.trim() === "" ? "Type a word or two to search essays and comments." : "Type words to search for: letters or digits."}
        </p>
      ) : result.hits.length === 0 ? (
        <p className="text-stone-600 dark:text-stone-400">
          {page > 1 ? "No more results." : `Nothing found for “${result.terms.join(" ")}”.`}
        </p>
      ) : (
        <>
          <p className="mb-2 text-sm text-stone-500 dark:text-stone-400" aria-live="polite">
            Results for “{result.terms.join(" ")}”{page > 1 ? `, page ${page}` : ""}
          </p>
          <ol aria-label="Search results">
            {result.hits.map((hit) => (
              <Hit key={hit.href} hit={hit} />
            ))}
          </ol>
        </>
      )}
      {page > 1 || result.hasNext ? (
        <nav aria-label="Result pages" className="mt-8 flex justify-between text-sm">
          {page > 1 ? (
            <Link href={pageHref(query, page - 1)} rel="prev" className="hover:text-amber-700 dark:hover:text-amber-400">
              ← Previous results
            </Link>
          ) : (
            <span />
          )}
          {result.hasNext ? (
            <Link href={pageHref(query, page + 1)} rel="next" className="hover:text-amber-700 dark:hover:text-amber-400">
              More results →
            </Link>
          ) : null}
        </nav>
      ) : null}
    </>
  );
}
