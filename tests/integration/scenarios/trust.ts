import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "@/lib/db/client";
import type { Actor } from "@/lib/auth/permissions";
import type { OpenDatabase } from "../../support/test-db";

// Trust tools (issue 12) against a real database: reports (one per person per comment, resolved
// together with the moderator's action in one transaction). Run on each engine (trust.test.ts:
// SQLite, trust-postgres.test.ts: PostgreSQL): the unique key and the transactions are the
// database's.

type Reports = typeof import("@/lib/reports/write");
type Blocks = typeof import("@/lib/users/block-write");
type Moderation = typeof import("@/lib/moderation/write");
type Likes = typeof import("@/lib/comments/likes-moderation");
type Queries = typeof import("@/lib/comments/queries");
type CommentWrite = typeof import("@/lib/comments/write");

export function trustTests(open: OpenDatabase): void {
  let cleanup: (() => Promise<void>) | undefined;
  let db: Db;
  let reports: Reports;
  let blocks: Blocks;
  let mod: Moderation;
  let likes: Likes;
  let queries: Queries;
  let write: CommentWrite;
  const actors = {} as Record<"author" | "other" | "admin" | "reader" | "second" | "writer", Actor>;
  let postId = "";
  let n = 0;

  const comment = async (status: "APPROVED" | "PENDING" = "APPROVED", authorId = actors.writer.id) => {
    n += 1;
    const c = await write.insertComment(db, {
      postId,
      parentId: null,
      authorId,
      bodyMarkdown: `Comment ${n}`,
      bodyHtml: `<p>Comment ${n}</p>`,
      status,
    });
    return c.id;
  };
  const commentCount = async () => (await db.post.findUniqueOrThrow({ where: { id: postId } })).commentCount;

  beforeAll(async () => {
    ({ db, cleanup } = await open());
    reports = await import("@/lib/reports/write");
    blocks = await import("@/lib/users/block-write");
    mod = await import("@/lib/moderation/write");
    likes = await import("@/lib/comments/likes-moderation");
    queries = await import("@/lib/comments/queries");
    write = await import("@/lib/comments/write");
    for (const [key, role] of [
      ["author", "AUTHOR"],
      ["other", "AUTHOR"],
      ["admin", "ADMIN"],
      ["reader", "READER"],
      ["second", "READER"],
      ["writer", "READER"],
    ] as const) {
      const u = await db.user.create({ data: { name: key, handle: `t-${key}`, email: `${key}@trust.example`, role } });
      actors[key] = { id: u.id, role };
    }
    postId = (
      await db.post.create({
        data: {
          slug: "trust",
          title: "Trust",
          bodyMarkdown: "x",
          bodyHtml: "<p>x</p>",
          status: "PUBLISHED",
          publishedAt: new Date(),
          authorId: actors.author.id,
        },
      })
    ).id;
  });

  afterAll(async () => {
    await cleanup?.();
  });

  describe("reports", () => {
    it("takes one report per person per comment; a second is refused as a duplicate", async () => {
      const id = await comment();
      expect(
        await reports.reportComment(db, actors.reader, { commentId: id, reason: "spam", note: "Links to a casino" }),
      ).toEqual({
        ok: true,
      });
      expect(await reports.reportComment(db, actors.reader, { commentId: id, reason: "abuse", note: "" })).toEqual({
        ok: false,
        reason: "duplicate",
      });
      expect(await reports.reportComment(db, actors.second, { commentId: id, reason: "", note: "" })).toEqual({ ok: true });
      expect(await db.commentReport.count({ where: { commentId: id } })).toBe(2);
      expect(await reports.hasReported(db, id, actors.reader.id)).toBe(true);
      expect(await reports.hasReported(db, id, actors.admin.id)).toBe(false);
    });

    it("keeps one report when the same person sends it twice at once", async () => {
      const id = await comment();
      const results = await Promise.all([
        reports.reportComment(db, actors.reader, { commentId: id, reason: "spam", note: "" }),
        reports.reportComment(db, actors.reader, { commentId: id, reason: "spam", note: "" }),
      ]);
      expect(results.filter((r) => r.ok)).toHaveLength(1);
      expect(await db.commentReport.count({ where: { commentId: id } })).toBe(1);
    });

    it("refuses reports of one's own comment, of held comments and of missing ones", async () => {
      const own = await comment("APPROVED", actors.reader.id);
      expect(await reports.reportComment(db, actors.reader, { commentId: own, reason: "", note: "" })).toEqual({
        ok: false,
        reason: "own",
      });
      const held = await comment("PENDING");
      expect(await reports.reportComment(db, actors.reader, { commentId: held, reason: "", note: "" })).toEqual({
        ok: false,
        reason: "not-found",
      });
      expect(await reports.reportComment(db, actors.reader, { commentId: 999_999, reason: "", note: "" })).toEqual({
        ok: false,
        reason: "not-found",
      });
    });

    it("dismissing closes every open report and leaves the comment alone", async () => {
      const id = await comment();
      await reports.reportComment(db, actors.reader, { commentId: id, reason: "off-topic", note: "" });
      await reports.reportComment(db, actors.second, { commentId: id, reason: "other", note: "Rude" });
      const before = await commentCount();
      expect(await reports.actOnReports(db, actors.author, id, "dismiss")).toEqual({ ok: true, resolved: 2, postIds: [] });
      expect(await db.commentReport.count({ where: { commentId: id, resolvedAt: null } })).toBe(0);
      expect((await db.comment.findUniqueOrThrow({ where: { id } })).status).toBe("APPROVED");
      expect(await commentCount()).toBe(before);
      // Nothing left to dismiss: a second moderator's click is told so.
      expect(await reports.actOnReports(db, actors.admin, id, "dismiss")).toEqual({ ok: false, reason: "no-reports" });
    });

    it("spam and trash move the comment, its essay's count and its reports in one step", async () => {
      for (const op of ["spam", "trash"] as const) {
        const id = await comment();
        await reports.reportComment(db, actors.reader, { commentId: id, reason: "spam", note: "" });
        const before = await commentCount();
        expect(await reports.actOnReports(db, actors.admin, id, op)).toEqual({ ok: true, resolved: 1, postIds: [postId] });
        expect((await db.comment.findUniqueOrThrow({ where: { id } })).status).toBe(op === "spam" ? "SPAM" : "TRASH");
        expect(await commentCount()).toBe(before - 1);
        expect(await db.commentReport.count({ where: { commentId: id, resolvedAt: null } })).toBe(0);
      }
    });

    it("refuses a moderator of another essay and changes nothing", async () => {
      const id = await comment();
      await reports.reportComment(db, actors.reader, { commentId: id, reason: "spam", note: "" });
      expect(await reports.actOnReports(db, actors.other, id, "trash")).toEqual({ ok: false, reason: "forbidden" });
      expect(await db.commentReport.count({ where: { commentId: id, resolvedAt: null } })).toBe(1);
      expect((await db.comment.findUniqueOrThrow({ where: { id } })).status).toBe("APPROVED");
    });
  });

  describe("blocks", () => {
    const bannedUntil = async (id: string) => (await db.user.findUniqueOrThrow({ where: { id } })).bannedUntil;
    const now = new Date("2026-12-05T10:00:00.000Z");

    it("sets and lifts bannedUntil, the one mechanism can() honours", async () => {
      const r = await blocks.setBlock(db, actors.admin, actors.second.id, "week", now);
      expect(r).toEqual({ ok: true, name: "second", bannedUntil: new Date("2026-12-12T10:00:00.000Z") });
      expect(await bannedUntil(actors.second.id)).toEqual(new Date("2026-12-12T10:00:00.000Z"));
      await blocks.setBlock(db, actors.admin, actors.second.id, "forever", now);
      expect((await bannedUntil(actors.second.id))?.getUTCFullYear()).toBe(9999);
      expect(await blocks.setBlock(db, actors.admin, actors.second.id, null, now)).toEqual({
        ok: true,
        name: "second",
        bannedUntil: null,
      });
      expect(await bannedUntil(actors.second.id)).toBeNull();
    });

    it("is for admins only, never oneself or another admin", async () => {
      expect(await blocks.setBlock(db, actors.author, actors.second.id, "day")).toEqual({ ok: false, reason: "forbidden" });
      expect(await blocks.setBlock(db, actors.admin, actors.admin.id, "day")).toEqual({ ok: false, reason: "self" });
      const other = await db.user.create({
        data: { name: "Other admin", handle: "t-admin2", email: "a2@trust.example", role: "ADMIN" },
      });
      expect(await blocks.setBlock(db, actors.admin, other.id, "day")).toEqual({ ok: false, reason: "admin" });
      expect(await blocks.setBlock(db, actors.admin, "no-such-user", "day")).toEqual({ ok: false, reason: "not-found" });
      expect(await bannedUntil(actors.second.id)).toBeNull();
    });

    it("a blocked reader cannot report (can() refuses every action but their profile)", async () => {
      const id = await comment();
      await blocks.setBlock(db, actors.admin, actors.second.id, "day");
      const blocked = { ...actors.second, bannedUntil: await bannedUntil(actors.second.id) };
      expect(await reports.reportComment(db, blocked, { commentId: id, reason: "", note: "" })).toEqual({
        ok: false,
        reason: "forbidden",
      });
      await blocks.setBlock(db, actors.admin, actors.second.id, null);
    });
  });

  describe("the audit log", () => {
    let mark = 0;
    /** The entries written since the last call (oldest first), as the log stores them. */
    const newEntries = async () => {
      const rows = await db.auditEntry.findMany({ where: { id: { gt: mark } }, orderBy: { id: "asc" } });
      if (rows.length > 0) mark = rows[rows.length - 1]!.id;
      return rows.map((r) => ({
        actorId: r.actorId,
        action: r.action,
        targetType: r.targetType,
        targetId: r.targetId,
        before: r.before === null ? null : JSON.parse(r.before),
        after: r.after === null ? null : JSON.parse(r.after),
      }));
    };

    beforeAll(async () => {
      await newEntries();
    });

    it("records each moderation step once, with the status before and after", async () => {
      const id = await comment("PENDING");
      const steps = [
        ["approve", "PENDING", "APPROVED"],
        ["unapprove", "APPROVED", "PENDING"],
        ["spam", "PENDING", "SPAM"],
        ["restore", "SPAM", "PENDING"],
        ["trash", "PENDING", "TRASH"],
        ["delete", "TRASH", "removed"],
      ] as const;
      for (const [op, from, to] of steps) {
        expect((await mod.moderateComments(db, actors.author, [id], op)).ok).toBe(true);
        expect(await newEntries()).toEqual([
          {
            actorId: actors.author.id,
            action: `comment.${op}`,
            targetType: "comment",
            targetId: String(id),
            before: { status: from },
            after: { status: to },
          },
        ]);
      }
    });

    it("records one entry per comment a bulk action changed, none for those it skipped or refused", async () => {
      const a = await comment("PENDING");
      const b = await comment("PENDING");
      const approved = await comment("APPROVED");
      await mod.moderateComments(db, actors.admin, [a, b, approved], "approve");
      expect((await newEntries()).map((e) => [e.action, e.targetId])).toEqual([
        ["comment.approve", String(a)],
        ["comment.approve", String(b)],
      ]);
      // Refused whole (another author's essay): nothing changes, nothing is recorded.
      expect(await mod.moderateComments(db, actors.other, [a], "trash")).toEqual({ ok: false, reason: "forbidden" });
      expect(await newEntries()).toEqual([]);
    });

    it("records edits and deletions of someone else's comment, not of one's own", async () => {
      const id = await comment();
      await mod.editCommentBody(db, id, "Tidied", "<p>Tidied</p>", null, actors.author);
      expect(await newEntries()).toEqual([
        {
          actorId: actors.author.id,
          action: "comment.edit",
          targetType: "comment",
          targetId: String(id),
          before: { bodyMarkdown: expect.stringMatching(/^Comment \d+$/), status: "APPROVED" },
          after: { bodyMarkdown: "Tidied", status: "APPROVED" },
        },
      ]);
      await mod.editCommentBody(db, id, "My own fix", "<p>My own fix</p>", null, actors.writer);
      expect(await newEntries()).toEqual([]);

      const other = await comment();
      await mod.deleteFromThread(db, actors.admin, { id: other, status: "APPROVED", postId, authorId: actors.writer.id });
      expect((await newEntries()).map((e) => [e.action, e.actorId, e.before, e.after])).toEqual([
        ["comment.delete", actors.admin.id, { status: "APPROVED" }, { status: "DELETED" }],
      ]);
      const own = await comment();
      await mod.deleteFromThread(db, actors.writer, { id: own, status: "APPROVED", postId, authorId: actors.writer.id });
      expect(await newEntries()).toEqual([]);
    });

    it("records blocks, unblocks and role changes", async () => {
      const now = new Date("2026-12-05T10:00:00.000Z");
      await blocks.setBlock(db, actors.admin, actors.writer.id, "day", now);
      expect(await newEntries()).toEqual([
        {
          actorId: actors.admin.id,
          action: "user.block",
          targetType: "user",
          targetId: actors.writer.id,
          before: { bannedUntil: null },
          after: { bannedUntil: "2026-12-06T10:00:00.000Z", duration: "day" },
        },
      ]);
      await blocks.setBlock(db, actors.admin, actors.writer.id, null);
      expect((await newEntries()).map((e) => [e.action, e.before, e.after])).toEqual([
        ["user.unblock", { bannedUntil: "2026-12-06T10:00:00.000Z" }, { bannedUntil: null }],
      ]);
      // Refused: not recorded.
      await blocks.setBlock(db, actors.admin, actors.admin.id, "day");
      expect(await newEntries()).toEqual([]);

      expect(await blocks.changeRole(db, actors.admin, { id: actors.second.id, role: "READER" }, "AUTHOR")).toBe("ok");
      expect((await newEntries()).map((e) => [e.action, e.targetId, e.before, e.after])).toEqual([
        ["user.role", actors.second.id, { role: "READER" }, { role: "AUTHOR" }],
      ]);
      await blocks.changeRole(db, actors.admin, { id: actors.second.id, role: "AUTHOR" }, "READER");
      await newEntries();
    });

    it("records a dismissal once, and a spam or trash from the Reports tab once, as the comment's move", async () => {
      const id = await comment();
      await reports.reportComment(db, actors.reader, { commentId: id, reason: "spam", note: "" });
      await reports.actOnReports(db, actors.author, id, "dismiss");
      expect((await newEntries()).map((e) => [e.action, e.before, e.after])).toEqual([
        ["report.dismiss", { openReports: 1 }, { openReports: 0 }],
      ]);
      await reports.reportComment(db, actors.second, { commentId: id, reason: "abuse", note: "" });
      await reports.actOnReports(db, actors.author, id, "trash");
      expect((await newEntries()).map((e) => [e.action, e.before, e.after])).toEqual([
        ["comment.trash", { status: "APPROVED" }, { status: "TRASH" }],
      ]);
    });
  });

  describe("likes under moderation", () => {
    const likeCount = async (id: number) => (await db.comment.findUniqueOrThrow({ where: { id } })).likeCount;
    const rows = async (id: number) => db.commentLike.count({ where: { commentId: id } });

    it("hides a reader's name from the public list (plain SQL on each engine) but keeps their like counted", async () => {
      const id = await comment();
      await write.setLike(db, id, actors.reader.id, true);
      await write.setLike(db, id, actors.second.id, true);
      await db.user.update({ where: { id: actors.second.id }, data: { hideLikes: true } });
      const page = await queries.readThreadPage(postId, actors.author.id, {
        page: 1,
        perPage: 100,
        maxDepth: 5,
        order: "oldest",
      });
      const node = page.nodes.find((n) => n.comment.id === id);
      expect(node?.comment.likeCount).toBe(2);
      expect(node?.comment.likedBy).toEqual(["reader"]);
      // Moderators see everyone, marked.
      expect((await likes.likersForModeration(db, id)).map((l) => [l.name, l.hidden])).toEqual([
        ["reader", false],
        ["second", true],
      ]);
      await db.user.update({ where: { id: actors.second.id }, data: { hideLikes: false } });
    });

    it("removes a like with its count and its audit entry in one step; only the essay's moderators may", async () => {
      const id = await comment();
      await write.setLike(db, id, actors.reader.id, true);
      await write.setLike(db, id, actors.second.id, true);
      expect(await likes.removeLike(db, actors.other, id, actors.reader.id)).toEqual({ ok: false, reason: "forbidden" });
      expect(await likeCount(id)).toBe(2);
      const before = await db.auditEntry.count({ where: { action: "like.remove" } });
      expect(await likes.removeLike(db, actors.author, id, actors.reader.id)).toEqual({ ok: true, postId, likeCount: 1 });
      expect(await likeCount(id)).toBe(await rows(id));
      expect(await db.auditEntry.count({ where: { action: "like.remove" } })).toBe(before + 1);
      // Already gone: nothing changes, nothing recorded.
      expect(await likes.removeLike(db, actors.admin, id, actors.reader.id)).toEqual({ ok: false, reason: "not-found" });
      expect(await likeCount(id)).toBe(1);
      expect(await db.auditEntry.count({ where: { action: "like.remove" } })).toBe(before + 1);
      expect(await likes.postsLikedBy(db, actors.second.id)).toContain(postId);
    });
  });

  describe("edit history", () => {
    it("keeps each replaced version with when and by whom, in the edit's transaction", async () => {
      const history = await import("@/lib/comments/history");
      const id = await comment();
      const first = await db.comment.findUniqueOrThrow({ where: { id } });
      await mod.editCommentBody(db, id, "Second words", "<p>Second words</p>", null, actors.writer);
      await mod.editCommentBody(db, id, "Third words", "<p>Third words</p>", null, actors.author);
      const now = await db.comment.findUniqueOrThrow({ where: { id } });
      expect(now.bodyMarkdown).toBe("Third words");
      const versions = (await history.editHistoryOf(db, [id]))[id];
      expect(versions?.map((v) => [v.bodyHtml, v.editorName])).toEqual([
        ["<p>Second words</p>", "author"],
        [first.bodyHtml, "writer"],
      ]);
      expect(versions?.[0]?.replacedAt).toBe(now.editedAt?.toISOString());
      // A refused edit (the comment was deleted meanwhile) keeps no version.
      await db.comment.update({ where: { id }, data: { status: "DELETED" } });
      expect(await mod.editCommentBody(db, id, "Fourth", "<p>Fourth</p>", null, actors.author)).toBe(false);
      expect(await db.commentRevision.count({ where: { commentId: id } })).toBe(2);
    });

    it("is for the essay's author and admins only", async () => {
      const { seesEditHistory } = await import("@/lib/comments/history");
      expect(seesEditHistory(actors.author, actors.author.id)).toBe(true);
      expect(seesEditHistory(actors.admin, actors.author.id)).toBe(true);
      expect(seesEditHistory(actors.other, actors.author.id)).toBe(false);
      expect(seesEditHistory(actors.writer, actors.author.id)).toBe(false);
      expect(seesEditHistory(null, actors.author.id)).toBe(false);
    });
  });
}
