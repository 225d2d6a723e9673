import { createHash, randomBytes } from "node:crypto";
import type { Db } from "../db/client";
import { retryWhenBusy } from "../db/retry";

/**
 * Confirming the e-mail address of a password account: a one-time link mailed to the address,
 * opened while signed in to the account (so neither a mail scanner following links nor the
 * address's owner clicking a link for an account someone else created confirms it). Tokens are
 * kept hashed in Auth.js's VerificationToken table, under an identifier that names the account
 * and the address, so a link stops working if the address changes.
 */
export const VERIFY_EMAIL_HOURS = 48;

const identifierOf = (userId: string, email: string) => `verify-email:${userId}:${email.toLowerCase()}`;
const hashOf = (token: string) => createHash("sha256").update(`hearth-verify:${token}`).digest("hex");

/** A new confirmation token for the account (earlier ones stop working); mail it, keep nothing. */
export async function issueEmailVerification(db: Db, user: { id: string; email: string }, now = new Date()): Promise<string> {
  const token = randomBytes(32).toString("base64url");
  const identifier = identifierOf(user.id, user.email);
  await retryWhenBusy(() =>
    db.$transaction([
      db.verificationToken.deleteMany({ where: { identifier } }),
      db.verificationToken.create({
        data: { identifier, token: hashOf(token), expires: new Date(now.getTime() + VERIFY_EMAIL_HOURS * 3_600_000) },
      }),
    ]),
  );
  return token;
}

export type ConfirmResult =
  | { ok: true }
  | { ok: false; reason: "invalid" | "expired" | "other-account" };

/**
 * Confirms the address of `user` (the signed-in account) with a token from its mail. The token
 * is used up. A token of another account is refused and left alone.
 */
export async function confirmEmail(
  db: Db,
  token: string,
  user: { id: string; email: string },
  now = new Date(),
): Promise<ConfirmResult> {
  if (!/^[A-Za-z0-9_-]{20,100}$/.test(token)) return { ok: false, reason: "invalid" };
  const row = await db.verificationToken.findUnique({ where: { token: hashOf(token) } });
  if (!row || !row.identifier.startsWith("verify-email:")) return { ok: false, reason: "invalid" };
  if (row.identifier !== identifierOf(user.id, user.email)) return { ok: false, reason: "other-account" };
  if (row.expires <= now) {
    await db.verificationToken.deleteMany({ where: { token: row.token } });
    return { ok: false, reason: "expired" };
  }
  const used = await retryWhenBusy(() =>
    db.$transaction(async (tx) => {
      const { count } = await tx.verificationToken.deleteMany({ where: { token: row.token } });
      if (count === 0) return false;
      await tx.user.updateMany({ where: { id: user.id, email: user.email.toLowerCase() }, data: { emailVerified: now } });
      return true;
    }),
  );
  return used ? { ok: true } : { ok: false, reason: "invalid" };
}
