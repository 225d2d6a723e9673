"use server";

import { db } from "../db/client";
import { expireTags } from "../cache/revalidate";
import { tags } from "../cache/tags";
import { can } from "../auth/permissions";
import { getCurrentUser } from "../auth/session";
import { reissueSession } from "../auth/config";
import { endAllSessions } from "./sessions";
import { formValues, type FormState } from "../forms/state";
import { RateLimiter, retryMessage } from "../rate-limit/store";
import { deleteUpload, saveImageUpload } from "../uploads/store";
import { hashPassword, verifyPassword } from "./password";
import { fieldErrors, PasswordChangeSchema, ProfileSchema, RoleChangeSchema } from "./schema";
import { withStorageGuard } from "../forms/storage";
import { refresh } from "next/cache";
import { formatDateTime } from "../format";
import { BlockFormSchema, isForever } from "./block";
import { changeRole, setBlock } from "./block-write";
import { postsLikedBy } from "../comments/likes-moderation";

const signedOut: FormState = { status: 401, message: "Your session has ended. Sign in again." };
const forbidden: FormState = { status: 403, message: "You don’t have permission to do that." };

/** Avatars are small: at most 2 MB. */
const AVATAR_MAX_BYTES = 2 * 1024 * 1024;

/** Change the signed-in user's display name and bio. */
export const updateProfileAction = withStorageGuard(async function updateProfileAction(
  _prev: FormState,
  formData: FormData,
): Promise<FormState> {
  const user = await getCurrentUser();
  if (!user) return signedOut;
  const values = formValues(formData);
  const parsed = ProfileSchema.safeParse({ name: formData.get("name"), bio: formData.get("bio") ?? "" });
  if (!parsed.success) return { errors: fieldErrors(parsed.error), values };
  if (!can(user, "profile:update", { authorId: user.id })) return { ...forbidden, values };
  await db.user.update({ where: { id: user.id }, data: { name: parsed.data.name, bio: parsed.data.bio } });
  await expireTags(tags.users, tags.posts);
  return { ok: true, message: "Profile saved.", values };
});

/** Upload a new avatar (PNG, JPEG, GIF or WebP, at most 2 MB), or remove it. */
export const updateAvatarAction = withStorageGuard(async function updateAvatarAction(
  _prev: FormState,
  formData: FormData,
): Promise<FormState> {
  const user = await getCurrentUser();
  if (!user) return signedOut;
  if (!can(user, "profile:update", { authorId: user.id })) return forbidden;
  if (formData.get("remove") === "1") {
    await db.user.update({ where: { id: user.id }, data: { image: null } });
    await deleteUpload(user.image);
    await expireTags(tags.users, tags.posts);
    return { ok: true, message: "Avatar removed." };
  }
  const file = formData.get("avatar");
  const saved = await saveImageUpload("avatars", file instanceof File ? file : null, AVATAR_MAX_BYTES);
  if (!saved.ok) return { errors: { avatar: saved.error } };
  await db.user.update({ where: { id: user.id }, data: { image: saved.url } });
  await deleteUpload(user.image);
  await expireTags(tags.users, tags.posts);
  return { ok: true, message: "Avatar updated." };
});

const PASSWORD_CHECK_RULE = { limit: 10, windowMs: 15 * 60_000 };

/** Set or change the password (the current one is required when there is one). */
export const changePasswordAction = withStorageGuard(async function changePasswordAction(
  _prev: FormState,
  formData: FormData,
): Promise<FormState> {
  const user = await getCurrentUser();
  if (!user) return signedOut;
  const parsed = PasswordChangeSchema.safeParse({
    currentPassword: formData.get("currentPassword") ?? "",
    newPassword: formData.get("newPassword"),
    confirmPassword: formData.get("confirmPassword"),
  });
  if (!parsed.success) return { errors: fieldErrors(parsed.error) };
  if (user.hasPassword) {
    const limiter = new RateLimiter(db);
    const key = `password-check:${user.id}`;
    const state = await limiter.check(key, PASSWORD_CHECK_RULE);
    if (!state.allowed) return { status: 429, message: `Too many wrong passwords. ${retryMessage(state.retryAfterSeconds)}` };
    const row = await db.user.findUnique({ where: { id: user.id }, select: { passwordHash: true } });
    if (!row?.passwordHash || !(await verifyPassword(row.passwordHash, parsed.data.currentPassword))) {
      await limiter.record(key, PASSWORD_CHECK_RULE);
      return { errors: { currentPassword: "That is not your current password." } };
    }
  }
  // A new password ends every other session (whoever knew the old one is signed out); this
  // browser's session is issued again under the new session version.
  await db.user.update({ where: { id: user.id }, data: { passwordHash: await hashPassword(parsed.data.newPassword) } });
  await endAllSessions(db, user.id);
  await reissueSession({});
  return {
    ok: true,
    message: user.hasPassword
      ? "Password changed. You were signed out everywhere else."
      : "Password set. You can now sign in with it; you were signed out everywhere else.",
  };
});

/** Admins change another account's role. The last admin cannot be demoted. */
export const updateRoleAction = withStorageGuard(async function updateRoleAction(
  _prev: FormState,
  formData: FormData,
): Promise<FormState> {
  const user = await getCurrentUser();
  if (!user) return signedOut;
  const values = formValues(formData);
  const parsed = RoleChangeSchema.safeParse({ userId: formData.get("userId"), role: formData.get("role") });
  if (!parsed.success) {
    // The role form shows one message beside its button, not one per field.
    const errors = fieldErrors(parsed.error);
    return { status: 400, errors, message: errors.userId ?? errors.role, values };
  }
  if (!can(user, "user:update-role")) return { ...forbidden, values };
  const target = await db.user.findUnique({ where: { id: parsed.data.userId }, select: { id: true, name: true, role: true } });
  if (!target) return { status: 404, message: "That account no longer exists.", values };
  if (target.role === parsed.data.role)
    return { ok: true, message: `${target.name} is already ${parsed.data.role.toLowerCase()}.`, values };
  const result = await changeRole(db, user, target, parsed.data.role);
  if (result === "last-admin")
    return { status: 409, message: "The site needs at least one admin. Promote someone else first.", values };
  await expireTags(tags.users);
  return {
    ok: true,
    message: `${target.name} is now ${parsed.data.role === "ADMIN" ? "an admin" : parsed.data.role === "AUTHOR" ? "an author" : "a reader"}.`,
    values,
  };
});

/** An admin blocks an account for a while (or for good), or lifts the block. */
export const blockUserAction = withStorageGuard(async function blockUserAction(
  _prev: FormState,
  formData: FormData,
): Promise<FormState> {
  const user = await getCurrentUser();
  if (!user) return signedOut;
  const values = formValues(formData);
  const parsed = BlockFormSchema.safeParse({
    op: formData.get("op"),
    userId: formData.get("userId"),
    duration: formData.get("duration") ?? undefined,
  });
  if (!parsed.success) {
    const errors = fieldErrors(parsed.error);
    return { status: 400, errors, message: errors.duration ?? errors.userId ?? "Unknown action.", values };
  }
  if (!can(user, "user:block")) return { ...forbidden, values };
  const result = await setBlock(db, user, parsed.data.userId, parsed.data.op === "block" ? parsed.data.duration : null);
  if (!result.ok) {
    switch (result.reason) {
      case "forbidden":
        return { ...forbidden, values };
      case "not-found":
        return { status: 404, message: "That account no longer exists.", values };
      case "self":
        return { status: 409, message: "You can’t block yourself.", values };
      case "admin":
        return { status: 409, message: "Admins can’t be blocked. Change their role first.", values };
    }
  }
  // Their name links and comment forms do not change for readers: only the lists that show it.
  refresh();
  return {
    ok: true,
    message: result.bannedUntil
      ? `${result.name} is blocked${isForever(result.bannedUntil) ? "" : ` until ${formatDateTime(result.bannedUntil.toISOString())}`}.`
      : `${result.name} can comment again.`,
  };
});

/** The reader's choice to keep their name out of public "Liked by" lists (they still count). */
export const hideLikesAction = withStorageGuard(async function hideLikesAction(
  _prev: FormState,
  formData: FormData,
): Promise<FormState> {
  const user = await getCurrentUser();
  if (!user) return signedOut;
  if (!can(user, "profile:update", { authorId: user.id })) return forbidden;
  const hideLikes = formData.get("hideLikes") === "on";
  await db.user.update({ where: { id: user.id }, data: { hideLikes } });
  // The essays whose shared pages list this person's likes.
  const postIds = await postsLikedBy(db, user.id);
  if (postIds.length > 0) await expireTags(...postIds.map((id) => tags.post(id)));
  refresh();
  return {
    ok: true,
    message: hideLikes
      ? "Your name is no longer shown in “Liked by” lists; your likes still count."
      : "Your name is shown in “Liked by” lists again.",
  };
});
