"use server";

import { cookies } from "next/headers";
import { redirect } from "next/navigation";
import { AuthError } from "next-auth";
import { db } from "../db/client";
import { authSecret } from "../env";
import { mailConfigured } from "../mail/send";
import { requestIp } from "../http/request-ip";
import { RateLimiter, retryMessage } from "../rate-limit/store";
import { createAccount, EmailTakenError } from "../users/create";
import { hashPassword } from "../users/password";
import { fieldErrors, MagicLinkSchema, SignInSchema, SignUpSchema } from "../users/schema";
import { formValues, type FormState } from "../forms/state";
import { navigateFresh } from "../forms/navigate";
import { endAllSessions } from "../users/sessions";
import { sendVerificationMail } from "../users/verification-mail";
import { safeCallbackPath } from "./callback-url";
import { signIn, signOut, SigninRefused } from "./config";
import { signinBlocked } from "./credentials";
import { isKnownDevice, KNOWN_DEVICE_COOKIE } from "./known-device";
import { getCurrentUser } from "./session";
import { withStorageGuard } from "../forms/storage";
import { isStorageUnavailable } from "../db/unavailable";


/** What the sign-in form says when the limits of lib/auth/credentials.ts refuse an attempt. */
function refusedSignIn(reason: "rate_limited" | "use_magic_link", seconds: number, magicLink: boolean): FormState {
  if (reason === "rate_limited") {
    return { status: 429, message: `Too many failed sign-in attempts from your network. ${retryMessage(seconds)}` };
  }
  return {
    status: 429,
    message: magicLink
      ? `This account has had many failed sign-in attempts, so its password only works on browsers it was used on before. Sign in with a link sent to your e-mail below, or ${retryMessage(seconds).toLowerCase()}`
      : `This account has had many failed sign-in attempts, so its password only works on browsers it was used on before. ${retryMessage(seconds)}`,
  };
}

/** Whether this browser signed in to the account with this address before. */
async function knownDeviceFor(email: string): Promise<boolean> {
  const device = (await cookies()).get(KNOWN_DEVICE_COOKIE)?.value;
  if (!device) return false;
  const user = await db.user.findUnique({ where: { email }, select: { id: true } });
  return user !== null && isKnownDevice(authSecret(), device, user.id);
}

/** Sign in with e-mail and password, then return to where the reader came from. */
export const signInAction = withStorageGuard(async function signInAction(
  _prev: FormState,
  formData: FormData,
): Promise<FormState> {
  const values = formValues(formData);
  const callbackUrl = safeCallbackPath(formData.get("callbackUrl"));
  const parsed = SignInSchema.safeParse({ email: formData.get("email"), password: formData.get("password") });
  if (!parsed.success) return { errors: fieldErrors(parsed.error), values };

  const ip = await requestIp();
  const before = await signinBlocked(db, parsed.data.email, ip, await knownDeviceFor(parsed.data.email));
  if (before.blocked) return { ...refusedSignIn(before.reason, before.retryAfterSeconds, mailConfigured()), values };
  try {
    await signIn("credentials", { email: parsed.data.email, password: parsed.data.password, redirect: false });
  } catch (error) {
    if (error instanceof SigninRefused) {
      return { ...refusedSignIn(error.reason, error.retryAfterSeconds, mailConfigured()), values };
    }
    // A write the database could not take is not a wrong password (lib/forms/storage.ts answers it).
    if (!(error instanceof AuthError) || isStorageUnavailable(error)) throw error;
    // The same words for an unknown e-mail and a wrong password.
    return { status: 401, message: "Wrong e-mail or password.", values };
  }
  return navigateFresh(callbackUrl);
});

const SIGNUP_RULE = { limit: 10, windowMs: 60 * 60_000 };

/**
 * Create an account (name, e-mail, password) and sign in. The address is unconfirmed until the
 * link mailed to it is opened: until then the account cannot comment, and a magic link to the
 * address takes the account over (lib/users/sessions.ts).
 */
export const signUpAction = withStorageGuard(async function signUpAction(
  _prev: FormState,
  formData: FormData,
): Promise<FormState> {
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
  let account;
  try {
    account = await createAccount(db, {
      name: parsed.data.name,
      email: parsed.data.email,
      passwordHash: await hashPassword(parsed.data.password),
    });
  } catch (error) {
    if (error instanceof EmailTakenError) return taken;
    throw error;
  }
  await sendVerificationMail(account);
  try {
    await signIn("credentials", { email: parsed.data.email, password: parsed.data.password, redirect: false });
  } catch (error) {
    if (!(error instanceof AuthError)) throw error;
    return { message: "Your account was created. Please sign in.", values };
  }
  return navigateFresh(callbackUrl);
});

/**
 * Magic links are the way in that failed passwords never close (lib/auth/credentials.ts), so
 * strangers must not be able to use them up either: a browser asks at most 3 times per
 * address in 15 minutes, an address 20 times in all, and an e-mail address receives at most
 * 20 links an hour (so nobody floods an inbox) — except in browsers that signed in to that
 * account before, which are never refused for the account's own sake.
 */
const MAGIC_LINK_PAIR_RULE = { limit: 3, windowMs: 15 * 60_000 };
const MAGIC_LINK_IP_RULE = { limit: 20, windowMs: 15 * 60_000 };
const MAGIC_LINK_EMAIL_RULE = { limit: 20, windowMs: 60 * 60_000 };

/** E-mail a one-time sign-in link. Says the same thing whether or not an account exists. */
export const magicLinkAction = withStorageGuard(async function magicLinkAction(
  _prev: FormState,
  formData: FormData,
): Promise<FormState> {
  const values = formValues(formData);
  const callbackUrl = safeCallbackPath(formData.get("callbackUrl"));
  const parsed = MagicLinkSchema.safeParse({ email: formData.get("email") });
  if (!parsed.success) return { errors: fieldErrors(parsed.error), values };
  if (!mailConfigured()) return { status: 503, message: "This site cannot send e-mail yet. Sign in with your password.", values };

  const ip = await requestIp();
  const email = parsed.data.email;
  const limits = [
    { key: `magic:pair:${ip}:${email}`, rule: MAGIC_LINK_PAIR_RULE },
    { key: `magic:ip:${ip}`, rule: MAGIC_LINK_IP_RULE },
    ...((await knownDeviceFor(email)) ? [] : [{ key: `magic:email:${email}`, rule: MAGIC_LINK_EMAIL_RULE }]),
  ];
  const limit = await new RateLimiter(db).hitAll(limits);
  if (!limit.allowed) {
    return { status: 429, message: `Too many sign-in links requested. ${retryMessage(limit.retryAfterSeconds)}`, values };
  }
  try {
    await signIn("nodemailer", { email: parsed.data.email, redirectTo: callbackUrl, redirect: false });
  } catch (error) {
    // The link could not be stored: nothing was saved (lib/forms/storage.ts answers it).
    if (!(error instanceof AuthError) || isStorageUnavailable(error)) throw error;
    return { status: 502, message: "We could not send the e-mail just now. Try again in a minute.", values };
  }
  redirect("/signin/check-email");
});

const RESEND_RULE = { limit: 5, windowMs: 60 * 60_000 };

/** Mail the signed-in account a new link that confirms its address. */
export const resendVerificationAction = withStorageGuard(async function resendVerificationAction(
  _prev: FormState,
  _formData: FormData,
): Promise<FormState> {
  const user = await getCurrentUser();
  if (!user) return { status: 401, message: "Your session has ended. Sign in again." };
  if (user.emailVerified) return { ok: true, message: "Your e-mail address is confirmed already." };
  if (!mailConfigured()) return { status: 503, message: "This site cannot send e-mail yet. Ask its admin to confirm your address." };
  const limit = await new RateLimiter(db).hit(`verify-mail:${user.id}`, RESEND_RULE);
  if (!limit.allowed) return { status: 429, message: `We sent several links already. ${retryMessage(limit.retryAfterSeconds)}` };
  if (!(await sendVerificationMail(user))) {
    return { status: 502, message: "We could not send the e-mail just now. Try again in a minute." };
  }
  return { ok: true, message: `We sent a new link to ${user.email}. It works once, signed in to this account.` };
});

/** End every session of the signed-in account, this one too, and go to the sign-in page. */
export const signOutEverywhereAction = withStorageGuard(async function signOutEverywhereAction(): Promise<FormState> {
  const user = await getCurrentUser();
  if (user) await endAllSessions(db, user.id);
  await signOut({ redirect: false });
  return navigateFresh("/signin?notice=signed-out-everywhere");
});

/** Sign out and go home. */
export const signOutAction = withStorageGuard(async function signOutAction(): Promise<FormState> {
  await signOut({ redirect: false });
  return navigateFresh("/");
});

/** Start GitHub OAuth (only offered when AUTH_GITHUB_ID and AUTH_GITHUB_SECRET are set). */
export const githubSignInAction = withStorageGuard(async function githubSignInAction(formData: FormData): Promise<void> {
  await signIn("github", { redirectTo: safeCallbackPath(formData.get("callbackUrl")) });
});
