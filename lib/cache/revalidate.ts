import "server-only";
import { updateTag } from "next/cache";

/**
 * Expires cache tags from a server action so the next request (including the redirect that
 * follows the action) sees the change. Call after the write has committed.
 */
export function expireTags(...tagList: string[]): void {
  for (const tag of new Set(tagList)) updateTag(tag);
}
