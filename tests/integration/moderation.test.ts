import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "@/lib/db/client";
import type { Actor } from "@/lib/auth/permissions";
import { freshDatabase, type FreshDatabase } from "../support/test-db";

type Moderation = typeof import("@/lib/moderation/write");
type CommentWrite = typeof import("@/lib/comments/write");
type Status = "PENDING" | "APPROVED" | "SPAM" | "TRASH" | "DELETED";

describe("moderation against a freshly migrated SQLite database", () => {
  let fresh: FreshDatabase;
  let db: Db;
  /** A second client on the same file: another server process, as far as SQLite is concerned. */
  let dbB: Db;
  let mod: Moderation;
  let write: CommentWrite;

  const actors = {} as Record<"alice" | "bob" | "admin" | "reader", Actor>;
  let likers: string[] = [];
  let alicePost = "";
  let bobPost = "";
  let n = 0;

  const comment = async (postId: string, status: Status, parentId: number | null = null) => {
    n += 1;
    // Replies must be written while their parent is approved (insertComment's rule).
    const c = await write.insertComment(db, {
      postId,
      parentId,
      guest: { name: `Guest ${n}`, email: `guest${n}@example.org` },
      bodyMarkdown: `Comment ${n}`,
      bodyHtml: `<p>Comment ${n}</p>`,
      status: status === "DELETED" ? "APPROVED" : status,
    });
    if (status === "DELETED") {
      // As the writer's delete does it: the approved count goes down with it.
      await db.$transaction([
        db.comment.update({ where: { id: c.id }, data: { status: "DELETED" } }),
        db.post.update({ where: { id: postId }, data: { commentCount: { decrement: 1 } } }),
      ]);
    }
    return c.id;
  };
  const statusOf = async (id: number) => (await db.comment.findUnique({ where: { id }, select: { status: true } }))?.status;
  const postCount = async (id: string) =>
    (await db.post.findUniqueOrThrow({ where: { id }, select: { commentCount: true } })).commentCount;
  /** The denormalized counts must always equal the rows they count. */
  const expectConsistent = async () => {
    for (const id of [alicePost, bobPost]) {
      expect(await postCount(id), `commentCount of ${id}`).toBe(
        await db.comment.count({ where: { postId: id, status: "APPROVED" } }),
      );
    }
    const comments = await db.comment.findMany({ select: { id: true, likeCount: true } });
    for (const c of comments) {
      expect(c.likeCount, `likeCount of comment ${c.id}`).toBe(await db.commentLike.count({ where: { commentId: c.id } }));
    }
  };

  beforeAll(async () => {
    fresh = await freshDatabase();
    db = fresh.db;
    mod = await import("@/lib/moderation/write");
    write = await import("@/lib/comments/write");
    const { createDb } = await import("@/lib/db/client");
    dbB = createDb(fresh.url);
    for (const [key, role] of [
      ["alice", "AUTHOR"],
      ["bob", "AUTHOR"],
      ["admin", "ADMIN"],
      ["reader", "READER"],
    ] as const) {
      const u = await db.user.create({ data: { name: key, handle: key, email: `${key}@example.org`, role } });
      actors[key] = { id: u.id, role };
    }
    likers = [];
    for (let i = 0; i < 3; i++) {
      likers.push(
        (await db.user.create({ data: { name: `Liker ${i}`, handle: `liker${i}`, email: `liker${i}@example.org` } })).id,
      );
    }
    const post = async (slug: string, authorId: string) =>
      (
        await db.post.create({
          data: {
            slug,
            title: slug,
            bodyMarkdown: "x",
            bodyHtml: "<p>x</p>",
            status: "PUBLISHED",
            publishedAt: new Date(),
            authorId,
          },
        })
      ).id;
    alicePost = await post("alice-post", actors.alice.id);
    bobPost = await post("bob-post", actors.bob.id);
  });

  afterAll(async () => {
    await dbB?.$disconnect();
    await fresh?.cleanup();
  });

  it("walks a comment through every tab, keeping the post's approved count in step", async () => {
    const id = await comment(alicePost, "PENDING");
    const before = await postCount(alicePost);
    const step = async (op: Parameters<Moderation["moderateComments"]>[3], status: Status, count: number) => {
      const r = await mod.moderateComments(db, actors.alice, [id], op);
      expect(r).toEqual({ ok: true, changed: 1, skipped: 0, postIds: [alicePost] });
      expect(await statusOf(id)).toBe(status);
      expect(await postCount(alicePost)).toBe(before + count);
    };
    await step("approve", "APPROVED", 1);
    await step("unapprove", "PENDING", 0);
    await step("approve", "APPROVED", 1);
    await step("spam", "SPAM", 0);
    await step("restore", "PENDING", 0);
    await step("trash", "TRASH", 0);
    await step("approve", "APPROVED", 1);
    await step("trash", "TRASH", 0);
    await step("restore", "PENDING", 0);
    await expectConsistent();
  });

  it("skips comments an action does not apply to, changing nothing about them", async () => {
    const approved = await comment(alicePost, "APPROVED");
    const before = await postCount(alicePost);
    const r = await mod.moderateComments(db, actors.alice, [approved], "approve");
    expect(r).toEqual({ ok: true, changed: 0, skipped: 1, postIds: [] });
    expect(await postCount(alicePost)).toBe(before);
    await expectConsistent();
  });

  it("keeps likes with a comment that leaves Approved, and brings them back with it", async () => {
    const id = await comment(alicePost, "APPROVED");
    for (const u of likers) await write.addLike(db, id, u);
    expect((await db.comment.findUniqueOrThrow({ where: { id } })).likeCount).toBe(3);
    await mod.moderateComments(db, actors.alice, [id], "spam");
    expect((await db.comment.findUniqueOrThrow({ where: { id } })).likeCount).toBe(3);
    expect(await db.commentLike.count({ where: { commentId: id } })).toBe(3);
    await mod.moderateComments(db, actors.alice, [id], "approve");
    expect((await db.comment.findUniqueOrThrow({ where: { id } })).likeCount).toBe(3);
    await expectConsistent();
  });

  it("counts two concurrent approvals of the same comment once (two clients, as two servers)", async () => {
    for (let round = 0; round < 5; round++) {
      const id = await comment(alicePost, "PENDING");
      const before = await postCount(alicePost);
      const results = await Promise.all([
        mod.moderateComments(db, actors.alice, [id], "approve"),
        mod.moderateComments(dbB, actors.admin, [id], "approve"),
      ]);
      const changed = results.map((r) => (r.ok ? r.changed : -1));
      expect(changed.sort()).toEqual([0, 1]);
      expect(await statusOf(id)).toBe("APPROVED");
      expect(await postCount(alicePost)).toBe(before + 1);
    }
    await expectConsistent();
  });

  it("lets only one of a concurrent spam and trash of an approved comment count its removal", async () => {
    const id = await comment(alicePost, "APPROVED");
    const before = await postCount(alicePost);
    const results = await Promise.all([
      mod.moderateComments(db, actors.alice, [id], "spam"),
      mod.moderateComments(dbB, actors.admin, [id], "trash"),
    ]);
    // Both may apply in turn (spam then trash, or the reverse), but Approved is left only once.
    expect(results.every((r) => r.ok)).toBe(true);
    expect(["SPAM", "TRASH"]).toContain(await statusOf(id));
    expect(await postCount(alicePost)).toBe(before - 1);
    await expectConsistent();
  });

  it("refuses a bulk action holding a comment on another author's essay, changing nothing", async () => {
    const mine = [await comment(alicePost, "PENDING"), await comment(alicePost, "PENDING")];
    const theirs = await comment(bobPost, "PENDING");
    const counts = [await postCount(alicePost), await postCount(bobPost)];
    const r = await mod.moderateComments(db, actors.alice, [...mine, theirs], "approve");
    expect(r).toEqual({ ok: false, reason: "forbidden" });
    for (const id of [...mine, theirs]) expect(await statusOf(id)).toBe("PENDING");
    expect([await postCount(alicePost), await postCount(bobPost)]).toEqual(counts);
    // The same request from an admin goes through.
    const ok = await mod.moderateComments(db, actors.admin, [...mine, theirs], "approve");
    expect(ok).toMatchObject({ ok: true, changed: 3, skipped: 0 });
    expect([await postCount(alicePost), await postCount(bobPost)]).toEqual([counts[0]! + 2, counts[1]! + 1]);
    await expectConsistent();
  });

  it("refuses readers and unknown ids, changing nothing", async () => {
    const id = await comment(alicePost, "PENDING");
    expect(await mod.moderateComments(db, actors.reader, [id], "approve")).toEqual({ ok: false, reason: "forbidden" });
    expect(await mod.moderateComments(db, actors.bob, [id], "trash")).toEqual({ ok: false, reason: "forbidden" });
    expect(await mod.moderateComments(db, actors.alice, [id, 99_999_999], "approve")).toEqual({
      ok: false,
      reason: "not-found",
    });
    expect(await statusOf(id)).toBe("PENDING");
    await expectConsistent();
  });

  it("refuses a banned author", async () => {
    const id = await comment(alicePost, "PENDING");
    const banned = { ...actors.alice, bannedUntil: new Date(Date.now() + 60_000) };
    expect(await mod.moderateComments(db, banned, [id], "approve")).toEqual({ ok: false, reason: "forbidden" });
    expect(await statusOf(id)).toBe("PENDING");
  });

  it("deletes permanently only from the Trash", async () => {
    const ids = {
      PENDING: await comment(alicePost, "PENDING"),
      APPROVED: await comment(alicePost, "APPROVED"),
      SPAM: await comment(alicePost, "SPAM"),
    };
    const r = await mod.moderateComments(db, actors.alice, Object.values(ids), "delete");
    expect(r).toEqual({ ok: true, changed: 0, skipped: 3, postIds: [] });
    for (const [status, id] of Object.entries(ids)) expect(await statusOf(id)).toBe(status);
    // Writer-deleted tombstones are in no tab and cannot be deleted from here either.
    const tomb = await comment(alicePost, "DELETED");
    expect(await mod.moderateComments(db, actors.alice, [tomb], "delete")).toMatchObject({ ok: true, changed: 0 });
    expect(await statusOf(tomb)).toBe("DELETED");
    await expectConsistent();
  });

  it("removes a trashed comment without replies, with its likes", async () => {
    const id = await comment(alicePost, "APPROVED");
    for (const u of likers) await write.addLike(db, id, u);
    await mod.moderateComments(db, actors.alice, [id], "trash");
    const r = await mod.moderateComments(db, actors.alice, [id], "delete");
    expect(r).toEqual({ ok: true, changed: 1, skipped: 0, postIds: [alicePost] });
    expect(await db.comment.findUnique({ where: { id } })).toBeNull();
    expect(await db.commentLike.count({ where: { commentId: id } })).toBe(0);
    await expectConsistent();
  });

  it("turns a trashed comment with replies into a tombstone; the replies keep parent, root and depth", async () => {
    const root = await comment(alicePost, "APPROVED");
    const middle = await comment(alicePost, "APPROVED", root);
    const leaf = await comment(alicePost, "APPROVED", middle);
    for (const u of likers) await write.addLike(db, middle, u);
    const before = await db.comment.findMany({
      where: { id: { in: [middle, leaf] } },
      select: { id: true, parentId: true, rootId: true, depth: true },
    });
    const count = await postCount(alicePost);
    await mod.moderateComments(db, actors.alice, [middle], "trash");
    expect(await postCount(alicePost)).toBe(count - 1);
    const r = await mod.moderateComments(db, actors.alice, [middle], "delete");
    expect(r).toMatchObject({ ok: true, changed: 1 });
    const stone = await db.comment.findUniqueOrThrow({ where: { id: middle } });
    expect(stone).toMatchObject({
      status: "DELETED",
      bodyMarkdown: "",
      bodyHtml: "",
      guestName: null,
      guestEmail: null,
      likeCount: 0,
      parentId: root,
      rootId: root,
      depth: 1,
    });
    expect(await db.commentLike.count({ where: { commentId: middle } })).toBe(0);
    const after = await db.comment.findMany({
      where: { id: { in: [middle, leaf] } },
      select: { id: true, parentId: true, rootId: true, depth: true },
    });
    expect(after).toEqual(before);
    expect(await statusOf(leaf)).toBe("APPROVED");
    expect(await postCount(alicePost)).toBe(count - 1);
    await expectConsistent();
  });

  it("edits a comment's text and marks it edited, but not a tombstone", async () => {
    const id = await comment(alicePost, "PENDING");
    expect(await mod.editCommentBody(db, id, "New *text*", "<p>New <em>text</em></p>")).toBe(true);
    const row = await db.comment.findUniqueOrThrow({ where: { id } });
    expect(row.bodyMarkdown).toBe("New *text*");
    expect(row.bodyHtml).toBe("<p>New <em>text</em></p>");
    expect(row.editedAt).not.toBeNull();
    const tomb = await comment(alicePost, "DELETED");
    expect(await mod.editCommentBody(db, tomb, "x", "<p>x</p>")).toBe(false);
  });

  it("moves an edited comment that now breaks a rule, keeping the counts true", async () => {
    const approved = await comment(alicePost, "APPROVED");
    await write.setLike(db, approved, likers[0] as string, true);
    const before = await postCount(alicePost);
    // Edited into something held: back to Pending, no longer counted, its like kept (hidden).
    expect(await mod.editCommentBody(db, approved, "spam", "<p>spam</p>", { status: "PENDING" })).toBe(true);
    expect(await statusOf(approved)).toBe("PENDING");
    expect(await postCount(alicePost)).toBe(before - 1);
    expect(await db.commentLike.count({ where: { commentId: approved } })).toBe(1);
    // Held, then edited into something blocked: to the Trash.
    expect(await mod.editCommentBody(db, approved, "worse", "<p>worse</p>", { status: "TRASH" })).toBe(true);
    expect(await statusOf(approved)).toBe("TRASH");
    // A comment in the Trash is not pulled back to Pending by a milder rule.
    expect(await mod.editCommentBody(db, approved, "held", "<p>held</p>", { status: "PENDING" })).toBe(true);
    expect(await statusOf(approved)).toBe("TRASH");
    expect(await postCount(alicePost)).toBe(before - 1);
    await expectConsistent();
  });
});
