/**
 * Sends what the outbox holds (lib/notify/outbox.ts). Any number of instances may run this at
 * once: a batch (one recipient, kind and essay) is claimed with one guarded UPDATE, so only one
 * instance sends it; a claim expires after CLAIM_MS, so rows held by an instance that died are
 * taken again (a mail may then go out twice, never zero times). A failed send puts the rows back
 * with a later due time (doubling backoff) and keeps them: nothing is ever given up on.
 */
import { randomUUID } from "node:crypto";
import { Prisma } from "../generated/sqlite/client";
import { sqlOf, type Db } from "../db/client";
import type { Mail } from "../mail/send";
import { CLAIM_MS, retryDelayMs, type NotificationKind } from "./plan";
import { recipientOf } from "./outbox";
import { excerptOf, moderationMail, replyMail } from "./mails";
import { unsubscribeToken } from "./tokens";

export interface WorkerOptions {
  send: (mail: Mail) => Promise<void>;
  secret: string;
  siteUrl: string;
  retryBaseMs: number;
  retryMaxMs: number;
  now?: () => Date;
}

export interface ClaimedBatch {
  token: string;
  kind: NotificationKind;
  recipient: string;
  postId: string;
  rows: { id: number; commentId: number; attempts: number }[];
}

/**
 * Claims up to `limit` due batches for this worker. A batch is every unsent, unclaimed, due row
 * of one recipient, kind and essay; the UPDATE's own WHERE decides who gets it, so two workers
 * racing for the same rows leave one of them empty-handed.
 */
export async function claimDueBatches(db: Db, now: Date, limit = 10): Promise<ClaimedBatch[]> {
  const sql = sqlOf(db);
  const candidates = await sql.query<{ recipient: string; kind: string; postId: string }>(Prisma.sql`
    SELECT DISTINCT "recipient", "kind", "postId" FROM "Notification"
    WHERE "doneAt" IS NULL AND "dueAt" <= ${now} AND ("claimedUntil" IS NULL OR "claimedUntil" < ${now})
    LIMIT ${limit}`);
  const claimed: ClaimedBatch[] = [];
  const until = new Date(now.getTime() + CLAIM_MS);
  for (const c of candidates) {
    const token = randomUUID();
    const taken = await sql.execute(Prisma.sql`
      UPDATE "Notification" SET "claimToken" = ${token}, "claimedUntil" = ${until}
      WHERE "doneAt" IS NULL AND "recipient" = ${c.recipient} AND "kind" = ${c.kind} AND "postId" = ${c.postId}
        AND "dueAt" <= ${now} AND ("claimedUntil" IS NULL OR "claimedUntil" < ${now})`);
    if (taken === 0) continue;
    const rows = await sql.query<{ id: number | bigint; commentId: number | bigint; attempts: number | bigint }>(Prisma.sql`
      SELECT "id", "commentId", "attempts" FROM "Notification" WHERE "claimToken" = ${token} ORDER BY "commentId"`);
    if (rows.length === 0) continue;
    claimed.push({
      token,
      kind: c.kind === "moderation" ? "moderation" : "reply",
      recipient: c.recipient,
      postId: c.postId,
      rows: rows.map((r) => ({ id: Number(r.id), commentId: Number(r.commentId), attempts: Number(r.attempts) })),
    });
  }
  return claimed;
}

/** Marks rows of a claim done: sent (sentAt set) or dropped (no longer applies). */
async function finish(db: Db, token: string, ids: number[], now: Date, sent: boolean): Promise<void> {
  if (ids.length === 0) return;
  await sqlOf(db).execute(Prisma.sql`
    UPDATE "Notification" SET "doneAt" = ${now}, "sentAt" = ${sent ? now : null}, "claimToken" = NULL, "claimedUntil" = NULL,
      "lastError" = ${sent ? null : "no longer applies"}
    WHERE "claimToken" = ${token} AND "id" IN (${Prisma.join(ids)})`);
}

/** Gives a claim back after a failed send, due again after the backoff. */
async function release(db: Db, token: string, dueAt: Date, error: string): Promise<void> {
  await sqlOf(db).execute(Prisma.sql`
    UPDATE "Notification" SET "attempts" = "attempts" + 1, "dueAt" = ${dueAt}, "claimToken" = NULL, "claimedUntil" = NULL,
      "lastError" = ${error.slice(0, 500)}
    WHERE "claimToken" = ${token}`);
}

/** Builds the one mail of a batch from what still applies; null when nothing does. */
async function composeBatch(db: Db, batch: ClaimedBatch, opts: WorkerOptions, now: Date) {
  const keep: number[] = [];
  const drop: number[] = [];
  for (const row of batch.rows) {
    const target = await sqlOf(db).transaction(() => recipientOf(batch.kind, row.commentId, now));
    (target && target.to.email === batch.recipient ? keep : drop).push(row.id);
  }
  if (keep.length === 0) return { keep, drop, mail: null };
  const commentIds = batch.rows.filter((r) => keep.includes(r.id)).map((r) => r.commentId);
  const [post, settings, comments] = await Promise.all([
    db.post.findUnique({ where: { id: batch.postId }, select: { title: true } }),
    db.settings.findUnique({ where: { id: 1 }, select: { siteTitle: true } }),
    db.comment.findMany({
      where: { id: { in: commentIds } },
      orderBy: { id: "asc" },
      select: { id: true, bodyMarkdown: true, guestName: true, author: { select: { name: true } } },
    }),
  ]);
  const base = opts.siteUrl.replace(/\/+$/, "");
  const kind = batch.kind === "reply" ? "replies" : "moderation";
  const unsubscribeUrl = `${base}/unsubscribe?token=${unsubscribeToken(opts.secret, { kind, email: batch.recipient })}`;
  const input = {
    siteTitle: settings?.siteTitle ?? "Hearth",
    postTitle: post?.title ?? "an essay",
    comments: comments.map((c) => ({
      writer: c.author?.name ?? c.guestName ?? "Someone",
      excerpt: excerptOf(c.bodyMarkdown),
      url: `${base}/comments/${c.id}`,
    })),
    queueUrl: `${base}/dashboard/comments?status=pending`,
    unsubscribeUrl,
  };
  const content = batch.kind === "reply" ? replyMail(input) : moderationMail(input);
  const mail: Mail = {
    to: batch.recipient,
    ...content,
    headers: { "List-Unsubscribe": `<${unsubscribeUrl}>`, "List-Unsubscribe-Post": "List-Unsubscribe=One-Click" },
  };
  return { keep, drop, mail };
}

/**
 * One pass over the outbox: claims due batches and sends one mail for each. Returns how many
 * mails went out and how many batches failed (they are retried later).
 */
export async function runOutbox(db: Db, opts: WorkerOptions): Promise<{ sent: number; failed: number }> {
  const clock = opts.now ?? (() => new Date());
  let sent = 0;
  let failed = 0;
  for (const batch of await claimDueBatches(db, clock())) {
    try {
      const { keep, drop, mail } = await composeBatch(db, batch, opts, clock());
      await finish(db, batch.token, drop, clock(), false);
      if (!mail) continue;
      await opts.send(mail);
      await finish(db, batch.token, keep, clock(), true);
      sent += 1;
    } catch (error) {
      failed += 1;
      const attempts = Math.max(...batch.rows.map((r) => r.attempts)) + 1;
      const at = new Date(clock().getTime() + retryDelayMs(attempts, opts.retryBaseMs, opts.retryMaxMs));
      const message = error instanceof Error ? error.message : String(error);
      console.error(
        `[hearth] notification mail to ${batch.recipient} failed (try ${attempts}), again at ${at.toISOString()}: ${message}`,
      );
      await release(db, batch.token, at, message).catch(() => undefined);
    }
  }
  return { sent, failed };
}
