import { afterAll, beforeAll, expect, it } from "vitest";
import type { Db } from "@/lib/db/client";
import type { Mail } from "@/lib/mail/send";
import type { OpenDatabase } from "../../support/test-db";

// The notification outbox (lib/notify) on a real database: what an event queues, in its own
// transaction; batching (one mail per recipient, kind and essay per window); the atomic claim
// that lets several instances share one outbox; retries after a failed send; unsubscribing.
// Run on each engine (notifications.test.ts: SQLite, notifications-postgres.test.ts: PostgreSQL):
// the SQL is hand-written (dates compared as text on SQLite, as timestamps on PostgreSQL).

type Write = typeof import("@/lib/comments/write");
type Worker = typeof import("@/lib/notify/worker");
type Moderation = typeof import("@/lib/moderation/write");

const WINDOW = 600_000;

export function notificationTests(open: OpenDatabase): void {
  let db: Db;
  let other: Db;
  let cleanup: () => Promise<void>;
  let write: Write;
  let worker: Worker;
  let moderation: Moderation;
  let postId = "";
  let authorId = "";
  let n = 0;
  const ids = { reader: "", banned: "", replier: "" };

  beforeAll(async () => {
    ({ db, cleanup } = await open());
    write = await import("@/lib/comments/write");
    worker = await import("@/lib/notify/worker");
    moderation = await import("@/lib/moderation/write");
    const { createDb } = await import("@/lib/db/client");
    other = createDb(process.env.DATABASE_URL);
    const author = await db.user.create({
      data: { name: "Ann Author", handle: "ann", email: "ann@notify.example", role: "AUTHOR" },
    });
    authorId = author.id;
    ids.reader = (await db.user.create({ data: { name: "Rita Reader", handle: "rita", email: "rita@notify.example" } })).id;
    ids.banned = (
      await db.user.create({
        data: { name: "Bo Banned", handle: "bo", email: "bo@notify.example", bannedUntil: new Date(Date.now() + 86_400_000) },
      })
    ).id;
    ids.replier = (await db.user.create({ data: { name: "Rex Replier", handle: "rex", email: "rex@notify.example" } })).id;
  });

  afterAll(async () => {
    await other?.$disconnect();
    await cleanup?.();
  });

  const say = async (
    by: { userId: string } | { guest: string; notify?: boolean },
    parentId: number | null = null,
    status: "APPROVED" | "PENDING" = "APPROVED",
  ) => {
    n += 1;
    const c = await write.insertComment(db, {
      postId,
      parentId,
      ...("userId" in by
        ? { authorId: by.userId }
        : { guest: { name: `Guest ${n}`, email: by.guest }, notifyReplies: by.notify }),
      bodyMarkdown: `Comment number ${n}`,
      bodyHtml: `<p>Comment number ${n}</p>`,
      status,
    });
    return c.id;
  };
  const queued = (commentId: number) => db.notification.findMany({ where: { commentId } });
  const pending = () => db.notification.findMany({ where: { doneAt: null } });
  const run = (send: (m: Mail) => Promise<void>, at: number = Date.now()) =>
    worker.runOutbox(db, {
      send,
      secret: "notify-test-secret-0123456789",
      siteUrl: "https://blog.example",
      retryBaseMs: 30_000,
      retryMaxMs: 3_600_000,
      now: () => new Date(at),
    });
  const collect = () => {
    const mails: Mail[] = [];
    return { mails, send: async (m: Mail) => void mails.push(m) };
  };
  /**
   * Each test on an essay of its own (batches are per essay), with an empty outbox: whatever
   * earlier tests left is sent (as if far in the future).
   */
  const drain = async () => {
    await run(async () => undefined, Date.now() + 1000 * WINDOW);
    n += 1;
    const post = await db.post.create({
      data: {
        slug: `notified-${n}`,
        title: "On fires",
        bodyMarkdown: "x",
        bodyHtml: "<p>x</p>",
        status: "PUBLISHED",
        publishedAt: new Date(),
        authorId,
      },
    });
    postId = post.id;
  };

  it("queues a mail for an approved reply, in the reply's transaction, and none for one's own reply or a banned writer", async () => {
    await drain();
    const parent = await say({ userId: ids.reader });
    const reply = await say({ userId: ids.replier }, parent);
    const rows = await queued(reply);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ kind: "reply", recipient: "rita@notify.example", userId: ids.reader, postId, attempts: 0 });
    expect(await queued(await say({ userId: ids.reader }, parent))).toHaveLength(0);
    const bannedParent = await say({ userId: ids.banned });
    expect(await queued(await say({ userId: ids.replier }, bannedParent))).toHaveLength(0);
    // Guests: only when they ticked the box, and never for their own follow-up.
    const quiet = await say({ guest: "quiet@notify.example" });
    expect(await queued(await say({ userId: ids.replier }, quiet))).toHaveLength(0);
    const keen = await say({ guest: "keen@notify.example", notify: true });
    expect(await queued(await say({ guest: "KEEN@notify.example" }, keen))).toHaveLength(0);
    expect(await queued(await say({ userId: ids.replier }, keen))).toHaveLength(1);
  });

  it("a held reply notifies nobody until it is approved; the essay's author hears of the held comment", async () => {
    await drain();
    const parent = await say({ userId: ids.reader });
    const held = await say({ guest: "held@notify.example" }, parent, "PENDING");
    expect((await queued(held)).map((r) => r.kind)).toEqual(["moderation"]);
    expect((await queued(held))[0]?.recipient).toBe("ann@notify.example");
    const result = await moderation.moderateComments(db, { id: authorId, role: "AUTHOR" }, [held], "approve");
    expect(result).toMatchObject({ ok: true, changed: 1 });
    expect((await queued(held)).map((r) => r.kind).sort()).toEqual(["moderation", "reply"]);
    const { mails, send } = collect();
    expect(await run(send)).toEqual({ sent: 1, failed: 0 });
    // The held-comment mail no longer applies (it was approved): only the reply mail goes out.
    expect(mails.map((m) => m.to)).toEqual(["rita@notify.example"]);
    expect(mails[0]?.headers?.["List-Unsubscribe-Post"]).toBe("List-Unsubscribe=One-Click");
    expect(mails[0]?.headers?.["List-Unsubscribe"]).toMatch(/^<https:\/\/blog\.example\/unsubscribe\?token=[\w.-]+>$/);
    expect(mails[0]?.text).toContain(`https://blog.example/comments/${held}`);
    expect(await pending()).toHaveLength(0);
  });

  it("batches: after a mail, replies within the window wait and go out together in one mail", async () => {
    await drain();
    const parent = await say({ userId: ids.reader });
    const first = collect();
    await say({ userId: ids.replier }, parent);
    expect(await run(first.send)).toEqual({ sent: 1, failed: 0 });
    expect(first.mails[0]?.subject).toBe("New reply to your comment on “On fires”");

    const a = await say({ userId: ids.replier }, parent);
    const b = await say({ guest: "gus@notify.example" }, parent);
    const waiting = collect();
    expect(await run(waiting.send, Date.now() + 60_000)).toEqual({ sent: 0, failed: 0 });
    const later = collect();
    expect(await run(later.send, Date.now() + WINDOW + 1_000)).toEqual({ sent: 1, failed: 0 });
    expect(later.mails).toHaveLength(1);
    expect(later.mails[0]?.subject).toBe("2 new replies to your comment on “On fires”");
    expect(later.mails[0]?.text).toContain(`/comments/${a}`);
    expect(later.mails[0]?.text).toContain(`/comments/${b}`);
  });

  it("keeps a mail whose send failed and sends it later, after the backoff", async () => {
    await drain();
    const parent = await say({ userId: ids.reader });
    const reply = await say({ userId: ids.replier }, parent);
    const start = Date.now() + 2000 * WINDOW;
    const failing = async () => {
      throw new Error("connect ECONNREFUSED 127.0.0.1:1");
    };
    expect(await run(failing, start)).toEqual({ sent: 0, failed: 1 });
    const [row] = await queued(reply);
    expect(row).toMatchObject({ attempts: 1, doneAt: null, sentAt: null, claimToken: null });
    expect(row?.lastError).toContain("ECONNREFUSED");
    expect(row?.dueAt.getTime()).toBe(start + 30_000);
    const early = collect();
    expect(await run(early.send, start + 10_000)).toEqual({ sent: 0, failed: 0 });
    expect(await run(failing, start + 31_000)).toEqual({ sent: 0, failed: 1 });
    expect((await queued(reply))[0]?.dueAt.getTime()).toBe(start + 31_000 + 60_000);
    const back = collect();
    expect(await run(back.send, start + 100_000)).toEqual({ sent: 1, failed: 0 });
    expect(back.mails[0]?.text).toContain(`/comments/${reply}`);
    expect((await queued(reply))[0]?.sentAt).not.toBeNull();
  });

  it("two workers claiming at once never take the same rows", async () => {
    await drain();
    for (let i = 0; i < 6; i++) {
      const user = await db.user.create({ data: { name: `R${i}`, handle: `r${i}-${n}`, email: `r${i}-${n}@notify.example` } });
      await say({ userId: ids.replier }, await say({ userId: user.id }));
    }
    const at = new Date(Date.now() + 3000 * WINDOW);
    const [mine, theirs] = await Promise.all([worker.claimDueBatches(db, at), worker.claimDueBatches(other, at)]);
    const claimedIds = [...mine, ...theirs].flatMap((b) => b.rows.map((r) => r.id));
    expect(new Set(claimedIds).size).toBe(claimedIds.length);
    expect(claimedIds.length).toBe(6);
    // A claim is held: nobody else gets those rows until it expires.
    expect(await worker.claimDueBatches(db, at)).toEqual([]);
    const expired = new Date(at.getTime() + 3 * 60_000);
    expect((await worker.claimDueBatches(other, expired)).flatMap((b) => b.rows)).toHaveLength(6);
  });

  it("unsubscribing drops what is queued and queues nothing more", async () => {
    await drain();
    const { unsubscribe } = await import("@/lib/notify/write");
    const parent = await say({ guest: "leaver@notify.example", notify: true });
    await say({ userId: ids.replier }, parent);
    await unsubscribe(db, { kind: "replies", email: "Leaver@notify.example" });
    const { mails, send } = collect();
    await run(send, Date.now() + 4000 * WINDOW);
    // (The rows the claim test left claimed go out here too: only the leaver's matter.)
    expect(mails.filter((m) => m.to === "leaver@notify.example")).toHaveLength(0);
    expect(await queued(await say({ userId: ids.replier }, parent))).toHaveLength(0);
    await unsubscribe(db, { kind: "replies", email: "rita@notify.example" });
    expect((await db.user.findUniqueOrThrow({ where: { id: ids.reader } })).notifyReplies).toBe(false);
  });
}
