import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { postgresAvailable, scratchDatabase } from "../support/postgres";
import { migrate, readMigrations } from "../../lib/db/migrate";
import { createDb, type Db } from "../../lib/db/client";
import { createPost } from "../../lib/posts/write";
import { addLike, insertApprovedComment, setLike } from "../../lib/comments/write";
import { RateLimiter } from "../../lib/rate-limit/store";

// The PostgreSQL path: the same migrations runner and model on the machine's PostgreSQL
// (127.0.0.1:5432, trust auth). Set HEARTH_PG_ADMIN_URL to point elsewhere.
const scratch = scratchDatabase("hearth_test");
const url = scratch.url;
const available = await postgresAvailable("the PostgreSQL path tests");

describe.skipIf(!available)("PostgreSQL path", () => {
  let db: Db;

  beforeAll(async () => {
    await scratch.create();
    db = createDb(url);
  });

  afterAll(async () => {
    await db?.$disconnect();
    await scratch.drop();
  });

  it("applies the PostgreSQL migrations once and records them for Prisma", async () => {
    const first = await migrate(url);
    expect(first.engine).toBe("postgresql");
    expect(first.applied).toEqual(readMigrations("postgresql").map((m) => m.name));
    expect((await migrate(url)).applied).toEqual([]);
    const rows = await db.$queryRawUnsafe<{ migration_name: string; checksum: string }[]>(
      `SELECT migration_name, checksum FROM "_prisma_migrations" ORDER BY migration_name`,
    );
    expect(rows.map((r) => [r.migration_name, r.checksum])).toEqual(
      readMigrations("postgresql").map((m) => [m.name, m.checksum]),
    );
  });

  it("stores and reads posts, threaded comments and likes", async () => {
    const author = await db.user.create({ data: { name: "Pat Author", email: "pat@pg.test", handle: "pat-pg", role: "AUTHOR" } });
    const reader = await db.user.create({ data: { name: "Robin Reader", email: "robin@pg.test", handle: "robin-pg" } });
    const post = await createPost(db, {
      slug: "pg-essay",
      title: "An essay on PostgreSQL",
      bodyMarkdown: "## One\n\nText with a [link](https://example.org).",
      authorId: author.id,
      tags: ["Databases"],
      status: "PUBLISHED",
      publishedAt: new Date(Date.now() - 60_000),
    });
    const top = await insertApprovedComment(db, { postId: post.id, parentId: null, authorId: reader.id, bodyMarkdown: "First!" });
    const reply = await insertApprovedComment(db, {
      postId: post.id,
      parentId: top.id,
      authorId: author.id,
      bodyMarkdown: "Thanks.",
    });
    expect(top.rootId).toBe(top.id);
    expect(reply).toMatchObject({ rootId: top.id, depth: 1, parentId: top.id });
    expect(await addLike(db, top.id, author.id)).toBe(true);
    expect(await addLike(db, top.id, author.id)).toBe(false);
    const stored = await db.comment.findUniqueOrThrow({ where: { id: top.id } });
    expect(stored.likeCount).toBe(1);
    expect(await setLike(db, top.id, author.id, false)).toEqual({ liked: false, likeCount: 0 });
    expect(await setLike(db, top.id, author.id, true)).toEqual({ liked: true, likeCount: 1 });
    // The posting path's plain-SQL queries and the flood limiter, on PostgreSQL.
    const limiter = new RateLimiter(db);
    const limits = [
      { key: "pg:min", rule: { limit: 1, windowMs: 60_000 } },
      { key: "pg:hour", rule: { limit: 5, windowMs: 3_600_000 } },
    ];
    expect((await limiter.hitAll(limits)).allowed).toBe(true);
    expect((await limiter.hitAll(limits)).allowed).toBe(false);
    expect((await db.rateLimit.findMany({ orderBy: { key: "asc" } })).map((r) => r.count)).toEqual([1, 1]);
    const saved = await db.post.findUniqueOrThrow({ where: { id: post.id }, include: { tags: { include: { tag: true } } } });
    expect(saved.commentCount).toBe(2);
    expect(saved.tags.map((t) => t.tag.slug)).toEqual(["databases"]);
    expect(saved.bodyHtml).toContain('<h2 id="one">');
    await db.post.delete({ where: { id: post.id } });
    expect(await db.comment.count({ where: { postId: post.id } })).toBe(0);
    expect(await db.commentLike.count()).toBe(0);
  });
});
