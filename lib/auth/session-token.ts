import { decode } from "next-auth/jwt";

/** The session cookie's names (plain, and with the prefix Auth.js uses on https). */
export const SESSION_COOKIE_NAMES = ["__Secure-authjs.session-token", "authjs.session-token"] as const;

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

/**
 * Decodes session tokens (encrypted JWTs) and remembers the answer until the token expires.
 * Decoding one costs ~2 ms of key derivation and decryption, on every request of a signed-in
 * reader; the same token comes back request after request. Only tokens that decoded are kept,
 * keyed by the whole token (and salt), at most `max` of them.
 */
export class SessionTokenCache {
  private readonly entries = new Map<string, { userId: string | null; expiresAt: number }>();

  constructor(
    private readonly secret: string,
    private readonly max = 10_000,
    private readonly now: () => number = Date.now,
  ) {}

  /** The user id in a valid token; null for a token that is invalid, expired or has no subject. */
  async userIdOf(token: string, salt: string): Promise<string | null> {
    const key = `${salt}\u0000${token}`;
    const known = this.entries.get(key);
    if (known) {
      if (known.expiresAt > this.now()) return known.userId;
      this.entries.delete(key);
    }
    let payload: { sub?: unknown; exp?: unknown } | null;
    try {
      payload = (await decode({ token, secret: this.secret, salt })) as { sub?: unknown; exp?: unknown } | null;
    } catch {
      return null;
    }
    if (!payload) return null;
    const userId = typeof payload.sub === "string" && payload.sub ? payload.sub : null;
    const exp = typeof payload.exp === "number" ? payload.exp * 1000 : this.now();
    if (exp > this.now()) {
      if (this.entries.size >= this.max) {
        const oldest = this.entries.keys().next().value;
        if (oldest !== undefined) this.entries.delete(oldest);
      }
      this.entries.set(key, { userId, expiresAt: exp });
    }
    return exp > this.now() ? userId : null;
  }
}
