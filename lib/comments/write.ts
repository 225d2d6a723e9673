import type { Db } from "../db/client";
import { retryWhenBusy } from "../db/retry";
import { renderComment } from "../markdown/comment";
import type { CommentStatusValue } from "./policy";

export interface NewComment {
  postId: string;
  parentId: number | null;
  authorId?: string | null;
  guest?: { name: string; email: string; url?: string | null } | null;
  bodyMarkdown: string;
  /** Rendered and sanitized HTML; rendered here when omitted. */
  bodyHtml?: string;
  status: CommentStatusValue;
  ipHash?: string | null;
  userAgent?: string | null;
  createdAt?: Date;
}

/** Why a comment could not be stored (a parent that went away meanwhile, for instance). */
export class CommentRejected extends Error {
  constructor(
    readonly field: "parentId" | "postId",
    message: string,
  ) {
    super(message);
    this.name = "CommentRejected";
  }
}

/**
 * Stores a comment in one transaction: the parent must be an approved comment on the same post;
 * rootId and depth come from it; an approved comment bumps the post's approved count.
 */
export async function insertComment(db: Db, input: NewComment) {
  const bodyHtml = input.bodyHtml ?? (await renderComment(input.bodyMarkdown));
  return retryWhenBusy(() =>
    db.$transaction(async (tx) => {
      const parent = input.parentId
        ? await tx.comment.findUnique({
            where: { id: input.parentId },
            select: { id: true, postId: true, rootId: true, depth: true, status: true },
          })
        : null;
      if (input.parentId && (!parent || parent.postId !== input.postId || parent.status !== "APPROVED")) {
        throw new CommentRejected("parentId", "The comment you are replying to is no longer available.");
      }
      const created = await tx.comment.create({
        data: {
          postId: input.postId,
          parentId: parent?.id ?? null,
          rootId: parent ? (parent.rootId ?? parent.id) : null,
          depth: parent ? parent.depth + 1 : 0,
          authorId: input.authorId ?? null,
          guestName: input.guest?.name ?? null,
          guestEmail: input.guest?.email?.toLowerCase() ?? null,
          guestUrl: input.guest?.url || null,
          bodyMarkdown: input.bodyMarkdown,
          bodyHtml,
          status: input.status,
          ipHash: input.ipHash ?? null,
          userAgent: input.userAgent?.slice(0, 300) ?? null,
          createdAt: input.createdAt,
        },
      });
      const comment = parent ? created : await tx.comment.update({ where: { id: created.id }, data: { rootId: created.id } });
      if (input.status === "APPROVED") {
        await tx.post.update({ where: { id: input.postId }, data: { commentCount: { increment: 1 } } });
      }
      return comment;
    }),
  );
}

/** Inserts an approved comment (seed data, benchmarks, tests). */
export function insertApprovedComment(db: Db, input: Omit<NewComment, "status">) {
  return insertComment(db, { ...input, status: "APPROVED" });
}

/**
 * Likes or unlikes a comment for a user. One like per person, enforced by the primary key;
 * the count changes in the same transaction. Returns whether the user likes it afterwards and
 * the new count. Only approved comments can be liked.
 */
export async function setLike(
  db: Db,
  commentId: number,
  userId: string,
  like: boolean,
): Promise<{ liked: boolean; likeCount: number }> {
  try {
    return await retryWhenBusy(() =>
      db.$transaction(async (tx) => {
        const comment = await tx.comment.findUnique({ where: { id: commentId }, select: { status: true, likeCount: true } });
        if (!comment) throw new CommentRejected("postId", "That comment no longer exists.");
        const existing = await tx.commentLike.findUnique({ where: { commentId_userId: { commentId, userId } } });
        if (like && !existing) {
          if (comment.status !== "APPROVED") throw new CommentRejected("postId", "Only published comments can be liked.");
          await tx.commentLike.create({ data: { commentId, userId } });
          const updated = await tx.comment.update({
            where: { id: commentId },
            data: { likeCount: { increment: 1 } },
            select: { likeCount: true },
          });
          return { liked: true, likeCount: updated.likeCount };
        }
        if (!like && existing) {
          await tx.commentLike.delete({ where: { commentId_userId: { commentId, userId } } });
          const updated = await tx.comment.update({
            where: { id: commentId },
            data: { likeCount: { decrement: 1 } },
            select: { likeCount: true },
          });
          return { liked: false, likeCount: updated.likeCount };
        }
        return { liked: Boolean(existing), likeCount: comment.likeCount };
      }),
    );
  } catch (error) {
    // Another request by the same person got there first (PostgreSQL): the like exists.
    if ((error as { code?: string }).code === "P2002") {
      const row = await db.comment.findUniqueOrThrow({ where: { id: commentId }, select: { likeCount: true } });
      return { liked: true, likeCount: row.likeCount };
    }
    throw error;
  }
}

/** Adds a like (idempotent); true when it was added. */
export async function addLike(db: Db, commentId: number, userId: string): Promise<boolean> {
  const before = await db.commentLike.findUnique({ where: { commentId_userId: { commentId, userId } } });
  if (before) return false;
  const after = await setLike(db, commentId, userId, true);
  return after.liked;
}
