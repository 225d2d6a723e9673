import type { Db } from "../db/client";
import { RateLimiter, type LimitRule } from "../rate-limit/store";
import { randomBytes } from "node:crypto";
import { hashPassword, verifyPassword } from "../users/password";

/**
 * Failed password sign-ins, counted in the database (so the limits hold across instances).
 * None of them can lock an account's owner out (docs/decisions/014-production-safety.md):
 * - an address that fails 10 times (any accounts) waits: it is the attacker's address;
 * - an address that fails 5 times on one account waits for that account;
 * - an account that fails 10 times from anywhere keeps password sign-in open only to browsers
 *   that signed in to it before (a signed cookie, lib/auth/known-device.ts); elsewhere its
 *   owner signs in with a magic link. Nobody is ever refused a magic link by these counts.
 */
export const SIGNIN_ADDRESS_RULE: LimitRule = { limit: 10, windowMs: 15 * 60_000 };
export const SIGNIN_PAIR_RULE: LimitRule = { limit: 5, windowMs: 15 * 60_000 };
export const SIGNIN_ACCOUNT_RULE: LimitRule = { limit: 10, windowMs: 15 * 60_000 };

export const signinKeys = (email: string, ip: string) => {
  const account = email.trim().toLowerCase();
  return {
    address: `signin:ip:${ip}`,
    pair: `signin:pair:${ip}:${account}`,
    account: `signin:account:${account}`,
  };
};

export type CredentialsResult =
  | { ok: true; user: { id: string; name: string; email: string; image: string | null } }
  | { ok: false; reason: "invalid" }
  /** This address must wait before trying again. */
  | { ok: false; reason: "rate_limited"; retryAfterSeconds: number }
  /** The account is under attack: from a browser it was never used on, only a magic link. */
  | { ok: false; reason: "use_magic_link"; retryAfterSeconds: number };

export interface SigninContext {
  /** The client's address (lib/http/client-ip.ts). */
  ip: string;
  /** Whether this browser signed in to the account before: (userId) => boolean. */
  knownDevice: (userId: string) => boolean;
}

/** Why a sign-in from here would be refused right now, before anything is counted. */
export async function signinBlocked(
  db: Db,
  email: string,
  ip: string,
  knownDevice: boolean,
): Promise<{ blocked: false } | { blocked: true; reason: "rate_limited" | "use_magic_link"; retryAfterSeconds: number }> {
  const limiter = new RateLimiter(db);
  const keys = signinKeys(email, ip);
  const [address, pair, account] = await Promise.all([
    limiter.check(keys.address, SIGNIN_ADDRESS_RULE),
    limiter.check(keys.pair, SIGNIN_PAIR_RULE),
    knownDevice ? null : limiter.check(keys.account, SIGNIN_ACCOUNT_RULE),
  ]);
  if (!address.allowed || !pair.allowed) {
    return {
      blocked: true,
      reason: "rate_limited",
      retryAfterSeconds: Math.max(address.retryAfterSeconds, pair.retryAfterSeconds),
    };
  }
  if (account && !account.allowed) return { blocked: true, reason: "use_magic_link", retryAfterSeconds: account.retryAfterSeconds };
  return { blocked: false };
}

// A real hash to verify against when the account does not exist, so an unknown e-mail takes as
// long as a wrong password.
let dummyHash: Promise<string> | undefined;
const getDummyHash = () => (dummyHash ??= hashPassword(randomBytes(16).toString("hex")));

/**
 * Checks an e-mail and password under the limits above. Each attempt takes its slots first
 * (atomically), so a burst of simultaneous guesses cannot all pass the check; a successful
 * sign-in gives its slots back and forgets the account's failures. Unknown e-mail and wrong
 * password are indistinguishable, and so is an account under attack whether or not it exists.
 */
export async function checkCredentials(db: Db, email: string, password: string, context: SigninContext): Promise<CredentialsResult> {
  const normalized = email.trim().toLowerCase();
  const limiter = new RateLimiter(db);
  const keys = signinKeys(normalized, context.ip);
  const addressLimits = [
    { key: keys.address, rule: SIGNIN_ADDRESS_RULE },
    { key: keys.pair, rule: SIGNIN_PAIR_RULE },
  ];
  const here = await limiter.hitAll(addressLimits);
  if (!here.allowed) return { ok: false, reason: "rate_limited", retryAfterSeconds: here.retryAfterSeconds };

  const user = await db.user.findUnique({
    where: { email: normalized },
    select: { id: true, name: true, email: true, image: true, passwordHash: true },
  });
  // The account-wide budget is only spent (and only enforced) by browsers the account was never
  // used on: its owner's own browsers keep working while strangers guess.
  const known = user !== null && context.knownDevice(user.id);
  const accountLimit = [{ key: keys.account, rule: SIGNIN_ACCOUNT_RULE }];
  if (!known) {
    const account = await limiter.hitAll(accountLimit);
    if (!account.allowed) {
      await limiter.undoAll(addressLimits);
      return { ok: false, reason: "use_magic_link", retryAfterSeconds: account.retryAfterSeconds };
    }
  }

  const valid = await verifyPassword(user?.passwordHash ?? (await getDummyHash()), password);
  if (!user || !user.passwordHash || !valid) return { ok: false, reason: "invalid" };
  await Promise.all([limiter.reset(keys.account), limiter.reset(keys.pair), limiter.undo(keys.address, SIGNIN_ADDRESS_RULE)]);
  return { ok: true, user: { id: user.id, name: user.name, email: user.email, image: user.image } };
}
