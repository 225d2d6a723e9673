"use server";

import { db } from "../db/client";
import { expireTags } from "../cache/revalidate";
import { tags } from "../cache/tags";
import { can } from "../auth/permissions";
import { getCurrentUser } from "../auth/session";
import { formValues, type FormState } from "../forms/state";
import { fieldErrors } from "../users/schema";
import { SettingsSchema, settingsFormInput } from "./schema";
import { withStorageGuard } from "../forms/storage";

/** Admins change the site settings; every page uses the new values at once. */
export const updateSettingsAction = withStorageGuard(async function updateSettingsAction(
  _prev: FormState,
  formData: FormData,
): Promise<FormState> {
  const user = await getCurrentUser();
  if (!user) return { status: 401, message: "Your session has ended. Sign in again." };
  const values = formValues(formData);
  if (!can(user, "settings:update")) return { status: 403, message: "Only admins can change the site settings.", values };
  const parsed = SettingsSchema.safeParse(settingsFormInput(formData));
  if (!parsed.success) {
    return { errors: fieldErrors(parsed.error), message: "Some settings need another look (see below).", values };
  }
  await db.settings.upsert({ where: { id: 1 }, create: { id: 1, ...parsed.data }, update: parsed.data });
  // The header, footer, feed and metadata read the settings; essay pages read the thread settings.
  await expireTags(tags.settings, tags.posts);
  // The form shows what was stored (trimmed, normalized), ticked boxes as a browser sends them.
  const saved: Record<string, string> = {};
  for (const [key, value] of Object.entries(parsed.data)) {
    if (typeof value === "boolean") {
      if (value) saved[key] = "on";
    } else saved[key] = String(value);
  }
  return { ok: true, message: "Settings saved.", values: saved };
});
