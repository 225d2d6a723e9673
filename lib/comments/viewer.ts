import "server-only";
import { cookies } from "next/headers";
import { authSecret } from "../env";
import { decodeCommenter, decodePendingIds, encodeCommenter, encodePendingIds, type RememberedCommenter } from "./tokens";
import { COMMENTER_COOKIE, PENDING_COOKIE } from "../auth/viewer";

/** Cookies that make a reading page this browser's own: lib/auth/viewer.ts. */
export { COMMENTER_COOKIE, PENDING_COOKIE };
export const LIKE_INTENT_COOKIE = "hearth_like";

const YEAR = 365 * 24 * 60 * 60;

/** The secret that signs comment forms and cookies: the session secret (never a constant). */
export function commentSecret(): string {
  return authSecret();
}

/** The guest details this browser asked to be remembered (a signed cookie), or null. */
export async function readCommenter(): Promise<RememberedCommenter | null> {
  return decodeCommenter(commentSecret(), (await cookies()).get(COMMENTER_COOKIE)?.value);
}

export async function rememberCommenter(c: RememberedCommenter | null): Promise<void> {
  const jar = await cookies();
  if (c) jar.set(COMMENTER_COOKIE, encodeCommenter(commentSecret(), c), { httpOnly: true, sameSite: "lax", path: "/", maxAge: YEAR });
  else jar.delete(COMMENTER_COOKIE);
}

export async function readPendingIds(): Promise<number[]> {
  return decodePendingIds(commentSecret(), (await cookies()).get(PENDING_COOKIE)?.value);
}

/** Remembers (for a month) that this browser wrote a comment now awaiting moderation. */
export async function addPendingId(id: number): Promise<void> {
  const ids = [...(await readPendingIds()), id];
  (await cookies()).set(PENDING_COOKIE, encodePendingIds(commentSecret(), ids), {
    httpOnly: true,
    sameSite: "lax",
    path: "/",
    maxAge: 30 * 24 * 60 * 60,
  });
}

/** A like pressed while signed out, applied once the reader has signed in. */
export async function setLikeIntent(commentId: number): Promise<void> {
  (await cookies()).set(LIKE_INTENT_COOKIE, String(commentId), { httpOnly: true, sameSite: "lax", path: "/", maxAge: 60 * 60 });
}

export async function takeLikeIntent(): Promise<number | null> {
  const jar = await cookies();
  const raw = jar.get(LIKE_INTENT_COOKIE)?.value;
  if (!raw) return null;
  jar.delete(LIKE_INTENT_COOKIE);
  return /^\d{1,12}$/.test(raw) ? Number(raw) : null;
}
