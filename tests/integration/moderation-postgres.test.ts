import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { postgresAvailable, scratchDatabase } from "../support/postgres";
import { migrate } from "../../lib/db/migrate";
import { createDb, type Db } from "../../lib/db/client";
import { insertComment } from "../../lib/comments/write";
import { moderateComments } from "../../lib/moderation/write";

// Concurrent moderators on PostgreSQL (READ COMMITTED): two transactions can both read a
// comment as Pending; the status-guarded update is what keeps the count right. Skipped when no
// PostgreSQL is reachable (as tests/integration/postgres.test.ts).
const scratch = scratchDatabase("hearth_mod");
const url = scratch.url;
const available = await postgresAvailable("the moderation concurrency test on it");

describe.skipIf(!available)("moderation on PostgreSQL", () => {
  let a: Db;
  let b: Db;

  beforeAll(async () => {
    await scratch.create();
    await migrate(url);
    a = createDb(url);
    b = createDb(url);
  });

  afterAll(async () => {
    await a?.$disconnect();
    await b?.$disconnect();
    await scratch.drop();
  });

  it("counts two concurrent approvals of one comment once (the status guard, not the read, decides)", async () => {
    const author = await a.user.create({ data: { name: "Ann", handle: "ann", email: "ann@pg.test", role: "AUTHOR" } });
    const adminUser = await a.user.create({ data: { name: "Root", handle: "root", email: "root@pg.test", role: "ADMIN" } });
    const post = await a.post.create({
      data: {
        slug: "pg-mod",
        title: "T",
        bodyMarkdown: "x",
        bodyHtml: "<p>x</p>",
        status: "PUBLISHED",
        publishedAt: new Date(),
        authorId: author.id,
      },
    });
    const count = async () => (await a.post.findUniqueOrThrow({ where: { id: post.id } })).commentCount;
    for (let round = 0; round < 10; round++) {
      const c = await insertComment(a, {
        postId: post.id,
        parentId: null,
        guest: { name: "G", email: `g${round}@pg.test` },
        bodyMarkdown: "hi",
        bodyHtml: "<p>hi</p>",
        status: "PENDING",
      });
      const before = await count();
      const results = await Promise.all([
        moderateComments(a, { id: author.id, role: "AUTHOR" }, [c.id], "approve"),
        moderateComments(b, { id: adminUser.id, role: "ADMIN" }, [c.id], "approve"),
      ]);
      expect(results.map((r) => (r.ok ? r.changed : -1)).sort()).toEqual([0, 1]);
      expect(await count()).toBe(before + 1);
    }
    expect(await count()).toBe(await a.comment.count({ where: { postId: post.id, status: "APPROVED" } }));
  });
});
