import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { freshPostgresDatabase, postgresAvailable, type FreshPostgresDatabase } from "../support/postgres";

// setLike on PostgreSQL is one statement of its own (lib/comments/write.ts, setLikePostgres):
// the rules SQLite's transaction pins in comments-concurrency.test.ts, pinned here on
// PostgreSQL, under the same concurrency.
const available = await postgresAvailable("likes on it");

describe.skipIf(!available)("likes on PostgreSQL", () => {
  let fresh: FreshPostgresDatabase;
  let write: typeof import("@/lib/comments/write");
  let db: import("@/lib/db/client").Db;
  let postId: string;
  let readers: string[];

  const likeCount = async (id: number) => (await db.comment.findUniqueOrThrow({ where: { id } })).likeCount;
  const likeRows = (id: number) => db.commentLike.count({ where: { commentId: id } });
  let n = 0;
  const comment = (status: "APPROVED" | "PENDING" | "DELETED" = "APPROVED") =>
    write.insertComment(db, {
      postId,
      parentId: null,
      authorId: readers[0],
      bodyMarkdown: `c${++n}`,
      bodyHtml: "<p>c</p>",
      status,
    });

  beforeAll(async () => {
    fresh = await freshPostgresDatabase("hearth_likes");
    db = fresh.db;
    write = await import("@/lib/comments/write");
    const author = await db.user.create({ data: { name: "Ada", email: "ada@pgl.test", handle: "ada-pgl" } });
    postId = (
      await db.post.create({
        data: {
          slug: "pg-likes",
          title: "Likes",
          bodyMarkdown: "x",
          bodyHtml: "<p>x</p>",
          status: "PUBLISHED",
          authorId: author.id,
        },
      })
    ).id;
    await db.user.createMany({
      data: Array.from({ length: 100 }, (_, i) => ({ name: `R${i}`, email: `r${i}@pgl.test`, handle: `r${i}-pgl` })),
    });
    readers = (
      await db.user.findMany({ where: { email: { endsWith: "@pgl.test", not: "ada@pgl.test" } }, orderBy: { handle: "asc" } })
    ).map((u) => u.id);
  });

  afterAll(async () => {
    await fresh?.cleanup();
  });

  it("likes and unlikes, and answers with the new count", async () => {
    const c = await comment();
    expect(await write.setLike(db, c.id, readers[1]!, true)).toEqual({ liked: true, likeCount: 1 });
    expect(await write.setLike(db, c.id, readers[1]!, true)).toEqual({ liked: true, likeCount: 1 });
    expect(await write.setLike(db, c.id, readers[2]!, true)).toEqual({ liked: true, likeCount: 2 });
    expect(await write.setLike(db, c.id, readers[1]!, false)).toEqual({ liked: false, likeCount: 1 });
    expect(await write.setLike(db, c.id, readers[1]!, false)).toEqual({ liked: false, likeCount: 1 });
    expect(await likeRows(c.id)).toBe(1);
    const row = await db.commentLike.findFirstOrThrow({ where: { commentId: c.id } });
    expect(Math.abs(row.createdAt.getTime() - Date.now())).toBeLessThan(60_000);
  });

  it("100 concurrent likes from 100 different users end at exactly 100, each answered with a count of its own", async () => {
    const c = await comment();
    const results = await Promise.all(readers.map((userId) => write.setLike(db, c.id, userId, true)));
    expect(results.every((r) => r.liked)).toBe(true);
    expect(new Set(results.map((r) => r.likeCount)).size).toBe(100);
    expect(await likeCount(c.id)).toBe(100);
    expect(await likeRows(c.id)).toBe(100);
  });

  it("the same user liking 20 times concurrently ends liked once; 20 concurrent unlikes end at 0", async () => {
    const c = await comment();
    const likes = await Promise.all(Array.from({ length: 20 }, () => write.setLike(db, c.id, readers[42]!, true)));
    expect(likes.every((r) => r.liked && r.likeCount === 1)).toBe(true);
    expect([await likeCount(c.id), await likeRows(c.id)]).toEqual([1, 1]);
    const unlikes = await Promise.all(Array.from({ length: 20 }, () => write.setLike(db, c.id, readers[42]!, false)));
    expect(unlikes.every((r) => !r.liked && r.likeCount === 0)).toBe(true);
    expect([await likeCount(c.id), await likeRows(c.id)]).toEqual([0, 0]);
  });

  it("mixed concurrent likes and unlikes keep the count equal to the rows", async () => {
    const c = await comment();
    const users = readers.slice(0, 30);
    await Promise.all(users.map((u) => write.setLike(db, c.id, u, true)));
    await Promise.all(
      users.flatMap((u, i) => [write.setLike(db, c.id, u, i % 3 === 0), write.setLike(db, c.id, u, i % 2 === 0)]),
    );
    expect(await likeCount(c.id)).toBe(await likeRows(c.id));
  });

  it("refuses a held, deleted or unknown comment and changes nothing; a like from before it was held stays", async () => {
    for (const status of ["PENDING", "DELETED"] as const) {
      const c = await comment(status);
      await expect(write.setLike(db, c.id, readers[8]!, true)).rejects.toBeInstanceOf(write.CommentRejected);
      expect([await likeCount(c.id), await likeRows(c.id)]).toEqual([0, 0]);
    }
    await expect(write.setLike(db, 9_999_999, readers[8]!, true)).rejects.toBeInstanceOf(write.CommentRejected);

    const held = await comment();
    await write.setLike(db, held.id, readers[9]!, true);
    await db.comment.update({ where: { id: held.id }, data: { status: "PENDING" } });
    expect(await write.setLike(db, held.id, readers[9]!, true)).toEqual({ liked: true, likeCount: 1 });
    await expect(write.setLike(db, held.id, readers[10]!, true)).rejects.toBeInstanceOf(write.CommentRejected);
    expect(await write.setLike(db, held.id, readers[9]!, false)).toEqual({ liked: false, likeCount: 0 });
    expect(await likeRows(held.id)).toBe(0);
  });
});
