import "server-only";
import { cachedQuery } from "../cache/query";
import { db } from "../db/client";
import { tags } from "../cache/tags";
import { publishedWhere } from "./published";

/**
 * The current slug of the public post that used to live at `slug`, or null. Old addresses of
 * posts that are not public (unpublished, deleted) lead nowhere, so they do not reveal the
 * new address of a draft.
 */
export async function readSlugRedirect(slug: string): Promise<string | null> {
  const row = await db.slugRedirect.findUnique({
    where: { slug },
    select: { post: { select: { slug: true, status: true, publishedAt: true } } },
  });
  if (!row) return null;
  const post = await db.post.findFirst({ where: { slug: row.post.slug, ...publishedWhere() }, select: { slug: true } });
  return post?.slug ?? null;
}

export const getSlugRedirect = cachedQuery(readSlugRedirect, ["getSlugRedirect"], { tags: [tags.posts] });
