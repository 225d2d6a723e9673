/**
 * Standard HTTP caching of the pages anonymous readers share (docs/decisions/017-http-caching.md).
 * Such a page answers with `Cache-Control: public, s-maxage, stale-while-revalidate` and a
 * `Cache-Tag` header naming its surrogate keys; any HTTP cache that obeys these (the in-process
 * cache of server.mjs, Varnish with xkey in deploy/) may keep it until a write purges one of its
 * keys (./purge.ts). A page of one viewer's own is `private`. Pure, so it is unit-tested and the
 * proxy can use it.
 */
import { PAGE_REVALIDATE_SECONDS, tags } from "./tags";

/** Surrogate keys. */
export const httpKeys = {
  /** Every shared page (site title, names of people appear everywhere). */
  site: "site",
  /** Lists of essays: home and its pages, tag and author pages, the feed, the sitemap. */
  listing: "listing",
  /** Every essay page (an essay links to its neighbours). */
  essays: "essays",
  /** One essay's pages: the essay and its comment pages. */
  essay: (slug: string) => `essay:${slug}`,
  /** The site-wide comment feed: any change to any essay's comments. */
  comments: "comments",
  /** One uploaded file (`/uploads/<kind>/<name>`), purged when it is deleted. */
  upload: (kind: string, name: string) => `upload:${kind}/${name}`,
} as const;

/**
 * A shared page may be kept for an hour (a safety net: writes purge it at once), is revalidated
 * with the origin on every browser request (max-age=0, so a reader never sees an old copy from
 * their own browser cache), and a cache may serve the last copy for a minute while it fetches
 * the next one in the background.
 */
export const PUBLIC_CACHE_CONTROL = `public, max-age=0, s-maxage=${PAGE_REVALIDATE_SECONDS}, stale-while-revalidate=60`;
export const PRIVATE_CACHE_CONTROL = "private, no-store";

/**
 * Anonymous readers run no JavaScript: every form and link of a shared page works as plain HTML,
 * so the browser is told to fetch and run no script at all (docs/decisions/005-zero-js-reading.md).
 */
export const SHARED_PAGE_CSP = "script-src 'none'; object-src 'none'; base-uri 'self'";

/**
 * The search page: rendered per request and `private` for everyone — its addresses are as many as
 * the queries people type (a shared cache would fill up with them), and a comment removed by a
 * moderator must vanish from results at once (docs/decisions/021-search.md). An anonymous reader's
 * copy still gets the no-script policy.
 */
export const SEARCH_PATH = "/search";

const SEGMENT = "[^/?#]+";
const LISTING = new RegExp(`^/(?:|page/${SEGMENT}|tags/${SEGMENT}|authors/${SEGMENT}|feed\\.xml|sitemap\\.xml)$`);
const ESSAY = new RegExp(`^/posts/(${SEGMENT})(?:/comment-page/${SEGMENT}|/comments\\.xml)?$`);

/** The surrogate keys of the reading page at `pathname`, or null when it is not a shared page. */
export function readingPageKeys(pathname: string): string[] | null {
  if (LISTING.test(pathname)) return [httpKeys.site, httpKeys.listing];
  const essay = ESSAY.exec(pathname);
  if (essay) return [httpKeys.site, httpKeys.essays, httpKeys.essay(essay[1]!)];
  return null;
}

/**
 * The keys of an essay's share image (/posts/<slug>/og.png): the site's name and the essay's
 * title and author are drawn on it, so a settings, profile or essay change purges it.
 */
export function essayImageKeys(slug: string): string[] {
  return [httpKeys.site, httpKeys.essays, httpKeys.essay(slug)];
}

/** Whether `pathname` serves a page (HTML) rather than a feed: only pages get the no-script policy. */
export function isHtmlReadingPage(pathname: string): boolean {
  return !pathname.endsWith(".xml");
}

/**
 * The surrogate keys that a change to Next's data `tag` (./tags.ts) makes stale. `slugsOf`
 * names a post's current and old addresses; a post that no longer exists (or any failure to
 * look it up) purges every essay.
 */
export async function httpKeysForTags(
  tagList: readonly string[],
  slugsOf: (postId: string) => Promise<string[] | null>,
): Promise<string[]> {
  const keys = new Set<string>();
  for (const tag of tagList) {
    if (tag === tags.settings || tag === tags.users) keys.add(httpKeys.site);
    else if (tag === tags.posts) {
      keys.add(httpKeys.listing);
      keys.add(httpKeys.essays);
    } else if (tag.startsWith("post:")) {
      keys.add(httpKeys.comments);
      const slugs = await slugsOf(tag.slice("post:".length)).catch(() => null);
      if (slugs === null || slugs.length === 0) keys.add(httpKeys.essays);
      else for (const slug of slugs) keys.add(httpKeys.essay(slug));
    } else keys.add(httpKeys.site);
  }
  if (keys.has(httpKeys.site)) return [httpKeys.site];
  return [...keys];
}
