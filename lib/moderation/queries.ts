import "server-only";
import { db } from "../db/client";
import { isBanned } from "../auth/permissions";
import type { Prisma } from "../generated/sqlite/client";
import { makeExcerpt } from "../posts/excerpt";
import { QUEUE_STATUSES, type QueueStatus } from "./transitions";

/** Comments per page of the moderation queue. */
export const QUEUE_PAGE_SIZE = 20;

/** Who is looking: authors see comments on their own essays, admins see all. */
export interface Moderator {
  id: string;
  role: "READER" | "AUTHOR" | "ADMIN";
}

/** One comment in the queue, as the moderator sees it (e-mail and IP hash included). */
export interface QueueItem {
  id: number;
  status: string;
  bodyHtml: string;
  authorName: string;
  /** The account's handle for signed-in writers; null for guests. */
  authorHandle: string | null;
  email: string | null;
  website: string | null;
  /** The first characters of the hashed address, enough to spot one sender. */
  ipHash: string | null;
  createdAt: string;
  editedAt: string | null;
  likeCount: number;
  post: { id: string; slug: string; title: string };
  /** The comment it answers, if it is a reply. */
  parent: { id: number; authorName: string; excerpt: string; status: string } | null;
}

export interface QueuePage {
  items: QueueItem[];
  page: number;
  pageCount: number;
  total: number;
}

/** Only the posts the moderator may moderate. */
function scope(moderator: Moderator): Prisma.CommentWhereInput {
  return moderator.role === "ADMIN" ? {} : { post: { authorId: moderator.id } };
}

const IP_HASH_SHOWN = 10;

const itemSelect = {
  id: true,
  status: true,
  bodyHtml: true,
  bodyMarkdown: true,
  guestName: true,
  guestEmail: true,
  guestUrl: true,
  ipHash: true,
  createdAt: true,
  editedAt: true,
  likeCount: true,
  author: { select: { id: true, name: true, handle: true, email: true, role: true, bannedUntil: true } },
  post: { select: { id: true, slug: true, title: true, authorId: true } },
  parent: { select: { id: true, status: true, bodyMarkdown: true, guestName: true, author: { select: { name: true } } } },
} satisfies Prisma.CommentSelect;

type ItemRow = Prisma.CommentGetPayload<{ select: typeof itemSelect }>;

function toItem(r: ItemRow): QueueItem {
  return {
    id: r.id,
    status: r.status,
    bodyHtml: r.bodyHtml,
    authorName: r.author?.name ?? r.guestName ?? "Anonymous",
    authorHandle: r.author?.handle ?? null,
    email: r.author?.email ?? r.guestEmail,
    website: r.author ? null : r.guestUrl,
    ipHash: r.ipHash ? r.ipHash.slice(0, IP_HASH_SHOWN) : null,
    createdAt: r.createdAt.toISOString(),
    editedAt: r.editedAt?.toISOString() ?? null,
    likeCount: r.likeCount,
    post: { id: r.post.id, slug: r.post.slug, title: r.post.title },
    parent: r.parent
      ? {
          id: r.parent.id,
          status: r.parent.status,
          authorName:
            r.parent.status === "DELETED" ? "a deleted comment" : (r.parent.author?.name ?? r.parent.guestName ?? "Anonymous"),
          excerpt: r.parent.status === "DELETED" ? "" : makeExcerpt(r.parent.bodyMarkdown, 140),
        }
      : null,
  };
}

/** Number of comments per tab (Pending, Approved, Spam, Trash) for the moderator. */
export async function queueCounts(moderator: Moderator, postId?: string | null): Promise<Record<QueueStatus, number>> {
  const rows = await db.comment.groupBy({
    by: ["status"],
    where: { ...scope(moderator), ...(postId ? { postId } : {}), status: { in: [...QUEUE_STATUSES] } },
    _count: { _all: true },
  });
  const counts: Record<QueueStatus, number> = { PENDING: 0, APPROVED: 0, SPAM: 0, TRASH: 0 };
  for (const r of rows) counts[r.status as QueueStatus] = r._count._all;
  return counts;
}

/** One page of a tab of the queue, newest first, optionally for one essay. */
export async function listQueue(
  moderator: Moderator,
  status: QueueStatus,
  page: number,
  postId?: string | null,
): Promise<QueuePage> {
  const where: Prisma.CommentWhereInput = { ...scope(moderator), status, ...(postId ? { postId } : {}) };
  const total = await db.comment.count({ where });
  const pageCount = Math.max(1, Math.ceil(total / QUEUE_PAGE_SIZE));
  const current = Math.min(Math.max(1, page), pageCount);
  const rows = await db.comment.findMany({
    where,
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    skip: (current - 1) * QUEUE_PAGE_SIZE,
    take: QUEUE_PAGE_SIZE,
    select: itemSelect,
  });
  return { total, page: current, pageCount, items: rows.map(toItem) };
}

/** Essays that have comments the moderator may see, for the "filter by essay" menu. */
export async function postsWithComments(moderator: Moderator): Promise<{ id: string; title: string }[]> {
  return db.post.findMany({
    where: {
      ...(moderator.role === "ADMIN" ? {} : { authorId: moderator.id }),
      comments: { some: { status: { in: [...QUEUE_STATUSES] } } },
    },
    orderBy: [{ createdAt: "desc" }],
    take: 200,
    select: { id: true, title: true },
  });
}

/** One comment for its moderation page (edit, reply), with what the permission needs. */
export interface ModeratedComment extends QueueItem {
  bodyMarkdown: string;
  postAuthorId: string;
  /** The writer's account (none for guests), for the admin's Block form. */
  writer: { id: string; name: string; role: string; bannedUntil: string | null } | null;
}

/** A comment for its moderation page, or null when it is gone or was deleted by its writer. */
export async function commentForModeration(id: number): Promise<ModeratedComment | null> {
  const r = await db.comment.findUnique({ where: { id }, select: itemSelect });
  if (!r || r.status === "DELETED") return null;
  const writer = r.author
    ? {
        id: r.author.id,
        name: r.author.name,
        role: r.author.role,
        bannedUntil: r.author.bannedUntil && isBanned(r.author) ? r.author.bannedUntil.toISOString() : null,
      }
    : null;
  return { ...toItem(r), bodyMarkdown: r.bodyMarkdown, postAuthorId: r.post.authorId, writer };
}
