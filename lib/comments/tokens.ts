import { createHmac, randomBytes, timingSafeEqual } from "node:crypto";

/** Signs short values with the site secret (forms' timestamps, the pending-comments cookie). */
function sign(secret: string, value: string): string {
  return createHmac("sha256", secret).update(value).digest("base64url").slice(0, 32);
}

function verify(secret: string, value: string, signature: string): boolean {
  const expected = Buffer.from(sign(secret, value));
  const given = Buffer.from(signature);
  return expected.length === given.length && timingSafeEqual(expected, given);
}

/** A token recording when a comment form was rendered (so a bot cannot fake the fill time). */
export function formToken(secret: string, now: number = Date.now()): string {
  const ts = String(now);
  return `${ts}.${sign(secret, `form:${ts}`)}`;
}

/** Milliseconds since the form was rendered, or null for a missing or forged token. */
export function formAge(secret: string, token: unknown, now: number = Date.now()): number | null {
  if (typeof token !== "string") return null;
  const [ts, signature] = token.split(".");
  if (!ts || !signature || !/^\d{10,16}$/.test(ts) || !verify(secret, `form:${ts}`, signature)) return null;
  return now - Number(ts);
}

/** The pending comments a guest wrote, as a signed cookie value ("12-57.<sig>"). */
export function encodePendingIds(secret: string, ids: readonly number[]): string {
  const list = [...new Set(ids)].slice(-20).join("-");
  return `${list}.${sign(secret, `pending:${list}`)}`;
}

export function decodePendingIds(secret: string, value: string | undefined): number[] {
  if (!value) return [];
  const [list, signature] = value.split(".");
  if (!list || !signature || !/^\d+(-\d+)*$/.test(list) || !verify(secret, `pending:${list}`, signature)) return [];
  return list.split("-").map(Number);
}

/**
 * A guest's remembered name, e-mail and website (their own data, kept in their browser), and a
 * random key of this browser's: comments sent with the cookie carry a hash of the key, and
 * "previously approved" needs both the e-mail and the key (see `guestKeyHash`).
 */
export interface RememberedCommenter {
  name: string;
  email: string;
  url: string;
  key: string;
}

/** A new random browser key for a guest's remember-me cookie. */
export function newGuestKey(): string {
  return randomBytes(16).toString("base64url");
}

/**
 * What a comment stores of the browser key that sent it: a keyed hash, so neither the database
 * nor a moderator's screen holds a key that would let someone pass as that browser.
 */
export function guestKeyHash(secret: string, key: string): string {
  return sign(secret, `guest-key:${key}`);
}

/** The remember-me cookie's value: the details as base64url JSON, signed ("<json>.<sig>"). */
export function encodeCommenter(secret: string, c: RememberedCommenter): string {
  const payload = Buffer.from(JSON.stringify(c)).toString("base64url");
  return `${payload}.${sign(secret, `commenter:${payload}`)}`;
}

/** The remembered details, or null for a missing, oversized, unsigned or tampered cookie. */
export function decodeCommenter(secret: string, value: string | undefined): RememberedCommenter | null {
  if (!value || value.length > 2000) return null;
  const dot = value.lastIndexOf(".");
  if (dot <= 0) return null;
  const payload = value.slice(0, dot);
  if (!verify(secret, `commenter:${payload}`, value.slice(dot + 1))) return null;
  try {
    const parsed = JSON.parse(Buffer.from(payload, "base64url").toString("utf8")) as Partial<RememberedCommenter>;
    if (typeof parsed.name !== "string" || typeof parsed.email !== "string" || typeof parsed.key !== "string") return null;
    if (!/^[A-Za-z0-9_-]{16,64}$/.test(parsed.key)) return null;
    return {
      name: parsed.name.slice(0, 100),
      email: parsed.email.slice(0, 254),
      url: typeof parsed.url === "string" ? parsed.url.slice(0, 200) : "",
      key: parsed.key,
    };
  } catch {
    return null;
  }
}

/**
 * What a comment form's token says about how it was filled in: "forged" (missing, tampered, or
 * dated in the future), "too-fast" (sent sooner than a person types: a bot), "expired" (the
 * page was rendered longer ago than `maxAgeMs`: its timestamp proves nothing any more, so the
 * form must be sent again from a fresh page), or "ok".
 */
export function formTiming(
  secret: string,
  token: unknown,
  limits: { minFillMs: number; maxAgeMs: number },
  now: number = Date.now(),
): "forged" | "too-fast" | "expired" | "ok" {
  const age = formAge(secret, token, now);
  if (age === null || age < -60_000) return "forged";
  if (age < limits.minFillMs) return "too-fast";
  if (age > limits.maxAgeMs) return "expired";
  return "ok";
}
