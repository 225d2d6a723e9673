import "server-only";
import { cache } from "react";
import { forbidden, redirect } from "next/navigation";
import { db } from "../db/client";
import { auth } from "./config";
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

/**
 * The signed-in user or null. The session (a signed JWT cookie) only carries the user's id;
 * role, name and ban state are read from the database, so a role change applies at once.
 * Memoized per request.
 */
export const getCurrentUser = cache(async (): Promise<CurrentUser | null> => {
  const session = await auth();
  const id = session?.user?.id;
  if (!id) return null;
  const user = await db.user.findUnique({
    where: { id },
    select: {
      id: true,
      name: true,
      email: true,
      handle: true,
      image: true,
      role: true,
      bio: true,
      bannedUntil: true,
      passwordHash: true,
    },
  });
  if (!user) return null;
  const { passwordHash, ...rest } = user;
  return { ...rest, hasPassword: Boolean(passwordHash) };
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
