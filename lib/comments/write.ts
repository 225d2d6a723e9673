import type { Db } from "../db/client";
import { renderComment } from "../markdown/comment";

export interface SeedCommentInput {
  postId: string;
  parentId: number | null;
  authorId?: string | null;
  guest?: { name: string; email: string; url?: string | null } | null;
  bodyMarkdown: string;
  createdAt?: Date;
}

/**
 * Inserts an approved comment, deriving rootId and depth from its parent and keeping the post's
 * approved-comment count in the same transaction. Used by the seed and benchmarks; readers'
 * comments go through the validated, rate-limited path of the comments feature.
 */
export async function insertApprovedComment(db: Db, input: SeedCommentInput) {
  const bodyHtml = await renderComment(input.bodyMarkdown);
  return db.$transaction(async (tx) => {
    const parent = input.parentId
      ? await tx.comment.findUniqueOrThrow({ where: { id: input.parentId }, select: { id: true, rootId: true, depth: true } })
      : null;
    const created = await tx.comment.create({
      data: {
        postId: input.postId,
        parentId: parent?.id ?? null,
        rootId: parent ? (parent.rootId ?? parent.id) : null,
        depth: parent ? parent.depth + 1 : 0,
        authorId: input.authorId ?? null,
        guestName: input.guest?.name ?? null,
        guestEmail: input.guest?.email ?? null,
        guestUrl: input.guest?.url ?? null,
        bodyMarkdown: input.bodyMarkdown,
        bodyHtml,
        status: "APPROVED",
        createdAt: input.createdAt,
      },
    });
    const comment = parent ? created : await tx.comment.update({ where: { id: created.id }, data: { rootId: created.id } });
    await tx.post.update({ where: { id: input.postId }, data: { commentCount: { increment: 1 } } });
    return comment;
  });
}

/** Adds a like (idempotent) and bumps the denormalized count in the same transaction. */
export async function addLike(db: Db, commentId: number, userId: string): Promise<boolean> {
  return db.$transaction(async (tx) => {
    const existing = await tx.commentLike.findUnique({ where: { commentId_userId: { commentId, userId } } });
    if (existing) return false;
    await tx.commentLike.create({ data: { commentId, userId } });
    await tx.comment.update({ where: { id: commentId }, data: { likeCount: { increment: 1 } } });
    return true;
  });
}
