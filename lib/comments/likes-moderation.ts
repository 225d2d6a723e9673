import type { Db } from "../db/client";
import { retryWhenBusy } from "../db/retry";
import { can, type Actor } from "../auth/permissions";
import { audit } from "../audit/write";

export interface Liker {
  userId: string;
  name: string;
  handle: string;
  /** The person keeps their name out of public "Liked by" lists. */
  hidden: boolean;
  likedAt: string;
}

/** Everyone who liked a comment, oldest first, hidden names included (for moderators only). */
export async function likersForModeration(db: Db, commentId: number): Promise<Liker[]> {
  const rows = await db.commentLike.findMany({
    where: { commentId },
    orderBy: [{ createdAt: "asc" }, { userId: "asc" }],
    select: { createdAt: true, user: { select: { id: true, name: true, handle: true, hideLikes: true } } },
  });
  return rows.map((r) => ({
    userId: r.user.id,
    name: r.user.name,
    handle: r.user.handle,
    hidden: r.user.hideLikes,
    likedAt: r.createdAt.toISOString(),
  }));
}

export type RemoveLikeResult = { ok: true; postId: string; likeCount: number } | { ok: false; reason: "forbidden" | "not-found" };

/**
 * A moderator (the essay's author, an admin) removes someone's like: the row goes, the comment's
 * `likeCount` follows and the audit entry is written, all in one transaction; a like already
 * gone changes nothing.
 */
export async function removeLike(db: Db, actor: Actor, commentId: number, userId: string): Promise<RemoveLikeResult> {
  return retryWhenBusy(() =>
    db.$transaction(async (tx) => {
      const comment = await tx.comment.findUnique({
        where: { id: commentId },
        select: { postId: true, post: { select: { authorId: true } } },
      });
      if (!comment) return { ok: false as const, reason: "not-found" as const };
      if (!can(actor, "comment:moderate", { postAuthorId: comment.post.authorId })) {
        return { ok: false as const, reason: "forbidden" as const };
      }
      const { count } = await tx.commentLike.deleteMany({ where: { commentId, userId } });
      if (count === 0) return { ok: false as const, reason: "not-found" as const };
      const updated = await tx.comment.update({
        where: { id: commentId },
        data: { likeCount: { decrement: 1 } },
        select: { likeCount: true },
      });
      await audit(tx, {
        actorId: actor.id,
        action: "like.remove",
        targetType: "comment",
        targetId: commentId,
        before: { likedBy: userId, likeCount: updated.likeCount + 1 },
        after: { likeCount: updated.likeCount },
      });
      return { ok: true as const, postId: comment.postId, likeCount: updated.likeCount };
    }),
  );
}

/** The essays whose public "Liked by" lists show this person (to purge when they hide their name). */
export async function postsLikedBy(db: Db, userId: string): Promise<string[]> {
  const rows = await db.comment.findMany({
    where: { likes: { some: { userId } } },
    distinct: ["postId"],
    select: { postId: true },
    take: 1000,
  });
  return rows.map((r) => r.postId);
}
