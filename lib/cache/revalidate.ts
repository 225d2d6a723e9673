import "server-only";
import { revalidateTag } from "next/cache";
import { db, sqlOf } from "../db/client";
import { Prisma } from "../generated/sqlite/client";
import { httpKeysForTags } from "./http";
import { advanceTagGenerations } from "./query";
import { purgeHttpCaches } from "./purge";
import { tags } from "./tags";

/** A post's current address and its old ones (they redirect, but a cache may hold them). */
async function slugsOf(postId: string): Promise<string[] | null> {
  const found = await sqlOf(db).query<{ slug: string; current: number | boolean }>(Prisma.sql`
    SELECT "slug", 1 AS "current" FROM "Post" WHERE "id" = ${postId}
    UNION ALL
    SELECT "slug", 0 AS "current" FROM "SlugRedirect" WHERE "postId" = ${postId}`);
  if (!found.some((r) => Number(r.current) === 1)) return null;
  return found.map((r) => r.slug);
}

/**
 * After a write: expires the cached queries under these tags (./tags.ts, ./query.ts), and purges
 * the shared pages they appear on from every HTTP cache (./http.ts, ./purge.ts). Resolves once
 * the caches answered, so the very next request renders fresh content. For server actions and
 * route handlers; outside a request, expireTagsInBackground.
 *
 * It also tells Next that the request changed data (`revalidateTag` with `expire: 0`), which is
 * what makes an action that answers in place (the moderation queue, a report) send the page
 * re-rendered with its answer. The cached queries no longer carry Next's tags (./query.ts says
 * why), so that is all it does.
 */
export async function expireTags(...tagList: string[]): Promise<void> {
  await expire(tagList, slugsOf, { inRequest: true });
}

/**
 * expireTags outside any request (a scheduled essay's timer, a background import): there is no
 * page to re-render, and Next's `revalidateTag` only works inside a request. A failure is logged
 * under `what`, not thrown: what was written stays written, and the pages catch up within their
 * s-maxage.
 */
export async function expireTagsInBackground(tagList: readonly string[], what: string): Promise<void> {
  try {
    await expire(tagList, slugsOf, { inRequest: false });
  } catch (error) {
    console.error(`[hearth] could not expire caches for ${what}:`, error);
  }
}

/**
 * expireTags for a change to one essay's conversation (a comment, a like) made by a caller that
 * read the essay's address with its other checks: the essay's tag and `more`, purged without
 * looking the address up again. The essay's old addresses answer with a redirect, which such a
 * change leaves as it is.
 */
export async function expireConversation(post: { id: string; slug: string }, ...more: string[]): Promise<void> {
  const known = async (postId: string) => (postId === post.id ? [post.slug] : slugsOf(postId));
  await expire([tags.post(post.id), ...more], known, { inRequest: true });
}

async function expire(
  tagList: readonly string[],
  slugs: (postId: string) => Promise<string[] | null>,
  { inRequest }: { inRequest: boolean },
): Promise<void> {
  const unique = [...new Set(tagList)];
  advanceTagGenerations(unique);
  if (inRequest) for (const tag of unique) revalidateTag(tag, { expire: 0 });
  await purgeHttpCaches(await httpKeysForTags(unique, slugs));
}
