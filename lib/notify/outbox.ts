/**
 * Writing notifications into the outbox (the Notification table), inside the transaction of the
 * event that causes them: an approved reply (posted approved, or approved by a moderator), a
 * comment held on an author's essay. Plain SQL that SQLite and PostgreSQL both accept, written as
 * SqlWork so it runs inside insertComment's transaction (lib/db/sql.ts) and, through
 * `runOnTransaction`, inside a Prisma interactive transaction (moderation).
 * The worker (lib/notify/worker.ts) sends what is due.
 */
import { Prisma } from "../generated/sqlite/client";
import { changes, rows, type SqlWork } from "../db/sql";
import { batchDueAt, dateFrom, moderationRecipient, replyRecipient, type NotificationKind, type Recipient } from "./plan";
import { env } from "../env";

/** The batch window (NOTIFY_BATCH_WINDOW_MS; ten minutes unless set). */
export function batchWindowMs(): number {
  return env().NOTIFY_BATCH_WINDOW_MS;
}

const truthy = (v: unknown) => v === true || Number(v) === 1;

interface ReplyRow {
  replyStatus: string;
  replyAuthorId: string | null;
  replyEmail: string | null;
  postId: string;
  parentStatus: string;
  parentAuthorId: string | null;
  parentGuestEmail: string | null;
  parentGuestNotify: unknown;
  userEmail: string | null;
  userNotify: unknown;
  userBannedUntil: unknown;
  lastSent: unknown;
}

/**
 * Who a notification goes to, about which essay, and when the last mail of its batch (same
 * recipient, kind and essay) went out: read with the recipient, in the same statement.
 */
export interface Target {
  postId: string;
  to: Recipient;
  lastSentAt: Date | null;
}

/** When the last `kind` mail about `postId` went out to `recipient` (an SQL expression of the row). */
const lastSentTo = (recipient: Prisma.Sql, kind: NotificationKind, postId: Prisma.Sql) => Prisma.sql`(
  SELECT MAX(n."sentAt") FROM "Notification" n
  WHERE n."recipient" = LOWER(${recipient}) AND n."kind" = ${kind} AND n."postId" = ${postId})`;

/** Who a reply notifies now (null: nobody), read inside the current transaction. */
export function* replyRecipientOf(replyId: number, now: Date): SqlWork<Target | null> {
  const found = yield* rows<ReplyRow>(Prisma.sql`
    SELECT r."status" AS "replyStatus", r."authorId" AS "replyAuthorId", COALESCE(ru."email", r."guestEmail") AS "replyEmail",
      r."postId" AS "postId", p."status" AS "parentStatus", p."authorId" AS "parentAuthorId",
      p."guestEmail" AS "parentGuestEmail", p."notifyReplies" AS "parentGuestNotify",
      u."email" AS "userEmail", u."notifyReplies" AS "userNotify", u."bannedUntil" AS "userBannedUntil",
      ${lastSentTo(Prisma.sql`CASE WHEN p."authorId" IS NULL THEN p."guestEmail" ELSE u."email" END`, "reply", Prisma.sql`r."postId"`)} AS "lastSent"
    FROM "Comment" r
    JOIN "Comment" p ON p."id" = r."parentId"
    LEFT JOIN "User" u ON u."id" = p."authorId"
    LEFT JOIN "User" ru ON ru."id" = r."authorId"
    WHERE r."id" = ${replyId}`);
  const row = found[0];
  if (!row) return null;
  const to = replyRecipient(
    {
      replyStatus: String(row.replyStatus),
      replyAuthorId: row.replyAuthorId,
      replyEmail: row.replyEmail,
      parentStatus: String(row.parentStatus),
      parentAuthorId: row.parentAuthorId,
      parentGuestEmail: row.parentGuestEmail,
      parentGuestNotify: truthy(row.parentGuestNotify),
      parentUser:
        row.parentAuthorId && row.userEmail
          ? { email: row.userEmail, notifyReplies: truthy(row.userNotify), bannedUntil: dateFrom(row.userBannedUntil) }
          : null,
    },
    now,
  );
  return to ? { postId: row.postId, to, lastSentAt: dateFrom(row.lastSent) } : null;
}

interface HeldRow {
  status: string;
  postId: string;
  commentAuthorId: string | null;
  postAuthorId: string;
  email: string;
  role: string;
  notifyModeration: unknown;
  bannedUntil: unknown;
  lastSent: unknown;
}

/** The author to tell about a held comment (null: nobody), read inside the current transaction. */
export function* moderationRecipientOf(commentId: number, now: Date): SqlWork<Target | null> {
  const found = yield* rows<HeldRow>(Prisma.sql`
    SELECT c."status" AS "status", c."postId" AS "postId", c."authorId" AS "commentAuthorId", po."authorId" AS "postAuthorId",
      u."email" AS "email", u."role" AS "role", u."notifyModeration" AS "notifyModeration", u."bannedUntil" AS "bannedUntil",
      ${lastSentTo(Prisma.sql`u."email"`, "moderation", Prisma.sql`c."postId"`)} AS "lastSent"
    FROM "Comment" c
    JOIN "Post" po ON po."id" = c."postId"
    JOIN "User" u ON u."id" = po."authorId"
    WHERE c."id" = ${commentId}`);
  const row = found[0];
  if (!row) return null;
  const to = moderationRecipient(
    {
      status: String(row.status),
      commentAuthorId: row.commentAuthorId,
      postAuthorId: row.postAuthorId,
      author: {
        email: row.email,
        role: String(row.role),
        notifyModeration: truthy(row.notifyModeration),
        bannedUntil: dateFrom(row.bannedUntil),
      },
    },
    now,
  );
  return to ? { postId: row.postId, to, lastSentAt: dateFrom(row.lastSent) } : null;
}

/** Who a notification should go to now, by kind (the worker asks again before sending). */
export function recipientOf(kind: NotificationKind, commentId: number, now: Date) {
  return kind === "reply" ? replyRecipientOf(commentId, now) : moderationRecipientOf(commentId, now);
}

/**
 * Puts a notification about `commentId` in the outbox, due when its batch window allows; nothing
 * when it notifies nobody, or when it was queued before (one per kind and comment: a reply
 * unapproved and approved again does not notify twice). Returns whether a row was added.
 */
export function* enqueueNotification(
  kind: NotificationKind,
  commentId: number,
  windowMs: number,
  now: Date = new Date(),
): SqlWork<boolean> {
  const target = yield* recipientOf(kind, commentId, now);
  if (!target) return false;
  const dueAt = batchDueAt(now, target.lastSentAt, windowMs);
  const added = yield* changes(Prisma.sql`
    INSERT INTO "Notification" ("kind", "commentId", "postId", "recipient", "userId", "dueAt", "attempts", "createdAt")
    VALUES (${kind}, ${commentId}, ${target.postId}, ${target.to.email}, ${target.to.userId}, ${dueAt}, 0, ${now})
    ON CONFLICT ("kind", "commentId") DO NOTHING`);
  return added > 0;
}

/** What a Prisma (transaction) client offers for plain SQL. */
interface RawClient {
  $queryRaw<T = unknown>(query: Prisma.Sql): Promise<T>;
  $executeRaw(query: Prisma.Sql): Promise<number>;
}

/** Runs SqlWork statement by statement on a Prisma transaction client (it is already a transaction). */
export async function runOnTransaction<T>(tx: RawClient, work: SqlWork<T>): Promise<T> {
  let step = work.next();
  while (!step.done) {
    const { sql, want } = step.value;
    step = work.next(want === "rows" ? await tx.$queryRaw(sql) : await tx.$executeRaw(sql));
  }
  return step.value;
}
