import "server-only";
import { cache } from "react";
import { headers } from "next/headers";
import { forbidden, redirect } from "next/navigation";
import { db, sqlOf } from "../db/client";
import { authSecret } from "../env";
import { Prisma } from "../generated/sqlite/client";
import { requestCookies, SessionTokenCache, sessionTokenOf, type SessionClaims } from "./session-token";
import { can, type Action, type Resource, type Role } from "./permissions";

/** The signed-in person, as every private page and action sees them (fresh from the database). */
export interface CurrentUser {
  id: string;
  name: string;
  email: string;
  handle: string;
  image: string | null;
  role: Role;
  bio: string;
  bannedUntil: Date | null;
  hasPassword: boolean;
  /** Whether the account's e-mail address was confirmed (a link sent to it was opened). */
  emailVerified: boolean;
}

const globalForSessions = globalThis as unknown as { hearthSessionTokens?: SessionTokenCache };

/**
 * The claims of the request's session cookie, or null (as the request arrived, like auth(): not
 * a cookie an action has just set). The cookie is the JWT Auth.js issued; it is decoded here
 * (and remembered, see SessionTokenCache) rather than through auth(), which runs Auth.js's
 * whole session endpoint and seals a new token on every call — the largest cost of a signed-in
 * request.
 */
async function sessionClaims(requestHeaders: Headers): Promise<SessionClaims | null> {
  const found = sessionTokenOf(requestCookies(requestHeaders.get("cookie")));
  if (!found) return null;
  const tokens = (globalForSessions.hearthSessionTokens ??= new SessionTokenCache(authSecret()));
  return tokens.claimsOf(found.token, found.salt);
}

/** A CurrentUser as the plain query returns it (dates as text and booleans as 0/1 on SQLite). */
type UserRow = Omit<CurrentUser, "bannedUntil" | "hasPassword" | "emailVerified"> & {
  bannedUntil: Date | string | null;
  hasPassword: number | bigint | boolean;
  emailVerified: number | bigint | boolean;
  sessionVersion: number | bigint;
};

/**
 * Sessions found valid earlier in the same request, by the request's headers (one object per
 * request, shared by a server action and the render that answers it): `${userId}:${version}`.
 */
const validInRequest = new WeakMap<object, string>();

/**
 * The signed-in user or null. The session (a signed JWT cookie) only carries the user's id and
 * the session version it was issued under; role, name and ban state are read from the
 * database, so a role change applies at once, and a session issued before the account's
 * sessions were ended (sign out everywhere, a password change) is no session at all.
 *
 * Like the cookie, the session's validity is the request's as it arrived: a server action that
 * ends the account's sessions (sign out everywhere, a password change) does not sign out the
 * render of the page that answers it. Otherwise that page (the account page) would find no
 * user and redirect to sign in, and the browser would follow that redirect instead of the
 * action's own answer (the notice on /signin, "Password changed" on the account page).
 * Memoized per request.
 */
export const getCurrentUser = cache(async (): Promise<CurrentUser | null> => {
  const requestHeaders = await headers();
  const claims = await sessionClaims(requestHeaders);
  if (!claims) return null;
  // One plain query: this runs on every request of a signed-in reader.
  const rows = await sqlOf(db).query<UserRow>(Prisma.sql`
    SELECT "id", "name", "email", "handle", "image", "role", "bio", "bannedUntil", "sessionVersion",
           ("passwordHash" IS NOT NULL) AS "hasPassword", ("emailVerified" IS NOT NULL) AS "emailVerified"
    FROM "User" WHERE "id" = ${claims.userId}`);
  const row = rows[0];
  if (!row) return null;
  const session = `${claims.userId}:${claims.version}`;
  if (Number(row.sessionVersion) !== claims.version && validInRequest.get(requestHeaders) !== session) return null;
  validInRequest.set(requestHeaders, session);
  const { sessionVersion: _version, ...user } = row;
  return {
    ...user,
    bannedUntil: user.bannedUntil === null ? null : new Date(user.bannedUntil),
    hasPassword: Boolean(Number(user.hasPassword)),
    emailVerified: Boolean(Number(user.emailVerified)),
  };
});

/** The signed-in user, or a redirect to sign in that brings them back to `returnTo`. */
export async function requireUser(returnTo: string): Promise<CurrentUser> {
  const user = await getCurrentUser();
  if (!user) redirect(`/signin?callbackUrl=${encodeURIComponent(returnTo)}`);
  return user;
}

/** The signed-in user when they may do `action` (on `resource`); otherwise 403 (or sign-in). */
export async function requirePermission(returnTo: string, action: Action, resource?: Resource): Promise<CurrentUser> {
  const user = await requireUser(returnTo);
  if (!can(user, action, resource)) forbidden();
  return user;
}
