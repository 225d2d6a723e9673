import { createHmac, timingSafeEqual } from "node:crypto";

/** What an unsubscribe link turns off: reply mails, or held-comment mails for an author. */
export type UnsubscribeKind = "replies" | "moderation";

export interface UnsubscribeTarget {
  kind: UnsubscribeKind;
  email: string;
}

function sign(secret: string, payload: string): string {
  return createHmac("sha256", secret).update(`unsubscribe:${payload}`).digest("base64url");
}

/**
 * The token of a one-click unsubscribe link: the kind and address (base64url), signed with the
 * site secret, so it works without signing in and cannot be made for someone else's address.
 * It does not expire: a mail read months later must still unsubscribe.
 */
export function unsubscribeToken(secret: string, target: UnsubscribeTarget): string {
  const payload = Buffer.from(`${target.kind}:${target.email.toLowerCase()}`).toString("base64url");
  return `${payload}.${sign(secret, payload)}`;
}

/** The target of a token, or null for a missing, malformed or forged one. */
export function readUnsubscribeToken(secret: string, token: unknown): UnsubscribeTarget | null {
  if (typeof token !== "string" || token.length > 1000) return null;
  const [payload, signature, extra] = token.split(".");
  if (!payload || !signature || extra !== undefined) return null;
  const expected = Buffer.from(sign(secret, payload));
  const given = Buffer.from(signature);
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) return null;
  const text = Buffer.from(payload, "base64url").toString("utf8");
  const colon = text.indexOf(":");
  const kind = text.slice(0, colon);
  const email = text.slice(colon + 1);
  if ((kind !== "replies" && kind !== "moderation") || !email.includes("@")) return null;
  return { kind, email };
}
