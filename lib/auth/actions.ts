"use server";

import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { AuthError } from "next-auth";
import { db } from "../db/client";
import { mailConfigured } from "../mail/send";
import { clientIp } from "../http/client-ip";
import { RateLimiter, retryMessage } from "../rate-limit/store";
import { readSettings } from "../settings/queries";
import { createAccount, EmailTakenError } from "../users/create";
import { hashPassword } from "../users/password";
import { fieldErrors, MagicLinkSchema, SignInSchema, SignUpSchema } from "../users/schema";
import { formValues, type FormState } from "../forms/state";
import { navigateFresh } from "../forms/navigate";
import { safeCallbackPath } from "./callback-url";
import { signIn, signOut } from "./config";
import { signinBlocked } from "./credentials";

async function requestIp(): Promise<string> {
  const settings = await readSettings();
  return clientIp(await headers(), settings.trustProxy);
}

const tooManySignIns = (seconds: number): FormState => ({
  status: 429,
  message: `Too many failed sign-in attempts. ${retryMessage(seconds)}`,
});

/** Sign in with e-mail and password, then return to where the reader came from. */
export async function signInAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const values = formValues(formData);
  const callbackUrl = safeCallbackPath(formData.get("callbackUrl"));
  const parsed = SignInSchema.safeParse({ email: formData.get("email"), password: formData.get("password") });
  if (!parsed.success) return { errors: fieldErrors(parsed.error), values };

  const ip = await requestIp();
  const before = await signinBlocked(db, parsed.data.email, ip);
  if (before.blocked) return { ...tooManySignIns(before.retryAfterSeconds), values };
  try {
    await signIn("credentials", { email: parsed.data.email, password: parsed.data.password, redirect: false });
  } catch (error) {
    if (!(error instanceof AuthError)) throw error;
    const after = await signinBlocked(db, parsed.data.email, ip);
    if (after.blocked) return { ...tooManySignIns(after.retryAfterSeconds), values };
    // The same words for an unknown e-mail and a wrong password.
    return { status: 401, message: "Wrong e-mail or password.", values };
  }
  return navigateFresh(callbackUrl);
}

const SIGNUP_RULE = { limit: 10, windowMs: 60 * 60_000 };

/** Create an account (name, e-mail, password) and sign in. */
export async function signUpAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const values = formValues(formData);
  const callbackUrl = safeCallbackPath(formData.get("callbackUrl"));
  const parsed = SignUpSchema.safeParse({
    name: formData.get("name"),
    email: formData.get("email"),
    password: formData.get("password"),
  });
  if (!parsed.success) return { errors: fieldErrors(parsed.error), values };

  const limit = await new RateLimiter(db).hit(`signup:ip:${await requestIp()}`, SIGNUP_RULE);
  if (!limit.allowed)
    return { status: 429, message: `Too many new accounts from your network. ${retryMessage(limit.retryAfterSeconds)}`, values };

  const exists = await db.user.findUnique({ where: { email: parsed.data.email }, select: { id: true } });
  const taken: FormState = {
    errors: {
      email: "An account with this e-mail already exists. Sign in instead, or use a magic link if you forgot the password.",
    },
    values,
  };
  if (exists) return taken;
  try {
    await createAccount(db, {
      name: parsed.data.name,
      email: parsed.data.email,
      passwordHash: await hashPassword(parsed.data.password),
    });
  } catch (error) {
    if (error instanceof EmailTakenError) return taken;
    throw error;
  }
  try {
    await signIn("credentials", { email: parsed.data.email, password: parsed.data.password, redirect: false });
  } catch (error) {
    if (!(error instanceof AuthError)) throw error;
    return { message: "Your account was created. Please sign in.", values };
  }
  return navigateFresh(callbackUrl);
}

const MAGIC_LINK_EMAIL_RULE = { limit: 5, windowMs: 15 * 60_000 };
const MAGIC_LINK_IP_RULE = { limit: 20, windowMs: 15 * 60_000 };

/** E-mail a one-time sign-in link. Says the same thing whether or not an account exists. */
export async function magicLinkAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const values = formValues(formData);
  const callbackUrl = safeCallbackPath(formData.get("callbackUrl"));
  const parsed = MagicLinkSchema.safeParse({ email: formData.get("email") });
  if (!parsed.success) return { errors: fieldErrors(parsed.error), values };
  if (!mailConfigured()) return { status: 503, message: "This site cannot send e-mail yet. Sign in with your password.", values };

  const limiter = new RateLimiter(db);
  const [byEmail, byIp] = await Promise.all([
    limiter.hit(`magic:email:${parsed.data.email}`, MAGIC_LINK_EMAIL_RULE),
    limiter.hit(`magic:ip:${await requestIp()}`, MAGIC_LINK_IP_RULE),
  ]);
  if (!byEmail.allowed || !byIp.allowed) {
    const seconds = Math.max(byEmail.retryAfterSeconds, byIp.retryAfterSeconds);
    return { status: 429, message: `Too many sign-in links requested. ${retryMessage(seconds)}`, values };
  }
  try {
    await signIn("nodemailer", { email: parsed.data.email, redirectTo: callbackUrl, redirect: false });
  } catch (error) {
    if (!(error instanceof AuthError)) throw error;
    return { status: 502, message: "We could not send the e-mail just now. Try again in a minute.", values };
  }
  redirect("/signin/check-email");
}

/** Sign out and go home. */
export async function signOutAction(): Promise<FormState> {
  await signOut({ redirect: false });
  return navigateFresh("/");
}

/** Start GitHub OAuth (only offered when AUTH_GITHUB_ID and AUTH_GITHUB_SECRET are set). */
export async function githubSignInAction(formData: FormData): Promise<void> {
  await signIn("github", { redirectTo: safeCallbackPath(formData.get("callbackUrl")) });
}
