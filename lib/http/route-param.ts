import { hasControlCharacters } from "../forms/schema";

/** Longer than any slug, handle or id the app hands out. */
const ROUTE_KEY_MAX = 200;

/**
 * A dynamic route segment (an essay's slug, a tag, a handle, a post id) as a lookup key, or null
 * when it cannot name anything. Next hands segments already decoded, so it is never decoded again
 * (`/posts/%25` is the slug "%", not a malformed escape). A segment with control characters (NUL,
 * which PostgreSQL refuses in a query) or longer than any key is refused before it reaches a
 * query or a cache key: the page answers 404.
 */
export function routeKey(segment: string | undefined): string | null {
  if (!segment || segment.length > ROUTE_KEY_MAX || hasControlCharacters(segment) || /[\r\n\t]/.test(segment)) return null;
  return segment;
}
