import type { Db } from "../db/client";
import { retryWhenBusy } from "../db/retry";

/** The account's current session version (sessions of another version are ended); null when it is gone. */
export async function sessionVersionOf(db: Db, userId: string): Promise<number | null> {
  const row = await db.user.findUnique({ where: { id: userId }, select: { sessionVersion: true } });
  return row ? row.sessionVersion : null;
}

/** Ends every session of the account: sessions issued before this call stop working at once. */
export async function endAllSessions(db: Db, userId: string): Promise<void> {
  await retryWhenBusy(() => db.user.update({ where: { id: userId }, data: { sessionVersion: { increment: 1 } } }));
}

/**
 * The address of an account was just proven by a magic link. If nobody had confirmed it
 * before, whoever created the account may not own the address (anyone can type someone else's
 * address into the sign-up form): the password they chose is removed and their sessions end,
 * so the address's owner holds the account alone. Confirmed accounts are left as they are.
 * Returns whether the account was taken over.
 */
export async function takeOverUnverifiedAccount(db: Db, userId: string): Promise<boolean> {
  const { count } = await retryWhenBusy(() =>
    db.user.updateMany({
      where: { id: userId, emailVerified: null },
      data: { emailVerified: new Date(), passwordHash: null, sessionVersion: { increment: 1 } },
    }),
  );
  return count > 0;
}
