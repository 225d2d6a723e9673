import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "@/lib/db/client";
import type { Actor } from "@/lib/auth/permissions";
import type { OpenDatabase } from "../../support/test-db";

// Trust tools (issue 12) against a real database: reports (one per person per comment, resolved
// together with the moderator's action in one transaction). Run on each engine (trust.test.ts:
// SQLite, trust-postgres.test.ts: PostgreSQL): the unique key and the transactions are the
// database's.

type Reports = typeof import("@/lib/reports/write");
type CommentWrite = typeof import("@/lib/comments/write");

export function trustTests(open: OpenDatabase): void {
  let cleanup: (() => Promise<void>) | undefined;
  let db: Db;
  let reports: Reports;
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
      expect(await reports.reportComment(db, actors.reader, { commentId: id, reason: "spam", note: "Links to a casino" })).toEqual({
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
}
