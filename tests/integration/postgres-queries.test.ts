import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { postgresAvailable, scratchDatabase } from "../support/postgres";

// The comment path's plain-SQL queries (lib/comments/queries.ts) on PostgreSQL: statuses are
// an enum there, booleans are booleans and counts are bigints. The module-wide client reads
// DATABASE_URL when it is first imported, so this file points it at a new PostgreSQL database
// before importing anything that opens it (each test file has its own modules).
const scratch = scratchDatabase("hearth_queries");
const url = scratch.url;
const available = await postgresAvailable("the comment queries on it");

describe.skipIf(!available)("comment queries on PostgreSQL", () => {
  let queries: typeof import("@/lib/comments/queries");
  let write: typeof import("@/lib/comments/write");
  let db: import("@/lib/db/client").Db;

  beforeAll(async () => {
    await scratch.create();
    const { migrate } = await import("@/lib/db/migrate");
    await migrate(url);
    process.env.DATABASE_URL = url;
    ({ db } = await import("@/lib/db/client"));
    queries = await import("@/lib/comments/queries");
    write = await import("@/lib/comments/write");
  });

  afterAll(async () => {
    await db?.$disconnect();
    await scratch.drop();
  });

  it("answers the posting and liking paths' questions", async () => {
    const author = await db.user.create({ data: { name: "Ada", email: "ada@pgq.test", handle: "ada-pgq" } });
    const post = await db.post.create({
      data: {
        slug: "pg-queries",
        title: "Queries",
        bodyMarkdown: "x",
        bodyHtml: "<p>x</p>",
        status: "PUBLISHED",
        publishedAt: new Date(Date.now() - 60_000),
        authorId: author.id,
      },
    });
    const draft = await db.post.create({
      data: { slug: "pg-draft", title: "Draft", bodyMarkdown: "x", bodyHtml: "<p>x</p>", authorId: author.id },
    });
    expect(await queries.openPost(post.id)).toMatchObject({ id: post.id, slug: "pg-queries", commentsOpen: true });
    expect(await queries.openPost(draft.id)).toBeNull();

    const guest = { name: "Gus", email: "Gus@Example.org" };
    const first = await write.insertComment(db, {
      postId: post.id,
      parentId: null,
      guest,
      bodyMarkdown: "Hello",
      status: "PENDING",
      guestKey: "browser-key-hash",
    });
    const gus = { email: "gus@example.org", guestKey: "browser-key-hash" };
    expect(await queries.writerHistory(post.id, gus)).toEqual({ lastBody: "Hello", approvedBefore: false });
    await db.comment.update({ where: { id: first.id }, data: { status: "APPROVED" } });
    expect(await queries.writerHistory(post.id, gus)).toEqual({ lastBody: "Hello", approvedBefore: true });
    // The address alone, from another browser or none, is not "previously approved".
    expect(await queries.writerHistory(post.id, { ...gus, guestKey: "another-browser" })).toEqual({
      lastBody: "Hello",
      approvedBefore: false,
    });
    expect(await queries.writerHistory(post.id, { ...gus, guestKey: null })).toEqual({ lastBody: "Hello", approvedBefore: false });
    expect(await queries.accountHasEmail("ADA@pgq.test")).toBe(true);
    expect(await queries.accountHasEmail("gus@example.org")).toBe(false);
    expect(await queries.writerHistory(post.id, { userId: author.id })).toEqual({ lastBody: null, approvedBefore: false });

    const reply = await write.insertComment(db, {
      postId: post.id,
      parentId: first.id,
      authorId: author.id,
      bodyMarkdown: "Hi",
      status: "APPROVED",
    });
    expect(reply).toMatchObject({ rootId: first.id, depth: 1 });
    expect(await queries.likeTarget(reply.id)).toEqual({
      authorId: author.id,
      status: "APPROVED",
      postId: post.id,
      postSlug: post.slug,
      permalink: null,
    });
    expect(await queries.likeTarget(9_999_999)).toBeNull();
    expect(await queries.visibleCommentPermalink(reply.id, { userId: null, pendingIds: [] })).toBe(
      `/posts/pg-queries#comment-${reply.id}`,
    );
    expect(await queries.commentPermalink(reply.id, null, { commentOrder: "likes", commentsPerPage: 50 })).toBe(
      `/posts/pg-queries#comment-${reply.id}`,
    );

    // The thread page's plain-SQL reads: comments with their writers, likers, the viewer's likes.
    const reader = await db.user.create({ data: { name: "Bo", email: "bo@pgq.test", handle: "bo-pgq" } });
    await write.setLike(db, reply.id, reader.id, true);
    const options = { page: 1, perPage: 50, order: "oldest" as const, maxDepth: 5 };
    const page = await queries.readThreadPage(post.id, author.id, options, { userId: reader.id, pendingIds: [] });
    expect(page.total).toBe(2);
    const top = page.nodes[0];
    expect(top?.comment).toMatchObject({ id: first.id, authorName: "Gus", likeCount: 0 });
    expect(top?.children[0]?.comment).toMatchObject({
      id: reply.id,
      authorName: "Ada",
      authorHandle: "ada-pgq",
      isPostAuthor: true,
      likeCount: 1,
      likedBy: ["Bo"],
      likedByMe: true,
    });
  });

  it("reads the site settings with PostgreSQL's booleans and numbers as the app uses them", async () => {
    const settings = await import("@/lib/settings/queries");
    const { DEFAULT_SETTINGS } = await import("@/lib/settings/defaults");
    await db.settings.deleteMany();
    expect(await settings.readSettings()).toEqual(DEFAULT_SETTINGS);
    await db.settings.create({
      data: { id: 1, siteTitle: "Postgres Hearth", commentsPerPage: 7, trustProxy: true, gravatarEnabled: true, commentOrder: "newest" },
    });
    expect(await settings.readSettings()).toEqual({
      ...DEFAULT_SETTINGS,
      siteTitle: "Postgres Hearth",
      commentsPerPage: 7,
      trustProxy: true,
      gravatarEnabled: true,
      commentOrder: "newest",
    });
  });
});
