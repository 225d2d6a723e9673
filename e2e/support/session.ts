/**
 * Session cookies for tests that talk HTTP without a browser: an Auth.js session token minted
 * with the e2e server's AUTH_SECRET, as a password sign-in would set it (bench/lib/writes.ts
 * does the same for the benchmarks).
 */
import { encode } from "next-auth/jwt";
import type { UserRecord } from "./data";

/** Must match AUTH_SECRET in scripts/e2e-server.mjs. */
export const E2E_AUTH_SECRET = "e2e-auth-secret-not-for-production-0123456789";

const COOKIE = "authjs.session-token";

/** The `Cookie` header value of a browser signed in as `user` (for an hour). */
export async function sessionCookie(user: Pick<UserRecord, "id" | "name" | "email">): Promise<string> {
  const token = await encode({
    token: { sub: user.id, name: user.name, email: user.email },
    secret: E2E_AUTH_SECRET,
    salt: COOKIE,
    maxAge: 3600,
  });
  return `${COOKIE}=${token}`;
}
