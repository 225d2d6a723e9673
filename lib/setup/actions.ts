"use server";

import { AuthError } from "next-auth";
import { z } from "zod";
import { db } from "../db/client";
import { expireTags } from "../cache/revalidate";
import { tags } from "../cache/tags";
import { signIn } from "../auth/config";
import { navigateFresh } from "../forms/navigate";
import { formValues, type FormState } from "../forms/state";
import { hashPassword } from "../users/password";
import { fieldErrors, SignUpSchema } from "../users/schema";
import { claimSetup } from "./first-admin";
import { withStorageGuard } from "../forms/storage";

const SetupSchema = z.object({ token: z.string().max(100) });

const SETUP_REFUSED = {
  done: "This site has an admin already. Sign in instead.",
  invalid: "This setup link is not valid any more. Start the server again (npm run serve) for a new one, or use npm run user:create.",
  ready: "",
} as const;

/**
 * Create the site's first admin with the one-time setup link (lib/setup/first-admin.ts). There
 * is no session to check: the token is the permission, checked and used up in one transaction.
 */
export const setupAdminAction = withStorageGuard(async function setupAdminAction(
  _prev: FormState,
  formData: FormData,
): Promise<FormState> {
  const values = formValues(formData);
  const token = SetupSchema.safeParse({ token: formData.get("token") });
  const account = SignUpSchema.safeParse({ name: formData.get("name"), email: formData.get("email"), password: formData.get("password") });
  if (!token.success) return { status: 400, message: SETUP_REFUSED.invalid, values };
  if (!account.success) return { errors: fieldErrors(account.error), values };
  const claimed = await claimSetup(db, token.data.token, {
    name: account.data.name,
    email: account.data.email,
    passwordHash: await hashPassword(account.data.password),
  });
  if (!claimed.ok) return { status: claimed.reason === "done" ? 409 : 403, message: SETUP_REFUSED[claimed.reason], values };
  await expireTags(tags.users);
  try {
    await signIn("credentials", { email: account.data.email, password: account.data.password, redirect: false });
  } catch (error) {
    if (!(error instanceof AuthError)) throw error;
    return navigateFresh("/signin?callbackUrl=%2Fdashboard");
  }
  return navigateFresh("/dashboard");
});
