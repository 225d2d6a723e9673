import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "@/lib/db/client";
import { COMMENT_ORDERS, sortRoots, type CommentOrder } from "@/lib/comments/tree";
import type { OpenDatabase } from "../../support/test-db";

// Top-level comments are ordered and paged in SQL (readThreadPage's ORDER BY, commentPermalink's
// "how many come before" count) and in JavaScript (sortRoots, which orders each page's roots).
// Here the SQL is held to sortRoots for every order and several page sizes, on a thread with
// ties in time and in likes, tombstones that keep their place and held comments that don't.
// Run on each engine (comment-order.test.ts: SQLite, comment-order-postgres.test.ts: PostgreSQL):
// the dates, likes and ids compared are typed differently in each.

type CommentQueries = typeof import("@/lib/comments/queries");
type CommentWrite = typeof import("@/lib/comments/write");
type ThreadViewer = import("@/lib/comments/queries").ThreadViewer;

/** The comment-order tests, on the database `open` gives (call inside a describe). */
export function commentOrderTests(open: OpenDatabase): void {
  let cleanup: (() => Promise<void>) | undefined;
  let queries: CommentQueries;
  let postId: string;
  /** The top-level comments a reader sees listed, as sortRoots needs them. */
  const listed: { id: number; createdAt: Date; likeCount: number }[] = [];
  /** A reply under each listed root (its permalink must land on its root's page). */
  const replyOf = new Map<number, number>();
  /** Held (pending) top-level comments: listed only for their writer, a guest or a signed-in reader. */
  const held: { id: number; createdAt: Date; likeCount: number; writer: "guest" | "reader" }[] = [];
  let readerId = "";

  beforeAll(async () => {
    let db: Db;
    ({ db, cleanup } = await open());
    queries = await import("@/lib/comments/queries");
    const write: CommentWrite = await import("@/lib/comments/write");
    const posts = await import("@/lib/posts/write");
    const author = await db.user.create({
      data: { name: "Ann Author", handle: "ann", email: "ann@order.example", role: "AUTHOR" },
    });
    const post = await posts.createPost(db, {
      slug: "ordered",
      title: "Ordered",
      bodyMarkdown: "Text.",
      authorId: author.id,
      status: "PUBLISHED",
      publishedAt: new Date(Date.now() - 86_400_000),
    });
    postId = post.id;

    // 23 roots over 8 distinct instants (so many share a time), likes 0–3 (many ties).
    const base = Date.UTC(2026, 10, 1, 12);
    let n = 0;
    const guest = () => ({ name: `Guest ${++n}`, email: `g${n}@order.example` });
    for (let i = 0; i < 23; i++) {
      const createdAt = new Date(base + ((i * 5) % 8) * 60_000);
      const root = await write.insertComment(db, {
        postId,
        parentId: null,
        guest: guest(),
        bodyMarkdown: `Root ${i}`,
        status: "APPROVED",
        createdAt,
      });
      const likeCount = (i * 7) % 4;
      await db.comment.update({ where: { id: root.id }, data: { likeCount } });
      const reply = await write.insertComment(db, {
        postId,
        parentId: root.id,
        guest: guest(),
        bodyMarkdown: `Reply to ${i}`,
        status: "APPROVED",
        createdAt: new Date(createdAt.getTime() + 1000),
      });
      if (i % 6 === 5) {
        // Deleted later, with a reply: a tombstone that keeps its place (its likes are gone).
        await db.comment.update({ where: { id: root.id }, data: { status: "DELETED", likeCount: 0 } });
        listed.push({ id: root.id, createdAt, likeCount: 0 });
      } else {
        listed.push({ id: root.id, createdAt, likeCount });
      }
      replyOf.set(root.id, reply.id);
    }
    // Held top-level comments at the same instants are not listed for anyone but their writer:
    // four by one guest (their browser remembers the ids), three by a signed-in reader.
    const heldGuest = guest();
    for (let i = 0; i < 4; i++) {
      const createdAt = new Date(base + i * 60_000);
      const comment = await write.insertComment(db, {
        postId,
        parentId: null,
        guest: heldGuest,
        bodyMarkdown: `Held ${i}`,
        status: "PENDING",
        createdAt,
      });
      held.push({ id: comment.id, createdAt, likeCount: 0, writer: "guest" });
    }
    readerId = (await db.user.create({ data: { name: "Rita Reader", handle: "rita", email: "rita@order.example" } })).id;
    for (let i = 0; i < 3; i++) {
      const createdAt = new Date(base + ((i * 3) % 8) * 60_000);
      const comment = await write.insertComment(db, {
        postId,
        parentId: null,
        authorId: readerId,
        bodyMarkdown: `Rita's held ${i}`,
        status: "PENDING",
        createdAt,
      });
      held.push({ id: comment.id, createdAt, likeCount: 0, writer: "reader" });
    }
  });

  afterAll(async () => {
    await cleanup?.();
  });

  const allRootIds = async (order: CommentOrder, perPage: number, viewer: ThreadViewer | null = null) => {
    const found: number[] = [];
    for (let page = 1; ; page++) {
      const thread = await queries.readThreadPage(postId, "nobody", { page, perPage, order, maxDepth: 5 }, viewer);
      found.push(...thread.nodes.map((node) => node.comment.id));
      if (page >= thread.pageCount) return { found, pageCount: thread.pageCount };
    }
  };

  describe.each(COMMENT_ORDERS)("top-level comments in %s order", (order) => {
    const expected = () => sortRoots(listed, order).map((r) => r.id);

    it.each([1, 3, 7, 50])("pages of %i list them as sortRoots orders them", async (perPage) => {
      const { found, pageCount } = await allRootIds(order, perPage);
      expect(found).toEqual(expected());
      expect(pageCount).toBe(Math.ceil(listed.length / perPage));
    });

    it.each([1, 3, 7, 50])("a permalink (pages of %i) names the page its thread is on", async (perPage) => {
      const sorted = expected();
      for (const [index, rootId] of sorted.entries()) {
        const page = Math.floor(index / perPage) + 1;
        const path = page === 1 ? "/posts/ordered" : `/posts/ordered/comment-page/${page}`;
        for (const id of [rootId, replyOf.get(rootId) as number]) {
          expect(await queries.commentPermalink(id, null, { commentOrder: order, commentsPerPage: perPage })).toBe(
            `${path}#comment-${id}`,
          );
        }
      }
    });

    // A writer's own held comments are listed for them: paged among the others, and counted
    // when placing a permalink (both through the SQL's pending branches).
    const viewers: [string, "guest" | "reader", () => ThreadViewer][] = [
      [
        "a guest (ids from their cookie)",
        "guest",
        () => ({ userId: null, pendingIds: held.filter((h) => h.writer === "guest").map((h) => h.id) }),
      ],
      ["a signed-in reader", "reader", () => ({ userId: readerId, pendingIds: [] })],
    ];
    describe.each(viewers)("for %s with held comments", (_name, writer, viewerOf) => {
      const expectedFor = () => sortRoots([...listed, ...held.filter((h) => h.writer === writer)], order).map((r) => r.id);

      it.each([1, 3, 7, 50])("pages of %i list theirs among the others", async (perPage) => {
        const mine = expectedFor();
        const { found, pageCount } = await allRootIds(order, perPage, viewerOf());
        expect(found).toEqual(mine);
        expect(pageCount).toBe(Math.ceil(mine.length / perPage));
      });

      it.each([1, 3, 7, 50])("a permalink (pages of %i) counts theirs", async (perPage) => {
        for (const [index, id] of expectedFor().entries()) {
          const page = Math.floor(index / perPage) + 1;
          const path = page === 1 ? "/posts/ordered" : `/posts/ordered/comment-page/${page}`;
          expect(await queries.commentPermalink(id, viewerOf(), { commentOrder: order, commentsPerPage: perPage })).toBe(
            `${path}#comment-${id}`,
          );
        }
      });
    });
  });

  it("does not list held comments for other readers", async () => {
    const heldIds = held.map((h) => h.id);
    for (const viewer of [null, { userId: null, pendingIds: [] }, { userId: "someone-else", pendingIds: [listed[0]?.id ?? 0] }]) {
      const { found } = await allRootIds("oldest", 50, viewer);
      expect(
        found.filter((id) => heldIds.includes(id)),
        JSON.stringify(viewer),
      ).toEqual([]);
    }
    // Nor the guest's for the reader, or the reader's for the guest.
    const guest = await allRootIds("oldest", 50, {
      userId: null,
      pendingIds: held.filter((h) => h.writer === "guest").map((h) => h.id),
    });
    expect(guest.found.filter((id) => held.some((h) => h.id === id && h.writer === "reader"))).toEqual([]);
    const reader = await allRootIds("oldest", 50, { userId: readerId, pendingIds: [] });
    expect(reader.found.filter((id) => held.some((h) => h.id === id && h.writer === "guest"))).toEqual([]);
  });
}
