import { createHmac, timingSafeEqual } from "node:crypto";

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

/** A guest's remembered name, e-mail and website (their own data, kept in their browser). */
export interface RememberedCommenter {
  name: string;
  email: string;
  url: string;
}

export function encodeCommenter(c: RememberedCommenter): string {
  return Buffer.from(JSON.stringify(c)).toString("base64url");
}

export function decodeCommenter(value: string | undefined): RememberedCommenter | null {
  if (!value || value.length > 2000) return null;
  try {
    const parsed = JSON.parse(Buffer.from(value, "base64url").toString("utf8")) as Partial<RememberedCommenter>;
    if (typeof parsed.name !== "string" || typeof parsed.email !== "string") return null;
    return {
      name: parsed.name.slice(0, 100),
      email: parsed.email.slice(0, 254),
      url: typeof parsed.url === "string" ? parsed.url.slice(0, 200) : "",
    };
  } catch {
    return null;
  }
}
