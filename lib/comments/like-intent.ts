import "server-only";
import { db } from "../db/client";
import { expireTags } from "../cache/revalidate";
import { tags } from "../cache/tags";
import { isBanned } from "../auth/permissions";
import { takeLikeIntent } from "./viewer";
import { setLike } from "./write";

/** Applies (and forgets) the like this browser asked for before signing in, when allowed. */
export async function applyLikeIntent(userId: string): Promise<void> {
  const commentId = await takeLikeIntent();
  if (commentId === null) return;
  const [comment, user] = await Promise.all([
    db.comment.findUnique({ where: { id: commentId }, select: { authorId: true, status: true, postId: true } }),
    db.user.findUnique({ where: { id: userId }, select: { bannedUntil: true } }),
  ]);
  if (!comment || !user || comment.status !== "APPROVED" || comment.authorId === userId || isBanned(user)) return;
  await setLike(db, commentId, userId, true);
  await expireTags(tags.post(comment.postId));
}
