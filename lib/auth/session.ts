import "server-only";
import { cache } from "react";
import { headers } from "next/headers";
import { forbidden, redirect } from "next/navigation";
import { db, sqlOf } from "../db/client";
import { env } from "../env";
import { Prisma } from "../generated/sqlite/client";
import { auth } from "./config";
import { requestCookies, SessionTokenCache, sessionTokenOf } from "./session-token";
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
}

const globalForSessions = globalThis as unknown as { hearthSessionTokens?: SessionTokenCache };

/**
 * The id in the request's session cookie, or null (as the request arrived, like auth(): not a
 * cookie an action has just set). The cookie is the JWT Auth.js issued; it is
 * decoded here (and remembered, see SessionTokenCache) rather than through auth(), which runs
 * Auth.js's whole session endpoint and seals a new token on every call — the largest cost of a
 * signed-in request. Without a configured secret, auth() is asked.
 */
async function sessionUserId(): Promise<string | null> {
  const secret = env().AUTH_SECRET;
  if (!secret) return (await auth())?.user?.id ?? null;
  const found = sessionTokenOf(requestCookies((await headers()).get("cookie")));
  if (!found) return null;
  const tokens = (globalForSessions.hearthSessionTokens ??= new SessionTokenCache(secret));
  return tokens.userIdOf(found.token, found.salt);
}

/** A CurrentUser as the plain query returns it (dates as text and booleans as 0/1 on SQLite). */
type UserRow = Omit<CurrentUser, "bannedUntil" | "hasPassword"> & {
  bannedUntil: Date | string | null;
  hasPassword: number | bigint | boolean;
};

/**
 * The signed-in user or null. The session (a signed JWT cookie) only carries the user's id;
 * role, name and ban state are read from the database, so a role change applies at once.
 * Memoized per request.
 */
export const getCurrentUser = cache(async (): Promise<CurrentUser | null> => {
  const id = await sessionUserId();
  if (!id) return null;
  // One plain query: this runs on every request of a signed-in reader.
  const rows = await sqlOf(db).query<UserRow>(Prisma.sql`
    SELECT "id", "name", "email", "handle", "image", "role", "bio", "bannedUntil",
           ("passwordHash" IS NOT NULL) AS "hasPassword"
    FROM "User" WHERE "id" = ${id}`);
  const user = rows[0];
  if (!user) return null;
  return {
    ...user,
    bannedUntil: user.bannedUntil === null ? null : new Date(user.bannedUntil),
    hasPassword: Boolean(Number(user.hasPassword)),
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
