import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "@/lib/db/client";
import type { CommentNodeView, ThreadPage } from "@/lib/comments/views";
import type { OpenDatabase } from "../../support/test-db";

type CommentQueries = typeof import("@/lib/comments/queries");
type CommentWrite = typeof import("@/lib/comments/write");
type ThreadViewer = import("@/lib/comments/queries").ThreadViewer;

/** Every node of a thread, depth first. */
function allNodes(nodes: readonly CommentNodeView[]): CommentNodeView[] {
  return nodes.flatMap((n) => [n, ...allNodes(n.children)]);
}
const shownIds = (page: ThreadPage) =>
  allNodes(page.nodes)
    .map((n) => n.comment.id)
    .sort((a, b) => a - b);
const nodeOf = (page: ThreadPage, id: number) => allNodes(page.nodes).find((n) => n.comment.id === id);

const T0 = Date.UTC(2024, 0, 1, 12, 0, 0);
const at = (minutes: number) => new Date(T0 + minutes * 60_000);

// What each viewer sees of a thread: the public thread, a signed-in writer's own pending comments
// (their id in "authorId"), a guest's held comments (ids from their cookie), likedByMe, and where
// a permalink lands. Run on each engine (thread-viewer.test.ts: SQLite,
// thread-viewer-postgres.test.ts: PostgreSQL), where the pending branches are the SQL's own.

/** The thread-viewer tests, on the database `open` gives (call inside a describe). */
export function threadViewerTests(open: OpenDatabase): void {
  let cleanup: (() => Promise<void>) | undefined;
  let db: Db;
  let queries: CommentQueries;
  let write: CommentWrite;

  const users = { alice: "", bob: "", carol: "", dave: "" };
  let postId = "";
  let otherPostId = "";
  let pagedPostId = "";
  /** Comment ids by label. */
  const c: Record<string, number> = {};
  const id = (label: string) => {
    const v = c[label];
    if (v === undefined) throw new Error(`no comment ${label}`);
    return v;
  };

  const OPTIONS = { page: 1, perPage: 50, order: "oldest" as const, maxDepth: 5 };
  const read = (viewer: ThreadViewer | null, post = postId) => queries.readThreadPage(post, users.alice, OPTIONS, viewer);

  beforeAll(async () => {
    ({ db, cleanup } = await open());
    queries = await import("@/lib/comments/queries");
    write = await import("@/lib/comments/write");

    for (const handle of Object.keys(users) as (keyof typeof users)[]) {
      const u = await db.user.create({
        data: {
          name: handle[0]?.toUpperCase() + handle.slice(1),
          handle,
          email: `${handle}@example.org`,
          role: handle === "alice" ? "AUTHOR" : "READER",
        },
      });
      users[handle] = u.id;
    }
    const mkPost = async (slug: string) =>
      (
        await db.post.create({
          data: {
            slug,
            title: slug,
            bodyMarkdown: "b",
            bodyHtml: "<p>b</p>",
            status: "PUBLISHED",
            publishedAt: at(-60),
            authorId: users.alice,
          },
        })
      ).id;
    postId = await mkPost("viewer-post");
    otherPostId = await mkPost("other-post");
    pagedPostId = await mkPost("paged-post");

    const add = async (
      label: string,
      opts: {
        post?: string;
        parent?: string;
        author?: keyof typeof users;
        guest?: { name: string; email: string };
        status: "APPROVED" | "PENDING" | "SPAM" | "TRASH" | "DELETED";
        minute: number;
      },
    ) => {
      const row = await write.insertComment(db, {
        postId: opts.post ?? postId,
        parentId: opts.parent ? id(opts.parent) : null,
        authorId: opts.author ? users[opts.author] : null,
        guest: opts.guest ?? null,
        bodyMarkdown: label,
        bodyHtml: `<p>${label}</p>`,
        status: opts.status,
        createdAt: at(opts.minute),
      });
      c[label] = row.id;
    };

    // The thread of "viewer-post".
    await add("bobRoot", { author: "bob", status: "APPROVED", minute: 1 });
    await add("carolPendingReply", { parent: "bobRoot", author: "carol", status: "PENDING", minute: 2 });
    await add("guestPendingRoot", { guest: { name: "Gus Guest", email: "gus@example.org" }, status: "PENDING", minute: 3 });
    await add("carolRoot", { author: "carol", status: "APPROVED", minute: 4 });
    await add("bobPendingRoot", { author: "bob", status: "PENDING", minute: 5 });
    await add("guestSpam", { guest: { name: "Spammer", email: "spam@example.org" }, status: "SPAM", minute: 6 });
    await add("bobTrashReply", { parent: "carolRoot", author: "bob", status: "TRASH", minute: 7 });
    await add("daveReply", { parent: "carolRoot", author: "dave", status: "APPROVED", minute: 8 });
    // Someone else's pending comment on another post.
    await add("elsewherePending", { post: otherPostId, author: "carol", status: "PENDING", minute: 9 });
    // A guest's pending reply under an approved comment, and a thread whose top-level comment was
    // deleted with nothing approved below it: only pending replies, one by the guest, one by bob.
    const gus = { name: "Gus Guest", email: "gus@example.org" };
    await add("guestPendingReply", { parent: "carolRoot", guest: gus, status: "PENDING", minute: 15 });
    await add("deletedRoot", { author: "dave", status: "APPROVED", minute: 16 });
    await add("guestPendingUnderDeleted", { parent: "deletedRoot", guest: gus, status: "PENDING", minute: 17 });
    await add("bobPendingUnderDeleted", { parent: "deletedRoot", author: "bob", status: "PENDING", minute: 18 });
    await db.comment.update({ where: { id: id("deletedRoot") }, data: { status: "DELETED" } });

    // Likes: carol and alice like bobRoot, bob likes carolRoot.
    await write.setLike(db, id("bobRoot"), users.carol, true);
    await write.setLike(db, id("bobRoot"), users.alice, true);
    await write.setLike(db, id("carolRoot"), users.bob, true);

    // "paged-post": three approved threads (oldest first), a reply in the third, and a guest's
    // pending thread that is older than all of them.
    await add("pGuestPending", {
      post: pagedPostId,
      guest: { name: "Gus Guest", email: "gus@example.org" },
      status: "PENDING",
      minute: 10,
    });
    await add("p1", { post: pagedPostId, author: "bob", status: "APPROVED", minute: 11 });
    await add("p2", { post: pagedPostId, author: "carol", status: "APPROVED", minute: 12 });
    await add("p3", { post: pagedPostId, author: "dave", status: "APPROVED", minute: 13 });
    await add("p3reply", { post: pagedPostId, parent: "p3", author: "bob", status: "APPROVED", minute: 14 });

    await db.settings.upsert({ where: { id: 1 }, create: { id: 1, commentsPerPage: 2 }, update: { commentsPerPage: 2 } });
  });

  afterAll(async () => {
    await cleanup?.();
  });

  describe("the public thread (no viewer)", () => {
    it("shows only approved comments", async () => {
      const page = await read(null);
      expect(shownIds(page)).toEqual([id("bobRoot"), id("carolRoot"), id("daveReply")].sort((a, b) => a - b));
    });

    it("marks nothing pending and nothing liked by me", async () => {
      const nodes = allNodes((await read(null)).nodes);
      expect(nodes.every((n) => !n.comment.pending && !n.comment.likedByMe)).toBe(true);
    });

    it("is the same for a viewer object with nobody in it", async () => {
      expect(await read({ userId: null, pendingIds: [] })).toEqual(await read(null));
    });

    it("counts only approved comments in total", async () => {
      const page = await read(null);
      expect(page.total).toBe(3);
      expect(page.total).toBe(await db.comment.count({ where: { postId, status: "APPROVED" } }));
    });

    it("shows like counts and likers", async () => {
      const page = await read(null);
      expect(nodeOf(page, id("bobRoot"))?.comment.likeCount).toBe(2);
      expect(nodeOf(page, id("bobRoot"))?.comment.likedBy.sort()).toEqual(["Alice", "Carol"]);
      expect(nodeOf(page, id("carolRoot"))?.comment.likedBy).toEqual(["Bob"]);
    });
  });

  describe("a signed-in writer of a pending comment", () => {
    it("sees their own pending reply, marked pending, under its parent", async () => {
      const page = await read({ userId: users.carol, pendingIds: [] });
      const node = nodeOf(page, id("carolPendingReply"));
      expect(node).toBeDefined();
      expect(node?.comment.pending).toBe(true);
      expect(node?.tombstone).toBe(false);
      expect(node?.comment.bodyHtml).toBe("<p>carolPendingReply</p>");
      const parent = nodeOf(page, id("bobRoot"));
      expect(parent?.children.map((n) => n.comment.id)).toContain(id("carolPendingReply"));
    });

    it("does not see other people's pending comments", async () => {
      const page = await read({ userId: users.carol, pendingIds: [] });
      expect(shownIds(page)).not.toContain(id("guestPendingRoot"));
      expect(shownIds(page)).not.toContain(id("bobPendingRoot"));
    });

    it("sees their own pending top-level comment as a thread", async () => {
      const page = await read({ userId: users.bob, pendingIds: [] });
      const node = page.nodes.find((n) => n.comment.id === id("bobPendingRoot"));
      expect(node?.comment.pending).toBe(true);
      expect(shownIds(page)).not.toContain(id("carolPendingReply"));
      expect(shownIds(page)).not.toContain(id("guestPendingRoot"));
    });

    it("marks only approved comments as not pending", async () => {
      const page = await read({ userId: users.carol, pendingIds: [] });
      for (const label of ["bobRoot", "carolRoot", "daveReply"])
        expect(nodeOf(page, id(label))?.comment.pending, label).toBe(false);
    });

    it("still gets total = approved comments only", async () => {
      expect((await read({ userId: users.carol, pendingIds: [] })).total).toBe(3);
      expect((await read({ userId: users.bob, pendingIds: [] })).total).toBe(3);
    });
  });

  describe("a guest with pending ids from their cookie", () => {
    it("sees the pending comment they wrote, marked pending", async () => {
      const page = await read({ userId: null, pendingIds: [id("guestPendingRoot")] });
      const node = nodeOf(page, id("guestPendingRoot"));
      expect(node?.comment.pending).toBe(true);
      expect(node?.comment.authorName).toBe("Gus Guest");
      expect(shownIds(page)).not.toContain(id("carolPendingReply"));
      expect(shownIds(page)).not.toContain(id("bobPendingRoot"));
      expect(page.total).toBe(3);
    });

    it("does not see a comment of theirs that moderators moved to spam or trash", async () => {
      const page = await read({ userId: null, pendingIds: [id("guestSpam"), id("bobTrashReply")] });
      expect(shownIds(page)).not.toContain(id("guestSpam"));
      expect(shownIds(page)).not.toContain(id("bobTrashReply"));
      expect(shownIds(page)).toEqual(shownIds(await read(null)));
    });

    it("does not get another post's pending comment into this thread", async () => {
      const page = await read({ userId: null, pendingIds: [id("elsewherePending"), id("guestPendingRoot")] });
      expect(shownIds(page)).not.toContain(id("elsewherePending"));
      expect(shownIds(page)).toContain(id("guestPendingRoot"));
    });

    it("has no likes of their own", async () => {
      const nodes = allNodes((await read({ userId: null, pendingIds: [id("guestPendingRoot")] })).nodes);
      expect(nodes.every((n) => !n.comment.likedByMe)).toBe(true);
    });
  });

  describe("pending replies (the writer's own, in someone else's thread)", () => {
    const guestViewer = () => ({ userId: null, pendingIds: [id("guestPendingReply"), id("guestPendingUnderDeleted")] });

    it("a guest sees their pending reply under the approved comment it answers; nobody else does", async () => {
      const page = await read(guestViewer());
      const node = nodeOf(page, id("guestPendingReply"));
      expect(node?.comment).toMatchObject({ pending: true, authorName: "Gus Guest", bodyHtml: "<p>guestPendingReply</p>" });
      expect(nodeOf(page, id("carolRoot"))?.children.map((n) => n.comment.id)).toContain(id("guestPendingReply"));
      for (const viewer of [null, { userId: users.carol, pendingIds: [] }, { userId: users.dave, pendingIds: [] }]) {
        expect(shownIds(await read(viewer)), JSON.stringify(viewer)).not.toContain(id("guestPendingReply"));
      }
    });

    it("a thread whose top-level comment was deleted is listed, as a tombstone, only for the writers of pending replies in it", async () => {
      expect(shownIds(await read(null))).not.toContain(id("deletedRoot"));
      expect(shownIds(await read({ userId: users.dave, pendingIds: [] }))).not.toContain(id("deletedRoot"));

      const guest = await read(guestViewer());
      const guestRoot = guest.nodes.find((n) => n.comment.id === id("deletedRoot"));
      expect(guestRoot?.tombstone).toBe(true);
      expect(guestRoot?.comment.bodyHtml).toBe("");
      expect(guestRoot?.children.map((n) => [n.comment.id, n.comment.pending])).toEqual([[id("guestPendingUnderDeleted"), true]]);

      const bob = await read({ userId: users.bob, pendingIds: [] });
      const bobRoot = bob.nodes.find((n) => n.comment.id === id("deletedRoot"));
      expect(bobRoot?.tombstone).toBe(true);
      expect(bobRoot?.children.map((n) => [n.comment.id, n.comment.pending])).toEqual([[id("bobPendingUnderDeleted"), true]]);
      expect(shownIds(bob)).not.toContain(id("guestPendingUnderDeleted"));
    });

    it("pages such a thread only for them (one top-level comment a page)", async () => {
      const roots = async (viewer: ThreadViewer | null) => {
        const found: number[] = [];
        for (let page = 1; ; page++) {
          const thread = await queries.readThreadPage(postId, users.alice, { ...OPTIONS, perPage: 1, page }, viewer);
          found.push(...thread.nodes.map((n) => n.comment.id));
          if (page >= thread.pageCount) return found;
        }
      };
      expect(await roots(null)).toEqual([id("bobRoot"), id("carolRoot")]);
      // The guest's ids name replies only: their thread is the tombstone's.
      expect(await roots(guestViewer())).toEqual([id("bobRoot"), id("carolRoot"), id("deletedRoot")]);
      expect(await roots({ userId: users.bob, pendingIds: [] })).toEqual([
        id("bobRoot"),
        id("carolRoot"),
        id("bobPendingRoot"),
        id("deletedRoot"),
      ]);
    });

    it("never counts them in the total of approved comments", async () => {
      expect((await read(guestViewer())).total).toBe(3);
      expect((await read({ userId: users.bob, pendingIds: [] })).total).toBe(3);
    });
  });

  describe("another viewer", () => {
    it("never sees someone else's pending comments", async () => {
      const publicIds = shownIds(await read(null));
      for (const viewer of [
        { userId: users.dave, pendingIds: [] },
        { userId: users.alice, pendingIds: [] }, // even the post author: moderation is elsewhere
        { userId: null, pendingIds: [id("bobRoot"), 9_999_999] },
      ]) {
        const page = await read(viewer);
        expect(shownIds(page), JSON.stringify(viewer)).toEqual(publicIds);
        expect(allNodes(page.nodes).some((n) => n.comment.pending)).toBe(false);
      }
    });
  });

  describe("likedByMe", () => {
    it("is true only on the comments the viewer likes", async () => {
      const carol = await read({ userId: users.carol, pendingIds: [] });
      expect(nodeOf(carol, id("bobRoot"))?.comment.likedByMe).toBe(true);
      expect(nodeOf(carol, id("carolRoot"))?.comment.likedByMe).toBe(false);
      expect(nodeOf(carol, id("daveReply"))?.comment.likedByMe).toBe(false);
      expect(nodeOf(carol, id("carolPendingReply"))?.comment.likedByMe).toBe(false);

      const bob = await read({ userId: users.bob, pendingIds: [] });
      expect(nodeOf(bob, id("bobRoot"))?.comment.likedByMe).toBe(false);
      expect(nodeOf(bob, id("carolRoot"))?.comment.likedByMe).toBe(true);

      const dave = await read({ userId: users.dave, pendingIds: [] });
      expect(allNodes(dave.nodes).some((n) => n.comment.likedByMe)).toBe(false);
    });

    it("follows a like and an unlike", async () => {
      await write.setLike(db, id("daveReply"), users.dave, true);
      expect(nodeOf(await read({ userId: users.dave, pendingIds: [] }), id("daveReply"))?.comment.likedByMe).toBe(true);
      expect(nodeOf(await read(null), id("daveReply"))?.comment.likedByMe).toBe(false);
      await write.setLike(db, id("daveReply"), users.dave, false);
      expect(nodeOf(await read({ userId: users.dave, pendingIds: [] }), id("daveReply"))?.comment.likedByMe).toBe(false);
    });
  });

  describe("commentPermalink (settings.commentsPerPage = 2, oldest first)", () => {
    it("uses the settings row", async () => {
      const { readSettings } = await import("@/lib/settings/queries");
      expect((await readSettings()).commentsPerPage).toBe(2);
    });

    it("links a comment on page 1 to the essay itself", async () => {
      expect(await queries.commentPermalink(id("p1"))).toBe(`/posts/paged-post#comment-${id("p1")}`);
      expect(await queries.commentPermalink(id("p2"))).toBe(`/posts/paged-post#comment-${id("p2")}`);
    });

    it("links a thread on page 2 to /comment-page/2", async () => {
      expect(await queries.commentPermalink(id("p3"))).toBe(`/posts/paged-post/comment-page/2#comment-${id("p3")}`);
    });

    it("links a reply to the page of its top-level comment", async () => {
      expect(await queries.commentPermalink(id("p3reply"))).toBe(`/posts/paged-post/comment-page/2#comment-${id("p3reply")}`);
    });

    it("counts the viewer's own pending thread when placing comments", async () => {
      const guest = { userId: null, pendingIds: [id("pGuestPending")] };
      expect(await queries.commentPermalink(id("pGuestPending"), guest)).toBe(`/posts/paged-post#comment-${id("pGuestPending")}`);
      expect(await queries.commentPermalink(id("p2"), guest)).toBe(`/posts/paged-post/comment-page/2#comment-${id("p2")}`);
    });

    it("agrees with readThreadPage's paging", async () => {
      const page2 = await queries.readThreadPage(pagedPostId, users.alice, { ...OPTIONS, perPage: 2, page: 2 });
      expect(page2.pageCount).toBe(2);
      expect(page2.nodes.map((n) => n.comment.id)).toEqual([id("p3")]);
      expect(page2.total).toBe(4);
    });

    it("is null for a comment that does not exist", async () => {
      expect(await queries.commentPermalink(9_999_999)).toBeNull();
    });

    it("is what likeTarget answers with when asked where the comment is", async () => {
      const guest = { userId: null, pendingIds: [id("pGuestPending")] };
      for (const order of ["oldest", "newest", "likes"] as const) {
        const settings = { commentOrder: order, commentsPerPage: 2 };
        for (const [name, viewer] of [["p2", null], ["p3reply", null], ["p2", guest]] as const) {
          const target = await queries.likeTarget(id(name), { viewer, settings });
          expect(target?.permalink, `${name} ${order}`).toBe(await queries.commentPermalink(id(name), viewer, settings));
        }
      }
      expect((await queries.likeTarget(id("p3")))?.permalink).toBeNull();
    });
  });
}
