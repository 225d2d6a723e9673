import "server-only";
import { revalidateTag } from "next/cache";
import { db, sqlOf } from "../db/client";
import { Prisma } from "../generated/sqlite/client";
import { httpKeysForTags } from "./http";
import { purgeHttpCaches } from "./purge";

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
 * After a write: expires Next's cached queries under these tags (./tags.ts), and purges the
 * shared pages they appear on from every HTTP cache (./http.ts, ./purge.ts). Resolves once the
 * caches answered, so the very next request renders fresh content. Works in server actions and
 * route handlers alike (Auth.js events run in either).
 */
export async function expireTags(...tagList: string[]): Promise<void> {
  const unique = [...new Set(tagList)];
  for (const tag of unique) revalidateTag(tag, { expire: 0 });
  await purgeHttpCaches(await httpKeysForTags(unique, slugsOf));
}
