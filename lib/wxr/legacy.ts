import "server-only";
import { db } from "../db/client";
import { publishedWhere } from "../posts/published";
import { normalizeLegacyPath } from "./parse";

/**
 * The old address an /old-address/… request stands for (next.config.ts rewrites):
 * ["p", "123"] → "/?p=123", ["page_id", "7"] → "/?page_id=7", ["path", "2019", "05", "x"] → "/2019/05/x".
 */
export function legacyPathFromSegments(segments: readonly string[]): string | null {
  const [kind, ...rest] = segments;
  if ((kind === "p" || kind === "page_id") && rest.length === 1 && /^\d{1,12}$/.test(rest[0] ?? "")) return `/?${kind}=${rest[0]}`;
  if (kind === "path" && rest.length > 0) return normalizeLegacyPath(`/${rest.join("/")}`);
  return null;
}

/** The slug of the public post that used to live at `path` on the old site, or null. */
export async function readLegacyRedirect(path: string): Promise<string | null> {
  const row = await db.legacyPath.findUnique({ where: { path }, select: { postId: true } });
  if (!row) return null;
  const post = await db.post.findFirst({ where: { id: row.postId, ...publishedWhere() }, select: { slug: true } });
  return post?.slug ?? null;
}
