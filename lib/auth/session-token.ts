import { decode } from "next-auth/jwt";
import { SESSION_COOKIE_NAMES } from "./viewer";

export { SESSION_COOKIE_NAMES };

interface CookieJar {
  get(name: string): { value: string } | undefined;
  getAll(): { name: string; value: string }[];
}

/**
 * The session token a request carries, from the cookie Auth.js set (joined again when Auth.js
 * split a large one into `<name>.0`, `<name>.1` …), with the cookie name it is salted with.
 */
export function sessionTokenOf(jar: CookieJar): { token: string; salt: string } | null {
  for (const name of SESSION_COOKIE_NAMES) {
    const whole = jar.get(name)?.value;
    if (whole) return { token: whole, salt: name };
    const chunks = jar
      .getAll()
      .filter((c) => c.name.startsWith(`${name}.`) && /^\d+$/.test(c.name.slice(name.length + 1)))
      .sort((a, b) => Number(a.name.slice(name.length + 1)) - Number(b.name.slice(name.length + 1)));
    if (chunks.length > 0) return { token: chunks.map((c) => c.value).join(""), salt: name };
  }
  return null;
}

/**
 * The cookies of a `Cookie` request header. (The request's own cookies, not `cookies()`, which
 * inside a server action also shows cookies the action has just set: a sign-in must not make
 * the page it was sent from render as signed in before the action's answer moves on.)
 */
export function requestCookies(header: string | null): CookieJar {
  const all: { name: string; value: string }[] = [];
  for (const part of (header ?? "").split(";")) {
    const eq = part.indexOf("=");
    if (eq <= 0) continue;
    const name = part.slice(0, eq).trim();
    let value = part.slice(eq + 1).trim();
    try {
      value = decodeURIComponent(value);
    } catch {
      // keep it as sent
    }
    if (name) all.push({ name, value });
  }
  return { get: (name) => all.find((c) => c.name === name), getAll: () => all };
}

/** The claim in Hearth's session tokens that carries the account's session version. */
export const SESSION_VERSION_CLAIM = "sv";

/** Who a session token names: the user and the session version it was issued under. */
export interface SessionClaims {
  userId: string;
  /** Tokens issued before sessions had versions count as version 0. */
  version: number;
}

/**
 * Decodes session tokens (encrypted JWTs) and remembers the answer until the token expires.
 * Decoding one costs ~2 ms of key derivation and decryption, on every request of a signed-in
 * reader; the same token comes back request after request. Only tokens that decoded are kept,
 * keyed by the whole token (and salt), at most `max` of them. Whether the session is still
 * valid (its version is the account's current one) is for the caller to check.
 */
export class SessionTokenCache {
  private readonly entries = new Map<string, { claims: SessionClaims | null; expiresAt: number }>();

  constructor(
    private readonly secret: string,
    private readonly max = 10_000,
    private readonly now: () => number = Date.now,
  ) {}

  /** The claims of a valid token; null for a token that is invalid, expired or has no subject. */
  async claimsOf(token: string, salt: string): Promise<SessionClaims | null> {
    const key = `${salt}\u0000${token}`;
    const known = this.entries.get(key);
    if (known) {
      if (known.expiresAt > this.now()) return known.claims;
      this.entries.delete(key);
    }
    let payload: Record<string, unknown> | null;
    try {
      payload = (await decode({ token, secret: this.secret, salt })) as Record<string, unknown> | null;
    } catch {
      return null;
    }
    if (!payload) return null;
    const version = payload[SESSION_VERSION_CLAIM];
    const claims =
      typeof payload.sub === "string" && payload.sub
        ? { userId: payload.sub, version: typeof version === "number" && Number.isInteger(version) ? version : 0 }
        : null;
    const exp = typeof payload.exp === "number" ? payload.exp * 1000 : this.now();
    if (exp > this.now()) {
      if (this.entries.size >= this.max) {
        const oldest = this.entries.keys().next().value;
        if (oldest !== undefined) this.entries.delete(oldest);
      }
      this.entries.set(key, { claims, expiresAt: exp });
    }
    return exp > this.now() ? claims : null;
  }
}
