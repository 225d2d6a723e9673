import "server-only";
import { unstable_cache } from "next/cache";
import { db } from "../db/client";
import { tags } from "../cache/tags";
import { readSettings } from "../settings/queries";
import { resolveAvatar } from "../users/gravatar";
import { buildThread, pageOfRoots, type CommentOrder, type TreeInput } from "./tree";
import { toNodeViews, type CommentView, type ThreadPage } from "./views";

interface Row extends TreeInput {
  authorHandle: string | null;
  authorImage: string | null;
  authorId: string | null;
  guestUrl: string | null;
  bodyHtml: string;
  editedAt: Date | null;
}

const DELETED_NAME = "a deleted comment";

/**
 * One page of a post's public thread: top-level comments paged by `order`, each with all of
 * its replies, built into the displayed tree. Reads two small queries plus the page's rows.
 */
export async function readThreadPage(
  postId: string,
  postAuthorId: string,
  options: { page: number; perPage: number; order: CommentOrder; maxDepth: number },
): Promise<ThreadPage> {
  // Threads with at least one approved comment are listed (a deleted top-level comment with
  // approved replies stays as a tombstone).
  const [total, threads, settings] = await Promise.all([
    db.comment.count({ where: { postId, status: "APPROVED" } }),
    db.comment.groupBy({ by: ["rootId"], where: { postId, status: "APPROVED" } }),
    readSettings(),
  ]);
  const rootIds = threads.map((t) => t.rootId).filter((id): id is number => id !== null);
  const roots = rootIds.length
    ? await db.comment.findMany({ where: { id: { in: rootIds } }, select: { id: true, createdAt: true, likeCount: true } })
    : [];
  const selected = pageOfRoots(roots, options.order, options.perPage, options.page);
  if (selected.rootIds.length === 0) return { total, page: selected.page, pageCount: selected.pageCount, nodes: [] };

  const rows = await db.comment.findMany({
    where: { postId, rootId: { in: selected.rootIds }, status: { in: ["APPROVED", "DELETED", "TRASH", "SPAM", "PENDING"] } },
    select: {
      id: true,
      parentId: true,
      depth: true,
      status: true,
      createdAt: true,
      editedAt: true,
      likeCount: true,
      bodyHtml: true,
      guestName: true,
      guestEmail: true,
      guestUrl: true,
      authorId: true,
      author: { select: { name: true, handle: true, image: true, email: true } },
    },
  });
  const likedIds = rows.filter((r) => r.status === "APPROVED" && r.likeCount > 0).map((r) => r.id);
  const likes = likedIds.length
    ? await db.commentLike.findMany({
        where: { commentId: { in: likedIds } },
        orderBy: { createdAt: "asc" },
        select: { commentId: true, user: { select: { name: true } } },
      })
    : [];
  const likersOf = new Map<number, string[]>();
  for (const like of likes) {
    const list = likersOf.get(like.commentId);
    if (list) list.push(like.user.name);
    else likersOf.set(like.commentId, [like.user.name]);
  }

  const input: Row[] = rows.map((r) => {
    const visible = r.status === "APPROVED";
    return {
      id: r.id,
      parentId: r.parentId,
      depth: r.depth,
      createdAt: r.createdAt,
      likeCount: r.likeCount,
      visible,
      authorName: visible ? (r.author?.name ?? r.guestName ?? "Anonymous") : DELETED_NAME,
      authorHandle: r.author?.handle ?? null,
      // Only the resolved picture leaves this function, never an e-mail address.
      authorImage: resolveAvatar(r.author?.image, r.author?.email ?? r.guestEmail, settings.gravatarEnabled),
      authorId: r.authorId,
      guestUrl: r.author ? null : r.guestUrl,
      bodyHtml: r.bodyHtml,
      editedAt: r.editedAt,
    };
  });
  const tree = buildThread(input, { maxDepth: options.maxDepth, order: options.order });
  const view = (c: Row): CommentView => ({
    id: c.id,
    parentId: c.parentId,
    depth: c.depth,
    authorName: c.authorName,
    authorHandle: c.visible ? c.authorHandle : null,
    authorImage: c.visible ? c.authorImage : null,
    guestUrl: c.visible ? c.guestUrl : null,
    isPostAuthor: c.visible && c.authorId !== null && c.authorId === postAuthorId,
    bodyHtml: c.bodyHtml,
    createdAt: c.createdAt.toISOString(),
    editedAt: c.editedAt ? c.editedAt.toISOString() : null,
    likeCount: c.likeCount,
    likedBy: likersOf.get(c.id) ?? [],
  });
  return { total, page: selected.page, pageCount: selected.pageCount, nodes: toNodeViews(tree, view) };
}

/** Cached thread page for anonymous readers (tag: the post). */
export function getThreadPage(
  postId: string,
  postAuthorId: string,
  options: { page: number; perPage: number; order: CommentOrder; maxDepth: number },
): Promise<ThreadPage> {
  return unstable_cache(() => readThreadPage(postId, postAuthorId, options), ["thread", postId, JSON.stringify(options)], {
    tags: [tags.post(postId), tags.users, tags.settings],
  })();
}
