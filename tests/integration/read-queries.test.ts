import { createHash } from "node:crypto";
import { readdirSync, readFileSync, existsSync } from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "@/lib/db/client";
import type { CommentNodeView, ThreadPage } from "@/lib/comments/views";
import { DEFAULT_SETTINGS } from "@/lib/settings/defaults";
import { freshDatabase, repoRoot, type FreshDatabase } from "../support/test-db";

type PostQueries = typeof import("@/lib/posts/queries");
type CommentQueries = typeof import("@/lib/comments/queries");
type SettingsQueries = typeof import("@/lib/settings/queries");
type PostWrite = typeof import("@/lib/posts/write");
type CommentWrite = typeof import("@/lib/comments/write");

const DAY = 24 * 60 * 60 * 1000;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

const TOC_BODY = `An opening paragraph with **bold** words.

## First section

Some text.

### A sub point

More text.

## Second section

The end.
`;

/** Every comment node of a thread, depth first. */
function allNodes(nodes: readonly CommentNodeView[]): CommentNodeView[] {
  return nodes.flatMap((n) => [n, ...allNodes(n.children)]);
}
const ids = (nodes: readonly CommentNodeView[]) => nodes.map((n) => n.comment.id);

describe("the read queries against a freshly migrated SQLite database", () => {
  let fresh: FreshDatabase;
  let db: Db;
  let posts: PostQueries;
  let comments: CommentQueries;
  let settings: SettingsQueries;
  let postWrite: PostWrite;
  let commentWrite: CommentWrite;

  const now = Date.now();
  const users: Record<"alice" | "bob" | "carol" | "dave" | "erin" | "zed", { id: string; name: string }> = {} as never;
  const postIds: Record<string, string> = {};
  /** Comment ids by label (c1…c12). */
  const c: Record<string, number> = {};

  beforeAll(async () => {
    fresh = await freshDatabase();
    db = fresh.db;
    // Modules that use the `db` singleton are imported only once DATABASE_URL points at the test file.
    posts = await import("@/lib/posts/queries");
    comments = await import("@/lib/comments/queries");
    settings = await import("@/lib/settings/queries");
    postWrite = await import("@/lib/posts/write");
    commentWrite = await import("@/lib/comments/write");

    const mkUser = async (handle: keyof typeof users, name: string, role: "READER" | "AUTHOR" | "ADMIN") => {
      const u = await db.user.create({ data: { name, handle, email: `${handle}@users.example`, role } });
      users[handle] = { id: u.id, name: u.name };
    };
    await mkUser("alice", "Alice Author", "AUTHOR");
    await mkUser("bob", "Bob Writer", "AUTHOR");
    await mkUser("carol", "Carol Reader", "READER");
    await mkUser("dave", "Dave Reader", "READER");
    await mkUser("erin", "Erin Reader", "READER");
    await mkUser("zed", "Zed Nobody", "AUTHOR");

    const mkPost = async (
      slug: string,
      author: keyof typeof users,
      status: "DRAFT" | "SCHEDULED" | "PUBLISHED",
      publishedAt: Date | null,
      tags: string[] = [],
      body = `The body of ${slug}.`,
    ) => {
      const p = await postWrite.createPost(db, {
        slug,
        title: `Title of ${slug}`,
        bodyMarkdown: body,
        authorId: users[author].id,
        status,
        publishedAt,
        tags,
      });
      postIds[slug] = p.id;
    };
    // Public, oldest to newest: first, second, scheduled-past, third, newest.
    await mkPost("first", "alice", "PUBLISHED", new Date(now - 5 * DAY), ["Essays", "Craft"]);
    await mkPost("second", "bob", "PUBLISHED", new Date(now - 4 * DAY), ["Essays"]);
    await mkPost("scheduled-past", "alice", "SCHEDULED", new Date(now - 3 * DAY), ["Craft"]);
    await mkPost("third", "alice", "PUBLISHED", new Date(now - 2 * DAY), [], TOC_BODY);
    await mkPost("newest", "bob", "PUBLISHED", new Date(now - 1 * DAY));
    // Not public.
    await mkPost("draft", "alice", "DRAFT", null, ["Secret"]);
    await mkPost("old-draft", "alice", "DRAFT", new Date(now - 10 * DAY), ["Secret"]);
    await mkPost("future-scheduled", "bob", "SCHEDULED", new Date(now + 2 * DAY), ["Future"]);
    await mkPost("future-published", "alice", "PUBLISHED", new Date(now + 3 * DAY), ["Future"]);
  });

  afterAll(async () => {
    await fresh?.cleanup();
  });

  describe("migrations", () => {
    const folders = () =>
      readdirSync(path.join(repoRoot, "prisma/migrations/sqlite"), { withFileTypes: true })
        .filter((d) => d.isDirectory() && existsSync(path.join(repoRoot, "prisma/migrations/sqlite", d.name, "migration.sql")))
        .map((d) => d.name)
        .sort();

    it("applied every migration folder on the first run", () => {
      expect(fresh.migrated.engine).toBe("sqlite");
      expect(fresh.migrated.applied).toEqual(folders());
      expect(fresh.migrated.applied.length).toBeGreaterThan(0);
    });

    it("is idempotent: a second run applies nothing", async () => {
      const { migrate } = await import("@/lib/db/migrate");
      const again = await migrate(fresh.url, repoRoot);
      expect(again).toEqual({ engine: "sqlite", applied: [] });
    });

    it("records one _prisma_migrations row per folder with the sha256 of migration.sql, and uses WAL", () => {
      const raw = new Database(fresh.file, { readonly: true });
      try {
        const rows = raw
          .prepare(
            `SELECT migration_name, checksum, finished_at, rolled_back_at, applied_steps_count FROM "_prisma_migrations" ORDER BY migration_name`,
          )
          .all() as {
          migration_name: string;
          checksum: string;
          finished_at: unknown;
          rolled_back_at: unknown;
          applied_steps_count: number;
        }[];
        expect(rows.map((r) => r.migration_name)).toEqual(folders());
        for (const row of rows) {
          const sql = readFileSync(path.join(repoRoot, "prisma/migrations/sqlite", row.migration_name, "migration.sql"));
          expect(row.checksum).toBe(createHash("sha256").update(sql).digest("hex"));
          expect(row.checksum).toMatch(/^[0-9a-f]{64}$/);
          expect(row.finished_at).not.toBeNull();
          expect(row.rolled_back_at).toBeNull();
          expect(row.applied_steps_count).toBe(1);
        }
        expect(raw.pragma("journal_mode", { simple: true })).toBe("wal");
      } finally {
        raw.close();
      }
    });
  });

  describe("settings", () => {
    it("readSettings returns the defaults when there is no row", async () => {
      expect(await db.settings.count()).toBe(0);
      expect(await settings.readSettings()).toEqual(DEFAULT_SETTINGS);
    });

    it("readSettings returns the row's values when there is one", async () => {
      await db.settings.create({
        data: {
          id: 1,
          siteTitle: "My Hearth",
          commentsPerPage: 20,
          threadDepth: 3,
          commentOrder: "likes",
          trustProxy: true,
          holdWords: "casino",
        },
      });
      expect(await settings.readSettings()).toEqual({
        ...DEFAULT_SETTINGS,
        siteTitle: "My Hearth",
        commentsPerPage: 20,
        threadDepth: 3,
        commentOrder: "likes",
        trustProxy: true,
        holdWords: "casino",
      });
    });

    it("readSettings falls back to oldest for an unknown comment order", async () => {
      await db.settings.update({ where: { id: 1 }, data: { commentOrder: "sideways" } });
      const s = await settings.readSettings();
      expect(s.commentOrder).toBe("oldest");
      expect(s.siteTitle).toBe("My Hearth");
      expect(Object.keys(s).sort()).toEqual(Object.keys(DEFAULT_SETTINGS).sort());
    });
  });

  describe("published posts", () => {
    const PUBLIC_NEWEST_FIRST = ["newest", "third", "scheduled-past", "second", "first"];

    it("lists only public posts (published or past-scheduled, publishedAt <= now), newest first", async () => {
      const page = await posts.readPublishedPosts(1, 50);
      expect(page.items.map((p) => p.slug)).toEqual(PUBLIC_NEWEST_FIRST);
      expect(page.total).toBe(5);
      expect(page.page).toBe(1);
      expect(page.pageCount).toBe(1);
      const first = page.items.find((p) => p.slug === "first");
      expect(first).toMatchObject({
        id: postIds.first,
        title: "Title of first",
        publishedAt: new Date(now - 5 * DAY).toISOString(),
        author: { name: "Alice Author", handle: "alice", image: null },
        // Tags sorted by name.
        tags: [
          { slug: "craft", name: "Craft" },
          { slug: "essays", name: "Essays" },
        ],
      });
      expect(first?.excerpt).toContain("The body of first");
    });

    it("defaults to ten per page", async () => {
      const page = await posts.readPublishedPosts(1);
      expect(page.items).toHaveLength(5);
      expect(page.pageCount).toBe(1);
    });

    it("paginates with page counts and totals", async () => {
      const p1 = await posts.readPublishedPosts(1, 2);
      const p2 = await posts.readPublishedPosts(2, 2);
      const p3 = await posts.readPublishedPosts(3, 2);
      expect(p1.items.map((p) => p.slug)).toEqual(["newest", "third"]);
      expect(p2.items.map((p) => p.slug)).toEqual(["scheduled-past", "second"]);
      expect(p3.items.map((p) => p.slug)).toEqual(["first"]);
      for (const [i, p] of [p1, p2, p3].entries()) {
        expect(p.page).toBe(i + 1);
        expect(p.pageCount).toBe(3);
        expect(p.total).toBe(5);
      }
      const beyond = await posts.readPublishedPosts(4, 2);
      expect(beyond.items).toEqual([]);
      expect(beyond.total).toBe(5);
    });

    it("tag pages list the tag's public posts; null for an unknown tag", async () => {
      const essays = await posts.readTagPage("essays", 1);
      expect(essays?.tag).toEqual({ slug: "essays", name: "Essays" });
      expect(essays?.posts.items.map((p) => p.slug)).toEqual(["second", "first"]);
      expect(essays?.posts.total).toBe(2);

      const craft = await posts.readTagPage("craft", 1);
      expect(craft?.posts.items.map((p) => p.slug)).toEqual(["scheduled-past", "first"]);

      // Tags whose posts are all drafts or in the future exist but list nothing.
      const secret = await posts.readTagPage("secret", 1);
      expect(secret?.tag).toEqual({ slug: "secret", name: "Secret" });
      expect(secret?.posts.items).toEqual([]);
      expect(secret?.posts.total).toBe(0);
      expect(secret?.posts.pageCount).toBe(1);
      expect((await posts.readTagPage("future", 1))?.posts.total).toBe(0);

      expect(await posts.readTagPage("no-such-tag", 1)).toBeNull();
    });

    it("author pages list the author's public posts; null for an unknown handle", async () => {
      const alice = await posts.readAuthorPage("alice", 1);
      expect(alice?.author).toMatchObject({ name: "Alice Author", handle: "alice", image: null, bio: "", role: "AUTHOR" });
      expect(typeof alice?.author.joinedAt).toBe("string");
      expect(alice?.posts.items.map((p) => p.slug)).toEqual(["third", "scheduled-past", "first"]);
      expect(alice?.posts.total).toBe(3);

      const bob = await posts.readAuthorPage("bob", 1);
      expect(bob?.posts.items.map((p) => p.slug)).toEqual(["newest", "second"]);

      const zed = await posts.readAuthorPage("zed", 1);
      expect(zed?.author.name).toBe("Zed Nobody");
      expect(zed?.posts.items).toEqual([]);

      expect(await posts.readAuthorPage("nobody-here", 1)).toBeNull();
      // Author pages never expose the e-mail address.
      expect(JSON.stringify(alice)).not.toContain("@users.example");
    });

    it("readPublishedPost returns the stored HTML, the table of contents and both neighbours", async () => {
      const post = await posts.readPublishedPost("third");
      expect(post).not.toBeNull();
      expect(post?.title).toBe("Title of third");
      expect(post?.bodyHtml).toContain("<strong>bold</strong>");
      expect(post?.bodyHtml).toMatch(/<h2 id="first-section">/);
      expect(post?.toc).toEqual([
        { id: "first-section", text: "First section", depth: 2 },
        { id: "a-sub-point", text: "A sub point", depth: 3 },
        { id: "second-section", text: "Second section", depth: 2 },
      ]);
      expect(post?.wordCount).toBeGreaterThan(0);
      expect(post?.authorId).toBe(users.alice.id);
      expect(post?.commentsOpen).toBe(true);
      expect(post?.showLikes).toBe(true);
      expect(post?.previous).toEqual({ slug: "scheduled-past", title: "Title of scheduled-past" });
      expect(post?.next).toEqual({ slug: "newest", title: "Title of newest" });
    });

    it("neighbours skip drafts and future posts at both ends", async () => {
      const newest = await posts.readPublishedPost("newest");
      expect(newest?.previous?.slug).toBe("third");
      // future-scheduled and future-published are later but not public.
      expect(newest?.next).toBeNull();

      const first = await posts.readPublishedPost("first");
      // old-draft is older but a draft.
      expect(first?.previous).toBeNull();
      expect(first?.next?.slug).toBe("second");

      const past = await posts.readPublishedPost("scheduled-past");
      expect(past?.previous?.slug).toBe("second");
      expect(past?.next?.slug).toBe("third");
      expect(past?.toc).toEqual([]);
    });

    it("readPublishedPost is null for drafts, future posts and unknown slugs", async () => {
      for (const slug of ["draft", "old-draft", "future-scheduled", "future-published", "missing"]) {
        expect(await posts.readPublishedPost(slug), slug).toBeNull();
      }
    });

    it("feed items are the newest public posts with their full HTML", async () => {
      const three = await posts.readFeedItems(3);
      expect(three.map((i) => i.slug)).toEqual(["newest", "third", "scheduled-past"]);
      const third = three[1];
      expect(third?.bodyHtml).toContain("<h2");
      expect(third?.bodyHtml).toContain("<strong>bold</strong>");
      for (const item of three) {
        expect(item.bodyHtml.length).toBeGreaterThan(0);
        expect(new Date(item.updatedAt).toISOString()).toBe(item.updatedAt);
      }
      const all = await posts.readFeedItems();
      expect(all.map((i) => i.slug)).toEqual(PUBLIC_NEWEST_FIRST);
    });

    it("the sitemap has the home page, public essays, tags and authors with public essays", async () => {
      const entries = await posts.readSitemapEntries();
      const paths = entries.map((e) => e.path);
      expect(paths[0]).toBe("/");
      expect(paths.filter((p) => p.startsWith("/posts/"))).toEqual(PUBLIC_NEWEST_FIRST.map((s) => `/posts/${s}`));
      expect(paths.filter((p) => p.startsWith("/tags/")).sort()).toEqual(["/tags/craft", "/tags/essays"]);
      expect(paths.filter((p) => p.startsWith("/authors/")).sort()).toEqual(["/authors/alice", "/authors/bob"]);
      expect(entries).toHaveLength(1 + 5 + 2 + 2);
      for (const e of entries) expect(new Date(e.lastModified).toISOString()).toBe(e.lastModified);
    });
  });

  describe("comment threads", () => {
    const T0 = Date.UTC(2026, 0, 1, 12, 0, 0);
    const at = (minutes: number) => new Date(T0 + minutes * 60_000);
    const GUS_EMAIL = "gus@secret-guest.example";
    const GINA_EMAIL = "gina@private-guest.example";
    const PATTY_EMAIL = "patty@pending-guest.example";

    const thread = (
      opts: Partial<{ page: number; perPage: number; order: "oldest" | "newest" | "likes"; maxDepth: number }> = {},
    ) =>
      comments.readThreadPage(postIds.first as string, users.alice.id, {
        page: 1,
        perPage: 50,
        order: "oldest",
        maxDepth: 3,
        ...opts,
      });

    beforeAll(async () => {
      const postId = postIds.first as string;
      const add = async (
        label: string,
        parent: string | null,
        minutes: number,
        who: { user?: keyof typeof users; guest?: { name: string; email: string; url?: string } },
        body?: string,
      ) => {
        const comment = await commentWrite.insertApprovedComment(db, {
          postId,
          parentId: parent ? (c[parent] as number) : null,
          authorId: who.user ? users[who.user].id : null,
          guest: who.guest ?? null,
          bodyMarkdown: body ?? `Comment ${label} says *hello*.`,
          createdAt: at(minutes),
        });
        c[label] = comment.id;
      };
      // Thread 1: a five-deep chain.
      await add("c1", null, 1, { user: "carol" });
      await add("c2", "c1", 2, { user: "alice" });
      await add("c3", "c2", 3, { guest: { name: "Gus", email: GUS_EMAIL } });
      await add("c4", "c3", 4, { user: "dave" });
      await add("c5", "c4", 5, { user: "erin" });
      // Thread 2: a guest with a website, and a pending reply.
      await add("c6", null, 6, { guest: { name: "Gina", email: GINA_EMAIL, url: "https://gina.example/" } });
      await add("c11", "c6", 11, { guest: { name: "Patty", email: PATTY_EMAIL } }, "pending words that must stay hidden");
      // Thread 3: deleted top-level comment with an approved reply.
      await add("c7", null, 7, { user: "dave" }, "deleted words that must stay hidden");
      await add("c8", "c7", 8, { user: "erin" });
      // Hidden top-level comments.
      await add("c9", null, 9, { user: "erin" }, "pending top-level words");
      await add("c10", null, 10, { user: "carol" }, "spam top-level words");
      // Another post's comment must never show up here.
      const other = await commentWrite.insertApprovedComment(db, {
        postId: postIds.second as string,
        parentId: null,
        authorId: users.carol.id,
        bodyMarkdown: "On another post",
        createdAt: at(1),
      });
      c.other = other.id;

      // Likes on c1: dave, then erin, then carol (whose like is then back-dated to be the oldest).
      expect(await commentWrite.addLike(db, c.c1 as number, users.dave.id)).toBe(true);
      await sleep(15);
      expect(await commentWrite.addLike(db, c.c1 as number, users.erin.id)).toBe(true);
      await sleep(15);
      expect(await commentWrite.addLike(db, c.c1 as number, users.carol.id)).toBe(true);
      await db.commentLike.update({
        where: { commentId_userId: { commentId: c.c1 as number, userId: users.carol.id } },
        data: { createdAt: new Date(now - DAY) },
      });
      await commentWrite.addLike(db, c.c6 as number, users.alice.id);
      // A like on a comment that is then deleted.
      await commentWrite.addLike(db, c.c7 as number, users.carol.id);

      await db.comment.update({ where: { id: c.c7 as number }, data: { status: "DELETED" } });
      await db.comment.update({ where: { id: c.c9 as number }, data: { status: "PENDING" } });
      await db.comment.update({ where: { id: c.c10 as number }, data: { status: "SPAM" } });
      await db.comment.update({ where: { id: c.c11 as number }, data: { status: "PENDING" } });
    });

    it("counts approved comments only and lists the threads that have one", async () => {
      const page = await thread();
      // c1–c6 and c8; not the deleted c7, pending c9/c11, spam c10 or the other post's comment.
      expect(page.total).toBe(7);
      expect(page.page).toBe(1);
      expect(page.pageCount).toBe(1);
      expect(ids(page.nodes)).toEqual([c.c1, c.c6, c.c7]);
    });

    it("gives the short permalink only of comments the reader may see, on published essays", async () => {
      const anyone = { userId: null, pendingIds: [] };
      expect(await comments.visibleCommentPermalink(c.c1 as number, anyone)).toBe(`/posts/first#comment-${c.c1}`);
      // Held, spam and deleted comments are not there for anyone else.
      for (const label of ["c9", "c10", "c11", "c7"]) {
        expect(await comments.visibleCommentPermalink(c[label] as number, anyone), label).toBeNull();
      }
      // A held comment is there for the reader who wrote it (signed in, or this browser's guest).
      expect(await comments.visibleCommentPermalink(c.c9 as number, { userId: users.erin.id, pendingIds: [] })).toBe(
        `/posts/first#comment-${c.c9}`,
      );
      expect(await comments.visibleCommentPermalink(c.c11 as number, { userId: null, pendingIds: [c.c11 as number] })).toBe(
        `/posts/first#comment-${c.c11}`,
      );
      expect(await comments.visibleCommentPermalink(c.c9 as number, { userId: users.carol.id, pendingIds: [] })).toBeNull();
      // An approved comment on a draft or a post scheduled for later reveals nothing of it.
      for (const slug of ["draft", "future-scheduled"]) {
        const hidden = await db.comment.create({
          data: { postId: postIds[slug] as string, bodyMarkdown: "x", bodyHtml: "<p>x</p>", status: "APPROVED" },
        });
        expect(await comments.visibleCommentPermalink(hidden.id, anyone), slug).toBeNull();
        expect(await comments.likeTarget(hidden.id), slug).toBeNull();
        await db.comment.delete({ where: { id: hidden.id } });
      }
      expect(await comments.visibleCommentPermalink(999_999_999, anyone)).toBeNull();
    });

    it("builds the nested tree and caps its depth, naming whom deeper replies answer", async () => {
      const page = await thread({ maxDepth: 3 });
      const [t1] = page.nodes;
      expect(t1?.displayDepth).toBe(0);
      expect(t1?.replyingTo).toBeNull();
      expect(ids(t1?.children ?? [])).toEqual([c.c2]);
      const c2 = t1?.children[0];
      expect(c2?.displayDepth).toBe(1);
      // Everything deeper than the cap is listed flat under c2, oldest first.
      expect(ids(c2?.children ?? [])).toEqual([c.c3, c.c4, c.c5]);
      expect(c2?.children.map((n) => n.displayDepth)).toEqual([2, 2, 2]);
      expect(c2?.children.map((n) => n.replyingTo)).toEqual([null, { id: c.c3, name: "Gus" }, { id: c.c4, name: "Dave Reader" }]);
      expect(c2?.children.every((n) => n.children.length === 0)).toBe(true);
      // Stored depth is kept as is.
      expect(c2?.children.map((n) => n.comment.depth)).toEqual([2, 3, 4]);
      expect(c2?.children.map((n) => n.comment.parentId)).toEqual([c.c2, c.c3, c.c4]);
    });

    it("nests fully when the cap is deep enough", async () => {
      const page = await thread({ maxDepth: 10 });
      let node = page.nodes[0];
      const chain: number[] = [];
      while (node) {
        chain.push(node.comment.id);
        expect(node.replyingTo).toBeNull();
        expect(node.displayDepth).toBe(chain.length - 1);
        node = node.children[0];
      }
      expect(chain).toEqual([c.c1, c.c2, c.c3, c.c4, c.c5]);
    });

    it("keeps a deleted comment with approved replies as a tombstone without its content", async () => {
      const page = await thread();
      const t3 = page.nodes[2];
      expect(t3?.tombstone).toBe(true);
      expect(t3?.comment).toMatchObject({
        id: c.c7,
        authorName: "a deleted comment",
        authorHandle: null,
        authorImage: null,
        guestUrl: null,
        isPostAuthor: false,
        bodyHtml: "",
        likeCount: 0,
        likedBy: [],
      });
      expect(ids(t3?.children ?? [])).toEqual([c.c8]);
      expect(t3?.children[0]?.tombstone).toBe(false);
      expect(t3?.children[0]?.comment.authorName).toBe("Erin Reader");
      expect(JSON.stringify(page)).not.toContain("deleted words");
    });

    it("hides pending and spam comments entirely", async () => {
      const page = await thread();
      const shown = allNodes(page.nodes).map((n) => n.comment.id);
      expect(shown).not.toContain(c.c9);
      expect(shown).not.toContain(c.c10);
      expect(shown).not.toContain(c.c11);
      expect(shown).not.toContain(c.other);
      expect(page.nodes[1]?.children).toEqual([]);
      const json = JSON.stringify(page);
      expect(json).not.toContain("pending words");
      expect(json).not.toContain("pending top-level words");
      expect(json).not.toContain("spam top-level words");
      expect(json).not.toContain("Patty");
    });

    it("shows like counts and likers' names, oldest like first", async () => {
      const page = await thread();
      const c1 = page.nodes[0]?.comment;
      expect(c1?.likeCount).toBe(3);
      expect(c1?.likedBy).toEqual(["Carol Reader", "Dave Reader", "Erin Reader"]);
      const c6 = page.nodes[1]?.comment;
      expect(c6?.likeCount).toBe(1);
      expect(c6?.likedBy).toEqual(["Alice Author"]);
      const c2 = page.nodes[0]?.children[0]?.comment;
      expect(c2?.likeCount).toBe(0);
      expect(c2?.likedBy).toEqual([]);
    });

    it("renders authors: users with handle, guests with their website, the post author flagged", async () => {
      const page = await thread();
      const byId = new Map(allNodes(page.nodes).map((n) => [n.comment.id, n.comment]));
      expect(byId.get(c.c1 as number)).toMatchObject({
        authorName: "Carol Reader",
        authorHandle: "carol",
        guestUrl: null,
        isPostAuthor: false,
      });
      expect(byId.get(c.c2 as number)).toMatchObject({ authorName: "Alice Author", authorHandle: "alice", isPostAuthor: true });
      expect(byId.get(c.c3 as number)).toMatchObject({
        authorName: "Gus",
        authorHandle: null,
        guestUrl: null,
        isPostAuthor: false,
      });
      expect(byId.get(c.c6 as number)).toMatchObject({
        authorName: "Gina",
        authorHandle: null,
        guestUrl: "https://gina.example/",
        isPostAuthor: false,
      });
      expect(byId.get(c.c1 as number)?.bodyHtml).toContain("<em>hello</em>");
      expect(byId.get(c.c1 as number)?.createdAt).toBe(at(1).toISOString());
      expect(byId.get(c.c1 as number)?.editedAt).toBeNull();
      // Only the post's author is flagged.
      expect([...byId.values()].filter((x) => x.isPostAuthor).map((x) => x.id)).toEqual([c.c2]);
    });

    it("never returns a guest's e-mail address", async () => {
      for (const opts of [{}, { perPage: 1 }, { perPage: 1, page: 2 }, { order: "newest" as const }, { maxDepth: 2 }]) {
        const page: ThreadPage = await thread(opts);
        const json = JSON.stringify(page);
        expect(json).not.toContain(GUS_EMAIL);
        expect(json).not.toContain(GINA_EMAIL);
        expect(json).not.toContain(PATTY_EMAIL);
        expect(json).not.toContain("guest.example");
        expect(json).not.toMatch(/"(guestEmail|email)"/);
      }
      // …although the database does hold them.
      expect((await db.comment.findUnique({ where: { id: c.c3 as number } }))?.guestEmail).toBe(GUS_EMAIL);
    });

    it("pages top-level comments, each with all its replies", async () => {
      const p1 = await thread({ perPage: 2, page: 1 });
      const p2 = await thread({ perPage: 2, page: 2 });
      expect(p1.pageCount).toBe(2);
      expect(p2.pageCount).toBe(2);
      expect(p1.total).toBe(7);
      expect(p2.total).toBe(7);
      expect(p1.page).toBe(1);
      expect(p2.page).toBe(2);
      expect(ids(p1.nodes)).toEqual([c.c1, c.c6]);
      expect(allNodes(p1.nodes).map((n) => n.comment.id)).toEqual([c.c1, c.c2, c.c3, c.c4, c.c5, c.c6]);
      expect(ids(p2.nodes)).toEqual([c.c7]);
      expect(allNodes(p2.nodes).map((n) => n.comment.id)).toEqual([c.c7, c.c8]);
      // Out-of-range pages are clamped.
      expect((await thread({ perPage: 2, page: 9 })).page).toBe(2);
      expect((await thread({ perPage: 2, page: 0 })).page).toBe(1);
    });

    it("orders top-level comments newest first or by likes on request", async () => {
      expect(ids((await thread({ order: "newest" })).nodes)).toEqual([c.c7, c.c6, c.c1]);
      expect(ids((await thread({ order: "newest", perPage: 2 })).nodes)).toEqual([c.c7, c.c6]);
      const byLikes = await thread({ order: "likes" });
      expect(byLikes.nodes[0]?.comment.id).toBe(c.c1);
      // Replies stay oldest first whatever the order.
      const newest = await thread({ order: "newest", maxDepth: 3 });
      const c1 = newest.nodes.find((n) => n.comment.id === c.c1);
      expect(ids(c1?.children[0]?.children ?? [])).toEqual([c.c3, c.c4, c.c5]);
    });

    it("is empty for a post without comments", async () => {
      const page = await comments.readThreadPage(postIds.third as string, users.alice.id, {
        page: 1,
        perPage: 50,
        order: "oldest",
        maxDepth: 5,
      });
      expect(page).toEqual({ total: 0, page: 1, pageCount: 1, nodes: [] });
    });
  });

  describe("neighbours of posts published at the same instant", () => {
    // Listings order posts by (publishedAt desc, id desc); previous/next should walk that same order,
    // so two posts sharing a publication time are each other's neighbours instead of being skipped.
    it("follows the listing order, ties broken by id", async () => {
      const when = new Date(now - 6 * DAY);
      const a = await postWrite.createPost(db, {
        slug: "twin-a",
        title: "Twin A",
        bodyMarkdown: "a",
        authorId: users.bob.id,
        status: "PUBLISHED",
        publishedAt: when,
      });
      const b = await postWrite.createPost(db, {
        slug: "twin-b",
        title: "Twin B",
        bodyMarkdown: "b",
        authorId: users.bob.id,
        status: "PUBLISHED",
        publishedAt: when,
      });
      const [hi, lo] = a.id > b.id ? [a, b] : [b, a];
      const listing = (await posts.readPublishedPosts(1, 50)).items.map((p) => p.slug);
      expect(listing.slice(-3)).toEqual(["first", hi.slug, lo.slug]);

      const first = await posts.readPublishedPost("first");
      const hiPost = await posts.readPublishedPost(hi.slug);
      const loPost = await posts.readPublishedPost(lo.slug);
      expect.soft(first?.previous?.slug).toBe(hi.slug);
      expect.soft(hiPost?.next?.slug).toBe("first");
      expect.soft(hiPost?.previous?.slug, `previous of ${hi.slug}`).toBe(lo.slug);
      expect.soft(loPost?.next?.slug, `next of ${lo.slug}`).toBe(hi.slug);
      expect.soft(loPost?.previous ?? null).toBeNull();

      await db.post.deleteMany({ where: { id: { in: [a.id, b.id] } } });
    });
  });

  describe("data-layer guarantees", () => {
    it("has foreign keys switched on for the client's connection", async () => {
      const rows = await db.$queryRawUnsafe<{ foreign_keys: number | bigint }[]>("PRAGMA foreign_keys");
      expect(Number(rows[0]?.foreign_keys)).toBe(1);
    });

    it("allows one like per person per comment (primary key)", async () => {
      const post = await postWrite.createPost(db, {
        slug: "likes-test",
        title: "Likes",
        bodyMarkdown: "x",
        authorId: users.bob.id,
        status: "PUBLISHED",
      });
      const comment = await commentWrite.insertApprovedComment(db, {
        postId: post.id,
        parentId: null,
        authorId: users.carol.id,
        bodyMarkdown: "like me",
      });
      expect(await commentWrite.addLike(db, comment.id, users.dave.id)).toBe(true);
      expect(await commentWrite.addLike(db, comment.id, users.dave.id)).toBe(false);
      expect(await db.commentLike.count({ where: { commentId: comment.id } })).toBe(1);
      expect((await db.comment.findUniqueOrThrow({ where: { id: comment.id } })).likeCount).toBe(1);
      // The database itself refuses a duplicate, not only addLike's check.
      await expect(db.commentLike.create({ data: { commentId: comment.id, userId: users.dave.id } })).rejects.toThrow();
      expect(await db.commentLike.count({ where: { commentId: comment.id } })).toBe(1);
    });

    it("deleting a post cascades to its comments, their replies and likes", async () => {
      const post = await postWrite.createPost(db, {
        slug: "cascade-test",
        title: "Cascade",
        bodyMarkdown: "x",
        authorId: users.bob.id,
        status: "PUBLISHED",
        tags: ["Cascade Tag"],
      });
      const top = await commentWrite.insertApprovedComment(db, {
        postId: post.id,
        parentId: null,
        authorId: users.carol.id,
        bodyMarkdown: "top",
      });
      const reply = await commentWrite.insertApprovedComment(db, {
        postId: post.id,
        parentId: top.id,
        guest: { name: "G", email: "g@x.example" },
        bodyMarkdown: "reply",
      });
      await commentWrite.addLike(db, top.id, users.dave.id);
      await commentWrite.addLike(db, reply.id, users.erin.id);
      expect((await db.post.findUniqueOrThrow({ where: { id: post.id } })).commentCount).toBe(2);
      expect(await db.commentLike.count({ where: { commentId: { in: [top.id, reply.id] } } })).toBe(2);

      await db.post.delete({ where: { id: post.id } });

      expect(await db.comment.count({ where: { postId: post.id } })).toBe(0);
      expect(await db.comment.count({ where: { id: { in: [top.id, reply.id] } } })).toBe(0);
      expect(await db.commentLike.count({ where: { commentId: { in: [top.id, reply.id] } } })).toBe(0);
      expect(await db.postTag.count({ where: { postId: post.id } })).toBe(0);
      // The tag and the users are not owned by the post.
      expect(await db.tag.count({ where: { slug: "cascade-tag" } })).toBe(1);
      expect(await db.user.count({ where: { id: { in: [users.carol.id, users.dave.id, users.erin.id] } } })).toBe(3);
    });
  });
});
