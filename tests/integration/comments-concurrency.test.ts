import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "@/lib/db/client";
import { freshDatabase, type FreshDatabase } from "../support/test-db";

type CommentWrite = typeof import("@/lib/comments/write");

/** A small seeded PRNG (mulberry32) so the "random" thread shape is the same on every run. */
function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

/** A short description of a failed write: the error's name/code and the last line of its message. */
function describeError(reason: unknown): string {
  const e = reason as { name?: string; code?: string; message?: string; meta?: unknown };
  const lines = String(e?.message ?? reason)
    .split("\n")
    .map((l) => l.trim())
    .filter(Boolean);
  return [e?.name, e?.code, lines[lines.length - 1], e?.meta ? JSON.stringify(e.meta) : ""]
    .filter(Boolean)
    .join(" | ")
    .slice(0, 300);
}

describe("comment writes against a freshly migrated SQLite database", () => {
  let fresh: FreshDatabase;
  let db: Db;
  /** A second client on the same file: another process, as far as SQLite is concerned. */
  let dbB: Db;
  let write: CommentWrite;
  let CommentRejected: CommentWrite["CommentRejected"];

  let authorId: string;
  /** 100 readers. */
  const readers: string[] = [];
  let postId: string;
  let otherPostId: string;
  let slugCounter = 0;

  const commentCount = async (id: string) =>
    (await db.post.findUniqueOrThrow({ where: { id }, select: { commentCount: true } })).commentCount;
  const likeCount = async (id: number) =>
    (await db.comment.findUniqueOrThrow({ where: { id }, select: { likeCount: true } })).likeCount;
  const likeRows = (id: number) => db.commentLike.count({ where: { commentId: id } });

  const newPost = async () => {
    slugCounter++;
    const p = await db.post.create({
      data: {
        slug: `post-${slugCounter}`,
        title: `Post ${slugCounter}`,
        bodyMarkdown: "Body.",
        bodyHtml: "<p>Body.</p>",
        status: "PUBLISHED",
        publishedAt: new Date(),
        authorId,
      },
    });
    return p.id;
  };

  /** A top-level approved comment (HTML given, so no Markdown rendering is involved). */
  const approvedRoot = (post: string, body = "Root") =>
    write.insertComment(db, {
      postId: post,
      parentId: null,
      authorId,
      bodyMarkdown: body,
      bodyHtml: `<p>${body}</p>`,
      status: "APPROVED",
    });

  beforeAll(async () => {
    fresh = await freshDatabase();
    db = fresh.db;
    write = await import("@/lib/comments/write");
    CommentRejected = write.CommentRejected;
    const { createDb } = await import("@/lib/db/client");
    dbB = createDb(fresh.url);

    authorId = (
      await db.user.create({ data: { name: "Alice Author", handle: "alice", email: "alice@example.org", role: "AUTHOR" } })
    ).id;
    await db.user.createMany({
      data: Array.from({ length: 100 }, (_, i) => ({
        id: `reader-${String(i).padStart(3, "0")}`,
        name: `Reader ${i}`,
        handle: `reader${i}`,
        email: `reader${i}@example.org`,
      })),
    });
    for (let i = 0; i < 100; i++) readers.push(`reader-${String(i).padStart(3, "0")}`);
    postId = await newPost();
    otherPostId = await newPost();
  });

  afterAll(async () => {
    await dbB?.$disconnect();
    await fresh?.cleanup();
  });

  describe("insertComment", () => {
    it("gives a top-level comment rootId = its own id and depth 0", async () => {
      const c = await approvedRoot(postId, "Top level");
      expect(c.parentId).toBeNull();
      expect(c.rootId).toBe(c.id);
      expect(c.depth).toBe(0);
      const stored = await db.comment.findUniqueOrThrow({ where: { id: c.id } });
      expect(stored.rootId).toBe(c.id);
      expect(stored.depth).toBe(0);
    });

    it("gives a reply its parent's rootId and depth + 1, down a chain", async () => {
      const root = await approvedRoot(postId);
      let parent = root;
      for (let depth = 1; depth <= 6; depth++) {
        const reply = await write.insertComment(db, {
          postId,
          parentId: parent.id,
          authorId: readers[depth],
          bodyMarkdown: `Reply ${depth}`,
          status: "APPROVED",
        });
        expect(reply.parentId).toBe(parent.id);
        expect(reply.rootId).toBe(root.id);
        expect(reply.depth).toBe(depth);
        parent = reply;
      }
    });

    it("renders the Markdown when no HTML is given", async () => {
      const c = await write.insertComment(db, {
        postId,
        parentId: null,
        authorId,
        bodyMarkdown: "Some *emphasis*",
        status: "APPROVED",
      });
      expect(c.bodyHtml).toContain("<em>emphasis</em>");
    });

    it("stores a guest's e-mail lowercased and an empty website as null", async () => {
      const c = await write.insertComment(db, {
        postId,
        parentId: null,
        guest: { name: "Guest", email: "Guest@Example.ORG", url: "" },
        bodyMarkdown: "Hi",
        bodyHtml: "<p>Hi</p>",
        status: "PENDING",
      });
      expect(c.authorId).toBeNull();
      expect(c.guestName).toBe("Guest");
      expect(c.guestEmail).toBe("guest@example.org");
      expect(c.guestUrl).toBeNull();
    });

    it("bumps post.commentCount by 1 for an APPROVED comment and not for PENDING ones", async () => {
      const post = await newPost();
      expect(await commentCount(post)).toBe(0);
      const root = await approvedRoot(post);
      expect(await commentCount(post)).toBe(1);
      await write.insertComment(db, {
        postId: post,
        parentId: root.id,
        authorId: readers[0],
        bodyMarkdown: "r",
        bodyHtml: "<p>r</p>",
        status: "APPROVED",
      });
      expect(await commentCount(post)).toBe(2);
      await write.insertComment(db, {
        postId: post,
        parentId: root.id,
        authorId: readers[1],
        bodyMarkdown: "p",
        bodyHtml: "<p>p</p>",
        status: "PENDING",
      });
      await write.insertComment(db, {
        postId: post,
        parentId: null,
        authorId: readers[1],
        bodyMarkdown: "p",
        bodyHtml: "<p>p</p>",
        status: "PENDING",
      });
      expect(await commentCount(post)).toBe(2);
      for (const status of ["SPAM", "TRASH"] as const) {
        await write.insertComment(db, {
          postId: post,
          parentId: null,
          authorId: readers[2],
          bodyMarkdown: "s",
          bodyHtml: "<p>s</p>",
          status,
        });
      }
      expect(await commentCount(post)).toBe(2);
      expect(await db.comment.count({ where: { postId: post } })).toBe(6);
    });

    describe("refuses an unavailable parent with CommentRejected('parentId') and stores nothing", () => {
      const expectRejected = async (parentId: number, post = postId) => {
        const before = await db.comment.count();
        const countBefore = await commentCount(post);
        const attempt = write.insertComment(db, {
          postId: post,
          parentId,
          authorId: readers[5],
          bodyMarkdown: "Reply",
          bodyHtml: "<p>Reply</p>",
          status: "APPROVED",
        });
        await expect(attempt).rejects.toBeInstanceOf(CommentRejected);
        await expect(attempt).rejects.toMatchObject({ name: "CommentRejected", field: "parentId" });
        expect(await db.comment.count()).toBe(before);
        expect(await commentCount(post)).toBe(countBefore);
      };

      it("a parent on another post", async () => {
        const elsewhere = await approvedRoot(otherPostId);
        await expectRejected(elsewhere.id, postId);
      });

      it("a missing parent", async () => {
        await expectRejected(9_999_999);
      });

      it("a parent that is PENDING, DELETED, SPAM or TRASH", async () => {
        for (const status of ["PENDING", "DELETED", "SPAM", "TRASH"] as const) {
          const parent = await write.insertComment(db, {
            postId,
            parentId: null,
            authorId: readers[9],
            bodyMarkdown: status,
            bodyHtml: `<p>${status}</p>`,
            status,
          });
          await expectRejected(parent.id);
        }
      });

      it("a parent that was approved and then deleted", async () => {
        const parent = await approvedRoot(postId);
        await db.comment.update({ where: { id: parent.id }, data: { status: "DELETED" } });
        await expectRejected(parent.id);
      });
    });
  });

  describe("likes", () => {
    it("100 concurrent likes from 100 different users on one comment end at exactly 100, with 100 like rows", async () => {
      const c = await approvedRoot(postId, "Popular");
      const results = await Promise.all(readers.map((userId) => write.setLike(db, c.id, userId, true)));
      expect(results.every((r) => r.liked)).toBe(true);
      // Each like saw a distinct count: the increments were serialized, not lost.
      expect(new Set(results.map((r) => r.likeCount)).size).toBe(100);
      expect(Math.max(...results.map((r) => r.likeCount))).toBe(100);
      expect(await likeCount(c.id)).toBe(100);
      expect(await likeRows(c.id)).toBe(100);
    });

    it("the same user liking 20 times concurrently ends liked once; 20 concurrent unlikes end at 0", async () => {
      const c = await approvedRoot(postId, "Liked once");
      const user = readers[42] as string;
      const likes = await Promise.all(Array.from({ length: 20 }, () => write.setLike(db, c.id, user, true)));
      expect(likes.every((r) => r.liked && r.likeCount === 1)).toBe(true);
      expect(await likeCount(c.id)).toBe(1);
      expect(await likeRows(c.id)).toBe(1);

      const unlikes = await Promise.all(Array.from({ length: 20 }, () => write.setLike(db, c.id, user, false)));
      expect(unlikes.every((r) => !r.liked && r.likeCount === 0)).toBe(true);
      expect(await likeCount(c.id)).toBe(0);
      expect(await likeRows(c.id)).toBe(0);
    });

    it("mixed concurrent likes and unlikes by many users stay consistent (count = rows)", async () => {
      const c = await approvedRoot(postId, "Mixed");
      const users = readers.slice(0, 30);
      await Promise.all(users.map((u) => write.setLike(db, c.id, u, true)));
      const rand = mulberry32(7);
      const ops = users.flatMap((u) => [
        () => write.setLike(db, c.id, u, rand() < 0.5),
        () => write.setLike(db, c.id, u, rand() < 0.5),
      ]);
      await Promise.all(ops.map((op) => op()));
      expect(await likeCount(c.id)).toBe(await likeRows(c.id));
    });

    it("addLike is idempotent", async () => {
      const c = await approvedRoot(postId, "addLike");
      expect(await write.addLike(db, c.id, readers[3] as string)).toBe(true);
      expect(await write.addLike(db, c.id, readers[3] as string)).toBe(false);
      expect(await likeCount(c.id)).toBe(1);
    });

    it("refuses liking a PENDING or DELETED comment, and nothing changes", async () => {
      for (const status of ["PENDING", "DELETED"] as const) {
        const c = await write.insertComment(db, {
          postId,
          parentId: null,
          authorId: readers[7],
          bodyMarkdown: status,
          bodyHtml: `<p>${status}</p>`,
          status,
        });
        await expect(write.setLike(db, c.id, readers[8] as string, true)).rejects.toBeInstanceOf(CommentRejected);
        await expect(write.addLike(db, c.id, readers[8] as string)).rejects.toBeInstanceOf(CommentRejected);
        expect(await likeCount(c.id)).toBe(0);
        expect(await likeRows(c.id)).toBe(0);
      }
    });

    it("refuses liking a comment that was deleted after being approved", async () => {
      const c = await approvedRoot(postId, "Soon deleted");
      await db.comment.update({ where: { id: c.id }, data: { status: "DELETED" } });
      await expect(write.setLike(db, c.id, readers[8] as string, true)).rejects.toBeInstanceOf(CommentRejected);
      expect(await likeCount(c.id)).toBe(0);
      expect(await likeRows(c.id)).toBe(0);
    });

    it("refuses liking a comment that does not exist", async () => {
      await expect(write.setLike(db, 9_999_999, readers[8] as string, true)).rejects.toBeInstanceOf(CommentRejected);
      expect(await db.commentLike.count({ where: { commentId: 9_999_999 } })).toBe(0);
    });
  });

  describe("200 comments posted concurrently into one thread (as replies at random depths)", () => {
    it("stores all 201 with consistent parents, depths, roots and the post's count", async () => {
      const post = await newPost();
      const root = await approvedRoot(post, "Thread root");
      const rand = mulberry32(20_240_601);
      const existing: { id: number; depth: number }[] = [{ id: root.id, depth: 0 }];

      for (let wave = 0; wave < 4; wave++) {
        const snapshot = [...existing];
        const created = await Promise.all(
          Array.from({ length: 50 }, (_, i) => {
            const parent = snapshot[Math.floor(rand() * snapshot.length)] as { id: number; depth: number };
            const author = readers[Math.floor(rand() * readers.length)] as string;
            return write.insertComment(db, {
              postId: post,
              parentId: parent.id,
              authorId: author,
              bodyMarkdown: `Wave ${wave} reply ${i}`,
              bodyHtml: `<p>Wave ${wave} reply ${i}</p>`,
              status: "APPROVED",
            });
          }),
        );
        for (const c of created) existing.push({ id: c.id, depth: c.depth });
      }

      const rows = await db.comment.findMany({ where: { post: { id: post } } });
      expect(rows).toHaveLength(201);
      const byId = new Map(rows.map((r) => [r.id, r]));
      expect(byId.size).toBe(201);
      for (const row of rows) {
        expect(row.rootId).toBe(root.id);
        expect(row.postId).toBe(post);
        if (row.id === root.id) {
          expect(row.parentId).toBeNull();
          expect(row.depth).toBe(0);
          continue;
        }
        expect(row.parentId).not.toBeNull();
        const parent = byId.get(row.parentId as number);
        expect(parent, `parent of ${row.id}`).toBeDefined();
        expect(parent?.postId).toBe(post);
        expect(row.depth).toBe((parent?.depth ?? NaN) + 1);
        expect(row.id).toBeGreaterThan(parent?.id ?? Infinity);
      }
      // The tree is genuinely deep, not 200 direct replies to the root.
      expect(Math.max(...rows.map((r) => r.depth))).toBeGreaterThanOrEqual(3);
      const approved = rows.filter((r) => r.status === "APPROVED").length;
      expect(approved).toBe(201);
      expect(await commentCount(post)).toBe(approved);
    });

    it("keeps post.commentCount equal to the APPROVED rows when approved and pending replies race", async () => {
      const post = await newPost();
      const root = await approvedRoot(post, "Mixed thread root");
      const rand = mulberry32(99);
      const existing = [root.id];
      for (let wave = 0; wave < 3; wave++) {
        const snapshot = [...existing];
        const created = await Promise.all(
          Array.from({ length: 40 }, (_, i) =>
            write.insertComment(db, {
              postId: post,
              parentId: snapshot[Math.floor(rand() * snapshot.length)] as number,
              authorId: readers[i],
              bodyMarkdown: `r${i}`,
              bodyHtml: `<p>r${i}</p>`,
              status: rand() < 0.3 ? "PENDING" : "APPROVED",
            }),
          ),
        );
        for (const c of created) if (c.status === "APPROVED") existing.push(c.id);
      }
      const approved = await db.comment.count({ where: { postId: post, status: "APPROVED" } });
      expect(await db.comment.count({ where: { postId: post } })).toBe(121);
      expect(approved).toBeLessThan(121);
      expect(await commentCount(post)).toBe(approved);
    });
  });

  describe("two database clients on the same file (two processes)", () => {
    /** Rejections of a batch, grouped by kind, so a failure shows what went wrong and how often. */
    const rejections = (results: readonly PromiseSettledResult<unknown>[]) => {
      const kinds = new Map<string, number>();
      for (const r of results) {
        if (r.status !== "rejected") continue;
        const key = describeError(r.reason);
        kinds.set(key, (kinds.get(key) ?? 0) + 1);
      }
      return Object.fromEntries(kinds);
    };

    it("50 likes via client A and 50 via client B at the same time end at exactly 100", { timeout: 120_000 }, async () => {
      const c = await approvedRoot(postId, "Two clients");
      const results = await Promise.allSettled(
        readers.map((userId, i) => write.setLike(i % 2 === 0 ? db : dbB, c.id, userId, true)),
      );
      const count = await likeCount(c.id);
      const rows = await likeRows(c.id);
      // Whatever happened, each transaction was all-or-nothing: the count matches the rows.
      expect(count).toBe(rows);
      expect({ likeCount: count, likeRows: rows, rejected: rejections(results) }).toEqual({
        likeCount: 100,
        likeRows: 100,
        rejected: {},
      });
    });

    it("the same user liking 10 times via A and 10 via B ends liked once", { timeout: 120_000 }, async () => {
      const c = await approvedRoot(postId, "Two clients, one user");
      const user = readers[11] as string;
      const results = await Promise.allSettled(
        Array.from({ length: 20 }, (_, i) => write.setLike(i % 2 === 0 ? db : dbB, c.id, user, true)),
      );
      expect({ likeCount: await likeCount(c.id), likeRows: await likeRows(c.id), rejected: rejections(results) }).toEqual({
        likeCount: 1,
        likeRows: 1,
        rejected: {},
      });
    });

    it(
      "replies posted concurrently via A and B are all stored, with a consistent thread and count",
      { timeout: 120_000 },
      async () => {
        const post = await newPost();
        const root = await approvedRoot(post, "Two-client thread");
        const rand = mulberry32(4242);
        const existing = [root.id];
        const results: PromiseSettledResult<{ id: number }>[] = [];
        for (let wave = 0; wave < 2; wave++) {
          const snapshot = [...existing];
          const batch = await Promise.allSettled(
            Array.from({ length: 40 }, (_, i) =>
              write.insertComment(i % 2 === 0 ? db : dbB, {
                postId: post,
                parentId: snapshot[Math.floor(rand() * snapshot.length)] as number,
                authorId: readers[i],
                bodyMarkdown: `r${i}`,
                bodyHtml: `<p>r${i}</p>`,
                status: "APPROVED",
              }),
            ),
          );
          for (const r of batch) if (r.status === "fulfilled") existing.push(r.value.id);
          results.push(...batch);
        }
        const rows = await db.comment.findMany({ where: { postId: post } });
        const byId = new Map(rows.map((r) => [r.id, r]));
        for (const row of rows) {
          expect(row.rootId).toBe(root.id);
          if (row.parentId !== null) expect(row.depth).toBe((byId.get(row.parentId)?.depth ?? NaN) + 1);
        }
        // All-or-nothing: the post's count matches the stored approved rows even if some inserts failed.
        expect(await commentCount(post)).toBe(rows.filter((r) => r.status === "APPROVED").length);
        expect({ stored: rows.length, rejected: rejections(results) }).toEqual({ stored: 81, rejected: {} });
      },
    );
  });
});
