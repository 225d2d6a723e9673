import { createHmac, timingSafeEqual } from "node:crypto";

/**
 * "This browser has signed in to this account before": a signed cookie listing (keyed hashes
 * of) the accounts that signed in from it. While an account is under attack, password sign-in
 * stays open to its owner's known browsers (see lib/auth/credentials.ts); nobody can forge the
 * cookie without the site's secret.
 */
export const KNOWN_DEVICE_COOKIE = "hearth_device";
/** Kept for a year; the newest accounts first, at most this many. */
export const KNOWN_DEVICE_MAX_ACCOUNTS = 5;

const mac = (secret: string, value: string) => createHmac("sha256", secret).update(value).digest("base64url");
const accountTag = (secret: string, userId: string) => mac(secret, `known-device:${userId}`).slice(0, 22);

function tagsOf(secret: string, value: string | undefined): string[] {
  if (!value || value.length > 400) return [];
  const dot = value.lastIndexOf(".");
  if (dot <= 0) return [];
  const list = value.slice(0, dot);
  const expected = Buffer.from(mac(secret, `known-devices:${list}`).slice(0, 32));
  const given = Buffer.from(value.slice(dot + 1));
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) return [];
  return list.split("~").filter((t) => /^[A-Za-z0-9_-]{22}$/.test(t));
}

/** Whether the cookie says this browser signed in to `userId` before. */
export function isKnownDevice(secret: string, value: string | undefined, userId: string): boolean {
  return tagsOf(secret, value).includes(accountTag(secret, userId));
}

/** The cookie's new value once `userId` has signed in from this browser. */
export function rememberDevice(secret: string, value: string | undefined, userId: string): string {
  const tag = accountTag(secret, userId);
  const list = [tag, ...tagsOf(secret, value).filter((t) => t !== tag)].slice(0, KNOWN_DEVICE_MAX_ACCOUNTS).join("~");
  return `${list}.${mac(secret, `known-devices:${list}`).slice(0, 32)}`;
}
