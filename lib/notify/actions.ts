"use server";

import { db } from "../db/client";
import { can } from "../auth/permissions";
import { getCurrentUser } from "../auth/session";
import type { FormState } from "../forms/state";
import { withStorageGuard } from "../forms/storage";

/** Save the signed-in user's e-mail notification settings (/account). */
export const updateMailPreferencesAction = withStorageGuard(async function updateMailPreferencesAction(
  _prev: FormState,
  formData: FormData,
): Promise<FormState> {
  const user = await getCurrentUser();
  if (!user) return { status: 401, message: "Your session has ended. Sign in again." };
  if (!can(user, "profile:update", { authorId: user.id }))
    return { status: 403, message: "You don’t have permission to do that." };
  const notifyReplies = formData.get("notifyReplies") === "on";
  // Only authors and admins moderate; for readers the setting is not shown and stays as it is.
  const moderates = user.role === "AUTHOR" || user.role === "ADMIN";
  await db.user.update({
    where: { id: user.id },
    data: { notifyReplies, ...(moderates ? { notifyModeration: formData.get("notifyModeration") === "on" } : {}) },
  });
  return { ok: true, message: "E-mail preferences saved." };
});
