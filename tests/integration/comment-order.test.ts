import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "@/lib/db/client";
import { COMMENT_ORDERS, sortRoots, type CommentOrder } from "@/lib/comments/tree";
import { freshDatabase, type FreshDatabase } from "../support/test-db";

// Top-level comments are ordered and paged in SQL (readThreadPage's ORDER BY, commentPermalink's
// "how many come before" count) and in JavaScript (sortRoots, which orders each page's roots).
// Here the SQL is held to sortRoots for every order and several page sizes, on a thread with
// ties in time and in likes, tombstones that keep their place and held comments that don't.

type CommentQueries = typeof import("@/lib/comments/queries");
type CommentWrite = typeof import("@/lib/comments/write");

let fresh: FreshDatabase;
let db: Db;
let queries: CommentQueries;
let postId: string;
/** The top-level comments a reader sees listed, as sortRoots needs them. */
const listed: { id: number; createdAt: Date; likeCount: number }[] = [];
/** A reply under each listed root (its permalink must land on its root's page). */
const replyOf = new Map<number, number>();
const unlisted: number[] = [];

beforeAll(async () => {
  fresh = await freshDatabase();
  db = fresh.db;
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
  // Held top-level comments at the same instants are not listed for anyone else.
  for (let i = 0; i < 4; i++) {
    const held = await write.insertComment(db, {
      postId,
      parentId: null,
      guest: guest(),
      bodyMarkdown: `Held ${i}`,
      status: "PENDING",
      createdAt: new Date(base + i * 60_000),
    });
    unlisted.push(held.id);
  }
});

afterAll(async () => {
  await fresh.cleanup();
});

const allRootIds = async (order: CommentOrder, perPage: number) => {
  const found: number[] = [];
  for (let page = 1; ; page++) {
    const thread = await queries.readThreadPage(postId, "nobody", { page, perPage, order, maxDepth: 5 });
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
});

it("does not list held comments for other readers", async () => {
  const { found } = await allRootIds("oldest", 50);
  expect(found.filter((id) => unlisted.includes(id))).toEqual([]);
});
