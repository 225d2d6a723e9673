"use server";

import { headers } from "next/headers";
import { db } from "../db/client";
import { expireConversation } from "../cache/revalidate";
import { tags } from "../cache/tags";
import { can, isBanned } from "../auth/permissions";
import { getCurrentUser } from "../auth/session";
import { navigateFresh } from "../forms/navigate";
import { formValues, type FormState } from "../forms/state";
import { ipHashOf, requestIp } from "../http/request-ip";
import { countLinks, renderComment } from "../markdown/comment";
import { RateLimiter, retryMessage } from "../rate-limit/store";
import { getSettings } from "../settings/queries";
import { fieldErrors } from "../users/schema";
import { commentsClosed, initialStatus, MAX_FORM_AGE_MS, MIN_FILL_MS, statusAfterEdit, withinEditWindow } from "./policy";
import { accountHasEmail, commentPermalink, openPost, writerHistory } from "./queries";
import { CommentIdSchema, CommentBodySchema, EditCommentSchema, GuestSchema, NewCommentSchema } from "./schema";
import { formTiming, formToken, guestKeyHash, newGuestKey } from "./tokens";
import { addPendingId, commentSecret, readCommenter, rememberCommenter } from "./viewer";
import { deleteFromThread, editCommentBody, loadModeratedComment } from "../moderation/write";
import { CommentRejected, insertComment } from "./write";
import { withStorageGuard } from "../forms/storage";
import { nudgeNotifier } from "../notify/notifier";
import { blockedMessage } from "../users/block";

export interface CommentFormState extends FormState {
  /** Rendered preview of the comment (the "Preview" button). */
  preview?: string;
}

/** Why an account whose address is not confirmed cannot comment, and what to do. */
const unconfirmed = (email: string) =>
  `Confirm your e-mail address to comment: open the link we sent to ${email}, or send a new one from your account page (/account).`;

async function requestContext() {
  const [h, settings] = await Promise.all([headers(), getSettings()]);
  return { settings, ipHash: ipHashOf(await requestIp(settings)), userAgent: h.get("user-agent") ?? "" };
}

/** Post a comment or a reply (or preview it). Works as a plain form post without JavaScript. */
export const postCommentAction = withStorageGuard(async function postCommentAction(
  _prev: CommentFormState,
  formData: FormData,
): Promise<CommentFormState> {
  const values = formValues(formData, ["homepage"]);
  const user = await getCurrentUser();
  const parsed = NewCommentSchema.safeParse({
    postId: formData.get("postId"),
    parentId: formData.get("parentId") ?? "",
    body: formData.get("body"),
  });
  const guest = user
    ? null
    : GuestSchema.safeParse({ name: formData.get("name"), email: formData.get("email"), url: formData.get("url") ?? "" });
  const errors = {
    ...(parsed.success ? {} : fieldErrors(parsed.error)),
    ...(guest && !guest.success ? fieldErrors(guest.error) : {}),
  };

  if (formData.get("intent") === "preview") {
    const body = CommentBodySchema.safeParse(formData.get("body"));
    if (!body.success) return { errors: { body: body.error.issues[0]?.message ?? "Write a comment first." }, values };
    return { values, preview: await renderComment(body.data) };
  }
  if (!parsed.success || (guest && !guest.success)) {
    // The hidden fields (which essay, which comment answered) have no place next to them: their
    // problem is the form's message.
    const { postId: essayProblem, parentId: parentProblem, ...shown } = errors;
    const message = essayProblem ?? parentProblem;
    return { errors: shown, values, ...(message ? { status: 400, message } : {}) };
  }
  if (user?.bannedUntil && isBanned(user)) return { status: 403, message: blockedMessage(user.bannedUntil), values };
  if (user && !can(user, "comment:create")) return { status: 403, message: "You don’t have permission to comment.", values };
  if (user && !user.emailVerified) return { status: 403, message: unconfirmed(user.email), values };
  const guestData = guest?.success ? guest.data : null;
  // A form rendered too long ago proves nothing about how long it took to fill in: send it again
  // from a fresh form, with everything typed kept.
  const timing = user
    ? "ok"
    : formTiming(commentSecret(), formData.get("ft"), { minFillMs: MIN_FILL_MS, maxAgeMs: MAX_FORM_AGE_MS });
  if (timing === "expired") {
    return {
      status: 400,
      message: "This page was open for more than a day, so its form expired. Check your comment and send it again.",
      values: { ...values, ft: formToken(commentSecret()) },
    };
  }
  // Nobody comments as a member without signing in (the member may not even know of it).
  if (guestData && (await accountHasEmail(guestData.email))) {
    return { errors: { email: "This address belongs to an account here. Sign in to comment with it." }, values };
  }

  const { settings, ipHash, userAgent } = await requestContext();
  const post = await openPost(parsed.data.postId);
  if (!post) return { status: 404, message: "This essay is not open for comments.", values };
  if (commentsClosed(post, settings)) return { status: 403, message: "Comments are closed.", values };

  // Flood control, per address and per person, in the database so it holds across instances.
  const limiter = new RateLimiter(db);
  const who = user ? `user:${user.id}` : `email:${guest?.success ? guest.data.email : ""}`;
  const limits = [
    { key: `comment:min:ip:${ipHash}`, rule: { limit: settings.floodPerMinute, windowMs: 60_000 } },
    { key: `comment:hour:ip:${ipHash}`, rule: { limit: settings.floodPerHour, windowMs: 3_600_000 } },
    { key: `comment:min:${who}`, rule: { limit: settings.floodPerMinute, windowMs: 60_000 } },
    { key: `comment:hour:${who}`, rule: { limit: settings.floodPerHour, windowMs: 3_600_000 } },
  ];
  const countedAt = Date.now();
  const flood = await limiter.hitAll(limits, countedAt);
  if (!flood.allowed) {
    return { status: 429, message: `You’re commenting too quickly. ${retryMessage(flood.retryAfterSeconds)}`, values };
  }
  const takeBack = () => limiter.undoAll(limits, countedAt);

  // "Previously approved" is this browser's: the e-mail of an approved comment is not enough
  // (anyone can type it), the signed remember-me cookie that sent it must come back too.
  const remembered = guestData ? await readCommenter() : null;
  const sameBrowser = remembered && guestData && remembered.email.toLowerCase() === guestData.email ? remembered : null;
  const remember = formData.get("remember") === "on";
  const browserKey = guestData && remember ? (sameBrowser?.key ?? newGuestKey()) : null;
  const history = await writerHistory(
    post.id,
    user
      ? { userId: user.id }
      : { email: guestData?.email ?? "", guestKey: sameBrowser ? guestKeyHash(commentSecret(), sameBrowser.key) : null },
  );
  if (history.lastBody === parsed.data.body) {
    await takeBack();
    return { errors: { body: "Duplicate comment: you already said that." }, values };
  }

  const bodyHtml = await renderComment(parsed.data.body);
  const honeypot = String(formData.get("homepage") ?? "");
  const decision = initialStatus({
    settings,
    linkCount: countLinks(bodyHtml),
    signedIn: Boolean(user),
    trusted: Boolean(user && (user.id === post.authorId || user.role === "ADMIN")),
    guestPreviouslyApproved: history.approvedBefore,
    // Signed-in readers are known people; the fill time only judges anonymous forms.
    looksAutomated: honeypot.length > 0 || timing !== "ok",
    texts: [parsed.data.body, guestData?.name, guestData?.email, guestData?.url],
  });

  let comment;
  try {
    comment = await insertComment(db, {
      postId: post.id,
      parentId: parsed.data.parentId,
      authorId: user?.id ?? null,
      guest: guestData ? { name: guestData.name, email: guestData.email, url: guestData.url || null } : null,
      bodyMarkdown: parsed.data.body,
      bodyHtml,
      status: decision.status,
      ipHash,
      userAgent,
      guestKey: browserKey ? guestKeyHash(commentSecret(), browserKey) : null,
      notifyReplies: Boolean(guestData) && formData.get("notify") === "on",
    });
  } catch (error) {
    if (error instanceof CommentRejected) {
      await takeBack();
      return { errors: { [error.field]: error.message }, message: error.message, values };
    }
    throw error;
  }

  if (decision.status === "APPROVED") await expireConversation(post, tags.posts);
  nudgeNotifier();
  if (!user) {
    await rememberCommenter(
      guestData && browserKey ? { name: guestData.name, email: guestData.email, url: guestData.url, key: browserKey } : null,
    );
    // Held comments are shown to the browser that wrote them; spam is held silently.
    if (decision.status === "PENDING" || decision.status === "SPAM") await addPendingId(comment.id);
  }
  const visibleToWriter = decision.status === "APPROVED" || decision.status === "PENDING" || decision.status === "SPAM";
  const permalink = visibleToWriter
    ? await commentPermalink(comment.id, { userId: user?.id ?? null, pendingIds: [comment.id] }, settings)
    : null;
  return navigateFresh(permalink ?? `/posts/${post.slug}#comments`);
});

/** Edit a comment: its writer within the edit window, the post's author and admins any time. */
export const editCommentAction = withStorageGuard(async function editCommentAction(
  _prev: CommentFormState,
  formData: FormData,
): Promise<CommentFormState> {
  const values = formValues(formData);
  const user = await getCurrentUser();
  if (!user) return { status: 401, message: "Sign in to edit your comment.", values };
  const parsed = EditCommentSchema.safeParse({ commentId: formData.get("commentId"), body: formData.get("body") });
  if (!parsed.success) {
    const { commentId: notAComment, ...errors } = fieldErrors(parsed.error);
    return { errors, values, ...(notAComment ? { status: 400, message: notAComment } : {}) };
  }
  const comment = await loadModeratedComment(db, parsed.data.commentId);
  if (!comment || comment.status === "DELETED") return { status: 404, message: "That comment no longer exists.", values };
  const resource = { authorId: comment.authorId, postAuthorId: comment.post.authorId };
  if (user.bannedUntil && isBanned(user))
    return { status: 403, message: blockedMessage(user.bannedUntil, "edit comments"), values };
  if (!can(user, "comment:update", resource)) return { status: 403, message: "You can’t edit this comment.", values };
  const moderator = user.role === "ADMIN" || comment.post.authorId === user.id;
  const settings = await getSettings();
  if (!moderator && !withinEditWindow(comment.createdAt, settings.editWindowMinutes)) {
    return { status: 403, message: `Comments can be edited for ${settings.editWindowMinutes} minutes after posting.`, values };
  }
  const bodyHtml = await renderComment(parsed.data.body);
  // A writer's edit meets the rules a new comment meets (blocked words, held words, links):
  // approving a harmless comment must not let anything be edited into it later.
  const moveTo = moderator
    ? null
    : statusAfterEdit({
        settings,
        linkCount: countLinks(bodyHtml),
        texts: [parsed.data.body, user.name, user.email],
      });
  const saved = await editCommentBody(db, comment.id, parsed.data.body, bodyHtml, moveTo, user);
  if (!saved) return { status: 404, message: "That comment no longer exists.", values };
  await expireConversation({ id: comment.postId, slug: comment.post.slug }, ...(moveTo ? [tags.posts] : []));
  const permalink = await commentPermalink(comment.id, { userId: user.id, pendingIds: [] }, settings);
  return navigateFresh(permalink ?? `/posts/${comment.post.slug}#comments`);
});

/** Delete a comment (its writer any time; the post's author and admins). Replies keep a tombstone. */
export const deleteCommentAction = withStorageGuard(async function deleteCommentAction(
  _prev: CommentFormState,
  formData: FormData,
): Promise<CommentFormState> {
  const user = await getCurrentUser();
  if (!user) return { status: 401, message: "Sign in to delete your comment." };
  const parsed = CommentIdSchema.safeParse({ commentId: formData.get("commentId") });
  if (!parsed.success) return { status: 400, message: "That is not a comment." };
  const comment = await loadModeratedComment(db, parsed.data.commentId);
  if (!comment || comment.status === "DELETED") return { status: 404, message: "That comment no longer exists." };
  if (!can(user, "comment:delete", { authorId: comment.authorId, postAuthorId: comment.post.authorId })) {
    return { status: 403, message: "You can’t delete this comment." };
  }
  await deleteFromThread(db, user, comment);
  const permalink = await commentPermalink(comment.id, { userId: user.id, pendingIds: [] }, await getSettings());
  await expireConversation({ id: comment.postId, slug: comment.post.slug }, tags.posts);
  return navigateFresh(permalink ?? `/posts/${comment.post.slug}#comments`);
});
