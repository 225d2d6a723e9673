import "server-only";
import { revalidateTag } from "next/cache";

/**
 * Expires cache tags after a write, so the very next request renders fresh content (no stale
 * copy is served meanwhile). Works in server actions and route handlers alike (Auth.js events
 * run in either).
 */
export function expireTags(...tagList: string[]): void {
  for (const tag of new Set(tagList)) revalidateTag(tag, { expire: 0 });
  // The front cache in server.mjs (same process) forgets its copies too.
  (globalThis as { __hearthFrontCacheClear?: () => void }).__hearthFrontCacheClear?.();
}
