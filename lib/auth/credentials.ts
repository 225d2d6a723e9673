import type { Db } from "../db/client";
import { RateLimiter, type LimitRule } from "../rate-limit/store";
import { randomBytes } from "node:crypto";
import { hashPassword, verifyPassword } from "../users/password";

/** Ten failed sign-ins per account or per IP address within 15 minutes (issue: accounts). */
export const SIGNIN_FAILURE_RULE: LimitRule = { limit: 10, windowMs: 15 * 60_000 };

export const signinKeys = (email: string, ip: string) => ({
  account: `signin:account:${email.toLowerCase()}`,
  ip: `signin:ip:${ip}`,
});

export type CredentialsResult =
  | { ok: true; user: { id: string; name: string; email: string; image: string | null } }
  | { ok: false; reason: "invalid" }
  | { ok: false; reason: "rate_limited"; retryAfterSeconds: number };

/** Whether further sign-in attempts for this account or address must wait. */
export async function signinBlocked(db: Db, email: string, ip: string): Promise<{ blocked: boolean; retryAfterSeconds: number }> {
  const limiter = new RateLimiter(db);
  const keys = signinKeys(email, ip);
  const [account, address] = await Promise.all([
    limiter.check(keys.account, SIGNIN_FAILURE_RULE),
    limiter.check(keys.ip, SIGNIN_FAILURE_RULE),
  ]);
  const blocked = !account.allowed || !address.allowed;
  return { blocked, retryAfterSeconds: Math.max(account.retryAfterSeconds, address.retryAfterSeconds) };
}

// A real hash to verify against when the account does not exist, so an unknown e-mail takes as
// long as a wrong password.
let dummyHash: Promise<string> | undefined;
const getDummyHash = () => (dummyHash ??= hashPassword(randomBytes(16).toString("hex")));

/**
 * Checks an e-mail and password: refused while rate-limited, failures counted per account and
 * per IP in the database (so the limit holds across instances), the account's failures
 * forgotten after a success. Unknown e-mail and wrong password are indistinguishable.
 */
export async function checkCredentials(db: Db, email: string, password: string, ip: string): Promise<CredentialsResult> {
  const normalized = email.trim().toLowerCase();
  const limiter = new RateLimiter(db);
  const keys = signinKeys(normalized, ip);
  // Each attempt takes a slot first (atomically), so a burst of simultaneous guesses cannot
  // all pass the check; a successful sign-in gives its slots back.
  const account = await limiter.hit(keys.account, SIGNIN_FAILURE_RULE);
  if (!account.allowed) return { ok: false, reason: "rate_limited", retryAfterSeconds: account.retryAfterSeconds };
  const address = await limiter.hit(keys.ip, SIGNIN_FAILURE_RULE);
  if (!address.allowed) {
    await limiter.undo(keys.account, SIGNIN_FAILURE_RULE);
    return { ok: false, reason: "rate_limited", retryAfterSeconds: address.retryAfterSeconds };
  }

  const user = await db.user.findUnique({
    where: { email: normalized },
    select: { id: true, name: true, email: true, image: true, passwordHash: true },
  });
  const valid = await verifyPassword(user?.passwordHash ?? (await getDummyHash()), password);
  if (!user || !user.passwordHash || !valid) return { ok: false, reason: "invalid" };
  await Promise.all([limiter.reset(keys.account), limiter.undo(keys.ip, SIGNIN_FAILURE_RULE)]);
  return { ok: true, user: { id: user.id, name: user.name, email: user.email, image: user.image } };
}
