"use server";

import type { z } from "zod";
import { db } from "../db/client";
import { expireTags } from "../cache/revalidate";
import { tags } from "../cache/tags";
import { can } from "../auth/permissions";
import { getCurrentUser } from "../auth/session";
import { formValues, type FormState } from "../forms/state";
import { renderComment } from "../markdown/comment";
import { CommentRejected, insertComment } from "../comments/write";
import { fieldErrors } from "../users/schema";
import { ModerateFormSchema, ModeratorEditSchema, ModeratorReplySchema, RemoveLikeSchema } from "./schema";
import { removeLike } from "../comments/likes-moderation";
import { outcomeMessage } from "./transitions";
import { editCommentBody, loadModeratedComment, moderateComments } from "./write";
import { withStorageGuard } from "../forms/storage";
import { nudgeNotifier } from "../notify/notifier";

const signedOut: FormState = { status: 401, message: "Your session has ended. Sign in again." };
const notYours: FormState = {
  status: 403,
  message: "You can’t moderate one or more of these comments. Nothing was changed.",
};

/** A refused edit or reply: the body's problem next to it; a comment id that is not one, on top. */
function invalid(error: z.ZodError, values: Record<string, string>): FormState {
  const { commentId: notAComment, ...errors } = fieldErrors(error);
  return { errors, values, ...(notAComment ? { status: 400, message: notAComment } : {}) };
}

export interface ReplyState extends FormState {
  /** Where the new reply can be seen. */
  replyUrl?: string;
}

/**
 * The queue's one form: a comment's own button (approve, unapprove, spam, trash, restore,
 * delete) or the bulk menu with the ticked comments. All or nothing: one id the moderator may
 * not touch refuses the whole request.
 */
export const moderateCommentsAction = withStorageGuard(async function moderateCommentsAction(
  _prev: FormState,
  formData: FormData,
): Promise<FormState> {
  const user = await getCurrentUser();
  if (!user) return signedOut;
  const parsed = ModerateFormSchema.safeParse({
    op: formData.get("op") ?? "",
    bulkAction: formData.get("bulkAction") ?? undefined,
    ids: formData.getAll("ids").filter((v) => typeof v === "string"),
  });
  if (!parsed.success) {
    const errors = fieldErrors(parsed.error);
    return { status: 400, errors, message: errors.bulkAction ?? errors.ids ?? errors.op ?? "That did not work." };
  }
  if (!can(user, "comment:moderate")) return notYours;
  const result = await moderateComments(db, user, parsed.data.ids, parsed.data.op);
  if (!result.ok) {
    return result.reason === "forbidden"
      ? notYours
      : { status: 404, message: "One or more of these comments no longer exist. Nothing was changed." };
  }
  if (result.postIds.length > 0) await expireTags(...result.postIds.map((id) => tags.post(id)), tags.posts);
  if (result.changed > 0) nudgeNotifier();
  return { ok: true, message: outcomeMessage(parsed.data.op, result.changed, result.skipped) };
});

/** A moderator rewrites a comment (re-rendered with the comment pipeline). */
export const moderatorEditAction = withStorageGuard(async function moderatorEditAction(
  _prev: FormState,
  formData: FormData,
): Promise<FormState> {
  const user = await getCurrentUser();
  if (!user) return signedOut;
  const values = formValues(formData);
  const parsed = ModeratorEditSchema.safeParse({ commentId: formData.get("commentId"), body: formData.get("editBody") });
  if (!parsed.success) return invalid(parsed.error, values);
  const comment = await loadModeratedComment(db, parsed.data.commentId);
  if (!comment || comment.status === "DELETED") return { status: 404, message: "That comment no longer exists.", values };
  if (!can(user, "comment:moderate", { postAuthorId: comment.post.authorId })) {
    return { status: 403, message: "You can’t moderate this comment.", values };
  }
  const saved = await editCommentBody(db, comment.id, parsed.data.body, await renderComment(parsed.data.body), null, user);
  if (!saved) return { status: 404, message: "That comment no longer exists.", values };
  await expireTags(tags.post(comment.postId));
  return { ok: true, message: "Comment saved.", values };
});

/** The post's author (or an admin) replies to a comment; the reply is approved at once. */
export const moderatorReplyAction = withStorageGuard(async function moderatorReplyAction(
  _prev: ReplyState,
  formData: FormData,
): Promise<ReplyState> {
  const user = await getCurrentUser();
  if (!user) return signedOut;
  const values = formValues(formData);
  const parsed = ModeratorReplySchema.safeParse({ commentId: formData.get("commentId"), body: formData.get("replyBody") });
  if (!parsed.success) return invalid(parsed.error, values);
  const parent = await loadModeratedComment(db, parsed.data.commentId);
  if (!parent || parent.status === "DELETED") return { status: 404, message: "That comment no longer exists.", values };
  if (!can(user, "comment:moderate", { postAuthorId: parent.post.authorId }) || !can(user, "comment:create")) {
    return { status: 403, message: "You can’t reply to this comment here.", values };
  }
  if (parent.status !== "APPROVED") {
    return { errors: { body: "Approve the comment before replying to it." }, values };
  }
  let reply;
  try {
    reply = await insertComment(db, {
      postId: parent.postId,
      parentId: parent.id,
      authorId: user.id,
      bodyMarkdown: parsed.data.body,
      status: "APPROVED",
    });
  } catch (error) {
    if (error instanceof CommentRejected) return { errors: { body: error.message }, values };
    throw error;
  }
  await expireTags(tags.post(parent.postId), tags.posts);
  nudgeNotifier();
  return { ok: true, message: "Reply published.", replyUrl: `/comments/${reply.id}` };
});

/** A moderator removes one person's like from a comment (the count follows, in one transaction). */
export const removeLikeAction = withStorageGuard(async function removeLikeAction(
  _prev: FormState,
  formData: FormData,
): Promise<FormState> {
  const user = await getCurrentUser();
  if (!user) return signedOut;
  const parsed = RemoveLikeSchema.safeParse({ commentId: formData.get("commentId"), userId: formData.get("userId") });
  if (!parsed.success) return { status: 400, message: "That is not a like." };
  if (!can(user, "comment:moderate")) return { status: 403, message: "You can’t moderate this comment." };
  const result = await removeLike(db, user, parsed.data.commentId, parsed.data.userId);
  if (!result.ok) {
    return result.reason === "forbidden"
      ? { status: 403, message: "You can’t moderate this comment." }
      : { status: 404, message: "That like was already removed." };
  }
  await expireTags(tags.post(result.postId));
  return { ok: true, message: `Like removed. ${result.likeCount === 1 ? "1 like" : `${result.likeCount} likes`} left.` };
});
