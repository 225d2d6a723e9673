import { encode } from "next-auth/jwt";

// The request plumbing getCurrentUser (lib/auth/session.ts) reads, for test files that call it
// outside Next.js. A test file replaces the framework's modules with these:
//
//   vi.mock("next/headers", async () => (await import("../support/session-request")).nextHeadersModule);
//   vi.mock("next-auth", async () => (await import("../support/session-request")).nextAuthModule);
//
// and sets `request.cookie` (the request's Cookie header) before each call. Sessions are the
// real thing: a JWT sealed by Auth.js's own encode() with TEST_AUTH_SECRET, as the sign-in sets.

/** The secret the test sessions are sealed with; the test sets AUTH_SECRET to it. */
export const TEST_AUTH_SECRET = "integration-test-secret-0123456789abcdef";

/** The cookie Auth.js sets on plain http (its name is also the token's salt). */
export const SESSION_COOKIE = "authjs.session-token";

/** The current request: its Cookie header (empty: no cookies). */
export const request = { cookie: "" };

/** Stands in for next/headers: the request's headers, with its cookies. */
export const nextHeadersModule = {
  headers: async () => new Headers(request.cookie ? { cookie: request.cookie } : {}),
};

/**
 * Stands in for next-auth, whose entry point imports next/server in a form Node cannot resolve
 * outside Next's bundler. With AUTH_SECRET set getCurrentUser never calls auth(); the session
 * token itself is decoded by next-auth/jwt, which is not replaced.
 */
export const nextAuthModule = {
  default: () => ({ auth: async () => null, handlers: {}, signIn: async () => undefined, signOut: async () => undefined }),
  AuthError: class AuthError extends Error {},
};

/**
 * A session token for `userId` as Auth.js issues it (`maxAge` seconds; negative: expired),
 * issued under session `version` (the `sv` claim; absent, as in tokens from before versions).
 */
export function sessionToken(
  userId: string,
  options: { secret?: string; salt?: string; maxAge?: number; version?: number } = {},
): Promise<string> {
  return encode({
    token: {
      sub: userId,
      name: "ignored: the database is asked",
      ...(options.version === undefined ? {} : { sv: options.version }),
    },
    secret: options.secret ?? TEST_AUTH_SECRET,
    salt: options.salt ?? SESSION_COOKIE,
    maxAge: options.maxAge,
  });
}
