import "server-only";
import { db } from "../db/client";
import { expireConversation } from "../cache/revalidate";
import { can, isBanned } from "../auth/permissions";
import { blockedMessage } from "../users/block";
import { getCurrentUser } from "../auth/session";
import { getSettings } from "../settings/queries";
import { requestIp, ipHashOf } from "../http/request-ip";
import { RateLimiter, retryMessage } from "../rate-limit/store";
import { commentPermalink, likeTarget } from "./queries";
import { setLikeIntent } from "./viewer";
import { CommentRejected, setLike } from "./write";

/** What pressing Like (or Unlike) came to. */
export type LikeOutcome =
  /** Signed out: the like is remembered and applied once they have signed in there. */
  | { kind: "sign-in"; location: string }
  | { kind: "done"; liked: boolean; likeCount: number; /** Only when asked for. */ permalink: string | null }
  | { kind: "refused"; status: 403 | 404 | 409 | 429; message: string };

/**
 * Likes or unlikes a comment for whoever is signed in: one like per person, not on one's own
 * comment, only on approved comments (an unknown or held one is refused before anyone is sent
 * to sign in); the essay's cached pages are expired. Signed-out readers are sent to sign in and
 * brought back to the comment with the like applied.
 */
export async function likeComment(commentId: number, wantLike: boolean, options: { permalink: boolean }): Promise<LikeOutcome> {
  const [user, settings] = await Promise.all([getCurrentUser(), getSettings()]);
  // Where the comment is shown comes with the checks when the answer will point there.
  const viewer = user ? { userId: user.id, pendingIds: [] } : null;
  const comment = await likeTarget(commentId, options.permalink || !user ? { viewer, settings } : null);
  if (!comment || comment.status !== "APPROVED")
    return { kind: "refused", status: 404, message: "Only published comments can be liked." };
  if (!user) {
    await setLikeIntent(commentId);
    return { kind: "sign-in", location: `/signin?callbackUrl=${encodeURIComponent(comment.permalink ?? "/")}` };
  }
  if (comment.authorId === user.id) return { kind: "refused", status: 403, message: "You can’t like your own comment." };
  if (user.bannedUntil && isBanned(user))
    return { kind: "refused", status: 403, message: blockedMessage(user.bannedUntil, "like comments") };
  if (!can(user, "comment:like", { authorId: comment.authorId }))
    return { kind: "refused", status: 403, message: "You can’t like comments right now." };
  // Flood control: per person and per address (four times the person's limit: people share
  // addresses), counted in the database so it holds across instances.
  const ipKey = ipHashOf(await requestIp(settings));
  const flood = await new RateLimiter(db).hitAll([
    { key: `like:min:user:${user.id}`, rule: { limit: settings.likesPerMinute, windowMs: 60_000 } },
    { key: `like:hour:user:${user.id}`, rule: { limit: settings.likesPerHour, windowMs: 3_600_000 } },
    { key: `like:min:ip:${ipKey}`, rule: { limit: settings.likesPerMinute * 4, windowMs: 60_000 } },
    { key: `like:hour:ip:${ipKey}`, rule: { limit: settings.likesPerHour * 4, windowMs: 3_600_000 } },
  ]);
  if (!flood.allowed) {
    return { kind: "refused", status: 429, message: `You’re liking too quickly. ${retryMessage(flood.retryAfterSeconds)}` };
  }
  let result;
  try {
    result = await setLike(db, commentId, user.id, wantLike);
  } catch (error) {
    if (error instanceof CommentRejected) return { kind: "refused", status: 409, message: error.message };
    throw error;
  }
  await expireConversation({ id: comment.postId, slug: comment.postSlug });
  // Ordered by likes, the like itself may have moved the comment's thread to another page.
  const permalink =
    options.permalink && settings.commentOrder === "likes" ? await commentPermalink(commentId, viewer, settings) : comment.permalink;
  return { kind: "done", ...result, permalink };
}
