/**
 * The rules of notification e-mails, as pure functions (unit-tested in tests/unit/notify-plan.test.ts):
 * who a reply notifies, when a batch is due, how long to wait after a failed send.
 */

export type NotificationKind = "reply" | "moderation";

/** At most one mail per recipient, kind and essay in this window (the default). */
export const DEFAULT_BATCH_WINDOW_MS = 10 * 60_000;

/** A worker holds claimed rows this long; a worker that died meanwhile lets them go again. */
export const CLAIM_MS = 2 * 60_000;

/** What the database says about a reply and the comment it answers. */
export interface ReplyFacts {
  replyStatus: string;
  replyAuthorId: string | null;
  /** The reply's writer's address: the account's, or the guest's. */
  replyEmail: string | null;
  parentStatus: string;
  parentAuthorId: string | null;
  parentGuestEmail: string | null;
  /** A guest parent ticked "Notify me of replies". */
  parentGuestNotify: boolean;
  /** The parent's account (null for a guest, or an account deleted meanwhile). */
  parentUser: { email: string; notifyReplies: boolean; bannedUntil: Date | null } | null;
}

export interface Recipient {
  email: string;
  userId: string | null;
}

/**
 * Who gets a mail about an approved reply, or null: nobody for a reply that is not approved, a
 * parent that is not approved (deleted, trashed), a reply by the parent's own writer, a banned
 * account, or a writer who did not ask for replies.
 */
export function replyRecipient(facts: ReplyFacts, now: Date = new Date()): Recipient | null {
  if (facts.replyStatus !== "APPROVED" || facts.parentStatus !== "APPROVED") return null;
  const replyEmail = facts.replyEmail?.toLowerCase() ?? null;
  if (facts.parentAuthorId) {
    const user = facts.parentUser;
    if (!user || !user.notifyReplies) return null;
    if (facts.replyAuthorId === facts.parentAuthorId) return null;
    if (user.bannedUntil && user.bannedUntil.getTime() > now.getTime()) return null;
    const email = user.email.toLowerCase();
    if (replyEmail === email) return null;
    return { email, userId: facts.parentAuthorId };
  }
  if (!facts.parentGuestNotify || !facts.parentGuestEmail) return null;
  const email = facts.parentGuestEmail.toLowerCase();
  if (replyEmail === email) return null;
  return { email, userId: null };
}

/** What the database says about a held comment and its essay's author. */
export interface HeldFacts {
  status: string;
  commentAuthorId: string | null;
  postAuthorId: string;
  author: { email: string; role: string; notifyModeration: boolean; bannedUntil: Date | null };
}

/** The essay's author, for a comment held for moderation on their essay (not their own). */
export function moderationRecipient(facts: HeldFacts, now: Date = new Date()): Recipient | null {
  if (facts.status !== "PENDING") return null;
  if (facts.commentAuthorId === facts.postAuthorId) return null;
  const { author } = facts;
  if (author.role !== "AUTHOR" && author.role !== "ADMIN") return null;
  if (!author.notifyModeration) return null;
  if (author.bannedUntil && author.bannedUntil.getTime() > now.getTime()) return null;
  return { email: author.email.toLowerCase(), userId: facts.postAuthorId };
}

/**
 * When a new notification may go out: now, unless a mail of the same batch (recipient, kind,
 * essay) went out less than a window ago; then when that window ends, so everything arriving
 * meanwhile is collected into that one mail.
 */
export function batchDueAt(now: Date, lastSentAt: Date | null, windowMs: number): Date {
  if (!lastSentAt) return now;
  const end = lastSentAt.getTime() + windowMs;
  return end > now.getTime() ? new Date(end) : now;
}

/**
 * The wait before trying a failed mail again: doubling from `baseMs`, at most `maxMs`. Mails are
 * never given up on; a long outage ends with one try per `maxMs`.
 */
export function retryDelayMs(attempts: number, baseMs: number, maxMs: number): number {
  const exponent = Math.max(0, Math.min(attempts - 1, 30));
  return Math.min(maxMs, baseMs * 2 ** exponent);
}

/** A date from the database: a Date (PostgreSQL) or ISO text (SQLite through the driver). */
export function dateFrom(value: unknown): Date | null {
  if (value === null || value === undefined) return null;
  const date = value instanceof Date ? value : new Date(String(value));
  return Number.isNaN(date.getTime()) ? null : date;
}
