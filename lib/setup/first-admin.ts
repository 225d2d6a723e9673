import { createHash, randomBytes, timingSafeEqual } from "node:crypto";
import type { Db } from "../db/client";
import { retryWhenBusy } from "../db/retry";
import { handleBase, nameFromEmail, uniqueHandle } from "../users/create";

/**
 * The first admin of a production site. Nobody becomes an admin by signing up first: while a
 * site has no admin, each production start (`npm run serve`) issues a one-time setup token,
 * prints the setup link once and keeps only the token's SHA-256 here; the link's holder (the
 * person who can read the server's output) creates the admin account at /setup. The other way
 * in is the shell: `npm run user:create -- --email … --role ADMIN`.
 */

/** How long a setup link works. */
export const SETUP_TOKEN_HOURS = 24;

const hashToken = (token: string) => createHash("sha256").update(`hearth-setup:${token}`).digest("hex");

/** Whether the site has an admin yet. */
export async function hasAdmin(db: Db): Promise<boolean> {
  return (await db.user.count({ where: { role: "ADMIN" } })) > 0;
}

/**
 * A new setup token (replacing any earlier one), or null when the site has an admin already.
 * The caller prints it once; only its hash is stored.
 */
export async function issueSetupToken(db: Db, now: Date = new Date()): Promise<{ token: string; expires: Date } | null> {
  if (await hasAdmin(db)) return null;
  const token = randomBytes(24).toString("base64url");
  const expires = new Date(now.getTime() + SETUP_TOKEN_HOURS * 3_600_000);
  const data = { setupTokenHash: hashToken(token), setupTokenExpires: expires };
  await retryWhenBusy(() => db.settings.upsert({ where: { id: 1 }, update: data, create: { id: 1, ...data } }));
  return { token, expires };
}

export type SetupState = "ready" | "done" | "invalid";

/** Whether `token` opens the setup form: "done" once the site has an admin. */
export async function setupState(db: Db, token: unknown, now: Date = new Date()): Promise<SetupState> {
  if (await hasAdmin(db)) return "done";
  const row = await db.settings.findUnique({ where: { id: 1 }, select: { setupTokenHash: true, setupTokenExpires: true } });
  return tokenMatches(row, token, now) ? "ready" : "invalid";
}

function tokenMatches(
  row: { setupTokenHash: string | null; setupTokenExpires: Date | null } | null,
  token: unknown,
  now: Date,
): boolean {
  if (!row?.setupTokenHash || !row.setupTokenExpires || row.setupTokenExpires <= now) return false;
  if (typeof token !== "string" || token.length < 16 || token.length > 100) return false;
  const given = Buffer.from(hashToken(token));
  const stored = Buffer.from(row.setupTokenHash);
  return given.length === stored.length && timingSafeEqual(given, stored);
}

export interface FirstAdmin {
  name: string;
  email: string;
  passwordHash: string;
}

export type ClaimResult = { ok: true; userId: string } | { ok: false; reason: SetupState };

/**
 * Creates the first admin with the setup token, all at once: the token must still be valid and
 * the site still without an admin (two tabs racing: one wins), and the token is used up. An
 * account that already has the address (someone may have signed up with it before the site
 * was set up) is taken over: it becomes the admin with this password, confirmed, and its
 * earlier sessions end.
 */
export async function claimSetup(db: Db, token: string, admin: FirstAdmin, now: Date = new Date()): Promise<ClaimResult> {
  const email = admin.email.trim().toLowerCase();
  const name = admin.name.trim() || nameFromEmail(email);
  const handle = await uniqueHandle(db, handleBase(name, email));
  return retryWhenBusy(() =>
    db.$transaction(async (tx) => {
      if ((await tx.user.count({ where: { role: "ADMIN" } })) > 0) return { ok: false as const, reason: "done" as const };
      const row = await tx.settings.findUnique({ where: { id: 1 }, select: { setupTokenHash: true, setupTokenExpires: true } });
      if (!tokenMatches(row, token, now)) return { ok: false as const, reason: "invalid" as const };
      const used = await tx.settings.updateMany({
        where: { id: 1, setupTokenHash: row?.setupTokenHash ?? "" },
        data: { setupTokenHash: null, setupTokenExpires: null },
      });
      if (used.count !== 1) return { ok: false as const, reason: "invalid" as const };
      const user = await tx.user.upsert({
        where: { email },
        create: { name, email, handle, role: "ADMIN", passwordHash: admin.passwordHash, emailVerified: now },
        update: { name, role: "ADMIN", passwordHash: admin.passwordHash, emailVerified: now, sessionVersion: { increment: 1 } },
        select: { id: true },
      });
      return { ok: true as const, userId: user.id };
    }),
  );
}
