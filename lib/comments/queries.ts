import "server-only";
import { unstable_cache } from "next/cache";
import { db } from "../db/client";
import { tags } from "../cache/tags";
import { readSettings } from "../settings/queries";
import { resolveAvatar } from "../users/gravatar";
import { buildThread, pageForRoot, pageOfRoots, type CommentOrder, type TreeInput } from "./tree";
import { toNodeViews, type CommentView, type ThreadPage } from "./views";

interface Row extends TreeInput {
  authorHandle: string | null;
  authorImage: string | null;
  authorId: string | null;
  guestUrl: string | null;
  bodyHtml: string;
  editedAt: Date | null;
  pending: boolean;
}

const DELETED_NAME = "a deleted comment";

export interface ThreadOptions {
  page: number;
  perPage: number;
  order: CommentOrder;
  maxDepth: number;
}

/** Who is looking, for the parts of a thread that are theirs alone. */
export interface ThreadViewer {
  userId: string | null;
  /** Pending comments a guest wrote from this browser (signed cookie). */
  pendingIds: number[];
}

/** Comments a thread shows: approved ones, and the viewer's own that await moderation. */
function shownWhere(postId: string, viewer: ThreadViewer | null) {
  const own = [
    ...(viewer?.userId ? [{ authorId: viewer.userId }] : []),
    ...(viewer && viewer.pendingIds.length > 0 ? [{ id: { in: viewer.pendingIds } }] : []),
  ];
  return own.length > 0
    ? { postId, OR: [{ status: "APPROVED" as const }, { status: "PENDING" as const, OR: own }] }
    : { postId, status: "APPROVED" as const };
}

/** Top-level comments whose thread has something to show, for paging. */
async function listedRoots(postId: string, viewer: ThreadViewer | null) {
  const threads = await db.comment.groupBy({ by: ["rootId"], where: shownWhere(postId, viewer) });
  const rootIds = threads.map((t) => t.rootId).filter((id): id is number => id !== null);
  return rootIds.length
    ? db.comment.findMany({
        where: { id: { in: rootIds } },
        select: { id: true, createdAt: true, likeCount: true, status: true },
      })
    : [];
}

/**
 * One page of a post's thread: top-level comments paged by `order`, each with all of its
 * replies, built into the displayed tree. For a viewer, their own pending comments are shown
 * (marked) and `likedByMe` says which comments they like; without one it is the public thread
 * every anonymous reader shares.
 */
export async function readThreadPage(
  postId: string,
  postAuthorId: string,
  options: ThreadOptions,
  viewer: ThreadViewer | null = null,
): Promise<ThreadPage> {
  const [total, rawRoots, settings] = await Promise.all([
    db.comment.count({ where: { postId, status: "APPROVED" } }),
    listedRoots(postId, viewer),
    readSettings(),
  ]);
  // A deleted top-level comment keeps its place but not its likes.
  const roots = rawRoots.map((r) => (r.status === "APPROVED" ? r : { ...r, likeCount: 0 }));
  const selected = pageOfRoots(roots, options.order, options.perPage, options.page);
  if (selected.rootIds.length === 0) return { total, page: selected.page, pageCount: selected.pageCount, nodes: [] };

  const rows = await db.comment.findMany({
    where: { postId, rootId: { in: selected.rootIds } },
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
  const isOwnPending = (r: { id: number; authorId: string | null; status: string }) =>
    r.status === "PENDING" && !!viewer && ((!!viewer.userId && r.authorId === viewer.userId) || viewer.pendingIds.includes(r.id));
  const likedIds = rows.filter((r) => r.status === "APPROVED" && r.likeCount > 0).map((r) => r.id);
  const [likes, mine] = await Promise.all([
    likedIds.length
      ? db.commentLike.findMany({
          where: { commentId: { in: likedIds } },
          orderBy: { createdAt: "asc" },
          select: { commentId: true, user: { select: { name: true } } },
        })
      : [],
    viewer?.userId && likedIds.length
      ? db.commentLike.findMany({ where: { userId: viewer.userId, commentId: { in: likedIds } }, select: { commentId: true } })
      : [],
  ]);
  const likersOf = new Map<number, string[]>();
  for (const like of likes) {
    const list = likersOf.get(like.commentId);
    if (list) list.push(like.user.name);
    else likersOf.set(like.commentId, [like.user.name]);
  }
  const likedByMe = new Set(mine.map((m) => m.commentId));

  const input: Row[] = rows.map((r) => {
    const pending = isOwnPending(r);
    const visible = r.status === "APPROVED" || pending;
    return {
      id: r.id,
      parentId: r.parentId,
      depth: r.depth,
      createdAt: r.createdAt,
      likeCount: visible ? r.likeCount : 0,
      visible,
      pending,
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
    authorId: c.visible ? c.authorId : null,
    authorHandle: c.visible ? c.authorHandle : null,
    authorImage: c.visible ? c.authorImage : null,
    guestUrl: c.visible ? c.guestUrl : null,
    isPostAuthor: c.visible && c.authorId !== null && c.authorId === postAuthorId,
    bodyHtml: c.bodyHtml,
    createdAt: c.createdAt.toISOString(),
    editedAt: c.editedAt ? c.editedAt.toISOString() : null,
    likeCount: c.likeCount,
    likedBy: likersOf.get(c.id) ?? [],
    pending: c.pending,
    likedByMe: likedByMe.has(c.id),
  });
  return { total, page: selected.page, pageCount: selected.pageCount, nodes: toNodeViews(tree, view) };
}

/** Cached public thread page for anonymous readers (tag: the post). */
export function getThreadPage(postId: string, postAuthorId: string, options: ThreadOptions): Promise<ThreadPage> {
  return unstable_cache(() => readThreadPage(postId, postAuthorId, options), ["thread", postId, JSON.stringify(options)], {
    tags: [tags.post(postId), tags.users, tags.settings],
  })();
}

/**
 * Where a comment is shown: its essay's comment page (in the default order) and anchor.
 * Null when the comment or its essay is gone.
 */
export async function commentPermalink(commentId: number, viewer: ThreadViewer | null = null): Promise<string | null> {
  const comment = await db.comment.findUnique({
    where: { id: commentId },
    select: { id: true, rootId: true, postId: true, post: { select: { slug: true } } },
  });
  if (!comment) return null;
  const settings = await readSettings();
  const roots = await listedRoots(comment.postId, viewer);
  const page = pageForRoot(roots, settings.commentOrder, settings.commentsPerPage, comment.rootId ?? comment.id) ?? 1;
  const base = page <= 1 ? `/posts/${comment.post.slug}` : `/posts/${comment.post.slug}/comment-page/${page}`;
  return `${base}#comment-${comment.id}`;
}

/** A comment's Markdown source for its edit form (only comments of this post, not deleted). */
export async function commentSourceForEditing(
  commentId: number,
  postId: string,
): Promise<{ id: number; bodyMarkdown: string } | null> {
  const row = await db.comment.findUnique({
    where: { id: commentId },
    select: { id: true, postId: true, status: true, bodyMarkdown: true },
  });
  if (!row || row.postId !== postId || row.status === "DELETED") return null;
  return { id: row.id, bodyMarkdown: row.bodyMarkdown };
}
