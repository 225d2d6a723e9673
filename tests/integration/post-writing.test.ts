import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "@/lib/auth/permissions";
import type { Db } from "@/lib/db/client";
import type { PostDraft } from "@/lib/posts/manage";
import { freshDatabase, type FreshDatabase } from "../support/test-db";

type Manage = typeof import("@/lib/posts/manage");
type Import = typeof import("@/lib/posts/import");
type Redirects = typeof import("@/lib/posts/redirects");
type Schedule = typeof import("@/lib/posts/schedule");

let fresh: FreshDatabase;
let db: Db;
let manage: Manage;
let importer: Import;
let redirects: Redirects;
let schedule: Schedule;
let author: Actor;
let otherAuthor: Actor;
let admin: Actor;
let reader: Actor;

const MINUTE = 60_000;

function draft(input: Partial<PostDraft> & { title: string }): PostDraft {
  return {
    slug: "",
    slugAuto: false,
    bodyMarkdown: `An essay called ${input.title}.\n\n## Part one\n\nText.`,
    excerpt: "",
    tags: [],
    coverImage: null,
    coverAlt: null,
    commentsOpen: true,
    showLikes: true,
    ...input,
  };
}

async function makeUser(role: Actor["role"], handle: string): Promise<Actor> {
  const u = await db.user.create({ data: { name: handle, email: `${handle}@test.example`, handle, role } });
  return { id: u.id, role: u.role };
}

async function create(
  actor: Actor,
  input: Partial<PostDraft> & { title: string },
  publication?: Parameters<Manage["savePost"]>[4],
) {
  const result = await manage.savePost(db, actor, null, draft(input), publication);
  if (!result.ok) throw new Error(`savePost failed: ${JSON.stringify(result)}`);
  return result.post;
}

beforeAll(async () => {
  fresh = await freshDatabase();
  db = fresh.db;
  manage = await import("@/lib/posts/manage");
  importer = await import("@/lib/posts/import");
  redirects = await import("@/lib/posts/redirects");
  schedule = await import("@/lib/posts/schedule");
  author = await makeUser("AUTHOR", "tomas");
  otherAuthor = await makeUser("AUTHOR", "nadia");
  admin = await makeUser("ADMIN", "iris");
  reader = await makeUser("READER", "sam");
});

afterAll(async () => {
  await fresh.cleanup();
});

describe("creating and updating posts", () => {
  it("creates a draft with rendered HTML, table of contents, excerpt and tags", async () => {
    const post = await create(author, { title: "Bread and Butter", tags: ["Baking", "family", "baking"] });
    expect(post.status).toBe("DRAFT");
    expect(post.slug).toBe("bread-and-butter");
    expect(post.isPublic).toBe(false);
    const row = await db.post.findUniqueOrThrow({
      where: { id: post.id },
      include: { tags: { include: { tag: true } } },
    });
    expect(row.authorId).toBe(author.id);
    expect(row.bodyHtml).toContain("<h2");
    expect(JSON.parse(row.tocJson)).toHaveLength(1);
    expect(row.excerpt).toContain("An essay called Bread and Butter.");
    expect(row.tags.map((t) => t.tag.slug).sort()).toEqual(["baking", "family"]);
    expect(row.publishedAt).toBeNull();
  });

  it("updates text and replaces the tags, keeping a hand-written excerpt", async () => {
    const post = await create(author, { title: "Soup", tags: ["winter"] });
    const result = await manage.savePost(
      db,
      author,
      post.id,
      draft({ title: "Soup, again", slug: "soup", bodyMarkdown: "New **text**.", excerpt: "By hand.", tags: ["summer"] }),
    );
    expect(result.ok).toBe(true);
    const row = await db.post.findUniqueOrThrow({ where: { id: post.id }, include: { tags: { include: { tag: true } } } });
    expect(row.title).toBe("Soup, again");
    expect(row.bodyHtml).toContain("<strong>text</strong>");
    expect(row.excerpt).toBe("By hand.");
    expect(row.tags.map((t) => t.tag.slug)).toEqual(["summer"]);
  });

  it("refuses a slug another post has, next to the field", async () => {
    await create(author, { title: "Taken", slug: "taken-slug" });
    const result = await manage.savePost(db, otherAuthor, null, draft({ title: "Mine", slug: "taken-slug" }));
    expect(result).toEqual({ ok: false, reason: "invalid", errors: { slug: "That address is already used by another post." } });
  });

  it("makes a suggested slug unique instead", async () => {
    const a = await create(author, { title: "Same Title", slugAuto: true });
    const b = await create(author, { title: "Same Title", slugAuto: true });
    expect(a.slug).toBe("same-title");
    expect(b.slug).toBe("same-title-2");
  });

  it("requires alt text with a cover image", async () => {
    const result = await manage.savePost(
      db,
      author,
      null,
      draft({ title: "Pictured", coverImage: `/uploads/covers/${"b".repeat(32)}.png`, coverAlt: "  " }),
    );
    expect(result.ok === false && result.reason === "invalid" && result.errors.coverAlt).toBeTruthy();
  });

  it("refuses another post's cover (its URL is public), keeps the post's own", async () => {
    const cover = `/uploads/covers/${"c".repeat(32)}.png`;
    const theirs = await create(otherAuthor, { title: "Their Picture", coverImage: cover, coverAlt: "A lake" });
    const forged = await manage.savePost(db, author, null, draft({ title: "Borrowed", coverImage: cover, coverAlt: "A lake" }));
    expect(forged).toEqual({ ok: false, reason: "invalid", errors: { cover: "Upload the image again." } });
    const mine = await create(author, { title: "Plain" });
    const onUpdate = await manage.savePost(db, author, mine.id, draft({ title: "Plain", coverImage: cover, coverAlt: "A lake" }));
    expect(onUpdate.ok).toBe(false);
    expect((await db.post.findUniqueOrThrow({ where: { id: mine.id } })).coverImage).toBeNull();
    // The owner saves again with the same cover: still theirs, nothing to delete.
    const again = await manage.savePost(
      db,
      otherAuthor,
      theirs.id,
      draft({ title: "Their Picture", coverImage: cover, coverAlt: "A lake" }),
    );
    expect(again.ok && again.post.replacedCover).toBe(null);
  });
});

describe("publishing, scheduling, unpublishing", () => {
  it("publishes now and keeps the date when published again", async () => {
    const now = new Date();
    const post = await create(author, { title: "Out Now" }, { kind: "publish" });
    expect(post.status).toBe("PUBLISHED");
    expect(post.isPublic).toBe(true);
    expect(Math.abs(post.publishedAt!.getTime() - now.getTime())).toBeLessThan(5_000);
    const again = await manage.savePost(
      db,
      author,
      post.id,
      draft({ title: "Out Now", slug: post.slug }),
      { kind: "publish" },
      new Date(Date.now() + MINUTE),
    );
    expect(again.ok && again.post.publishedAt?.getTime()).toBe(post.publishedAt!.getTime());
  });

  it("refuses to publish an empty essay", async () => {
    const result = await manage.savePost(db, author, null, draft({ title: "Empty", bodyMarkdown: "  " }), { kind: "publish" });
    expect(result.ok === false && result.reason === "invalid" && result.errors.bodyMarkdown).toBe(
      "Write something before publishing.",
    );
  });

  it("schedules for a future time only", async () => {
    const now = new Date();
    const at = new Date(now.getTime() + 10 * MINUTE);
    const post = await create(author, { title: "Later" }, { kind: "schedule", at });
    expect(post.status).toBe("SCHEDULED");
    expect(post.publishedAt?.toISOString()).toBe(at.toISOString());
    expect(post.isPublic).toBe(false);
    const past = await manage.savePost(db, author, null, draft({ title: "Too late" }), {
      kind: "schedule",
      at: new Date(now.getTime() - 1),
    });
    expect(past.ok === false && past.reason === "invalid" && past.errors.publishAt).toBeTruthy();
  });

  it("a scheduled post becomes public at its time without any write", async () => {
    const { readPublishedPosts } = await import("@/lib/posts/queries");
    const at = new Date(Date.now() + 1_500);
    const post = await create(author, { title: "Appears By Itself" }, { kind: "schedule", at });
    const before = await readPublishedPosts(1, 100);
    expect(before.items.map((p) => p.id)).not.toContain(post.id);
    await new Promise((r) => setTimeout(r, at.getTime() - Date.now() + 50));
    const after = await readPublishedPosts(1, 100);
    expect(after.items.map((p) => p.id)).toContain(post.id);
  });

  it("unpublishes back to a draft", async () => {
    const post = await create(author, { title: "Gone Again" }, { kind: "publish" });
    const result = await manage.setPublication(db, author, post.id, { kind: "unpublish" });
    expect(result.ok && result.post).toMatchObject({ status: "DRAFT", publishedAt: null, wasPublic: true, isPublic: false });
  });
});

describe("slug changes", () => {
  it("a published post's old slug redirects to the new one", async () => {
    const post = await create(author, { title: "Old Name", slug: "old-name" }, { kind: "publish" });
    const result = await manage.savePost(db, author, post.id, draft({ title: "New Name", slug: "new-name" }));
    expect(result.ok && result.post.previousSlug).toBe("old-name");
    expect(await db.slugRedirect.findUnique({ where: { slug: "old-name" } })).toMatchObject({ postId: post.id });
    expect(await redirects.readSlugRedirect("old-name")).toBe("new-name");
    // Renamed again: the first address follows to the newest one.
    await manage.savePost(db, author, post.id, draft({ title: "Newer Name", slug: "newer-name" }));
    expect(await redirects.readSlugRedirect("old-name")).toBe("newer-name");
    expect(await redirects.readSlugRedirect("new-name")).toBe("newer-name");
    // Another post cannot take an old address.
    const thief = await manage.savePost(db, otherAuthor, null, draft({ title: "Thief", slug: "old-name" }));
    expect(thief.ok === false && thief.reason === "invalid" && thief.errors.slug).toBe(
      "That address is already used by another post.",
    );
    // The post itself may take it back, and then it no longer redirects.
    await manage.savePost(db, author, post.id, draft({ title: "Old Name", slug: "old-name" }));
    expect(await db.slugRedirect.findUnique({ where: { slug: "old-name" } })).toBeNull();
    expect(await redirects.readSlugRedirect("newer-name")).toBe("old-name");
  });

  it("a draft's slug change leaves no redirect, and old addresses of unpublished posts lead nowhere", async () => {
    const post = await create(author, { title: "Drafty", slug: "drafty" });
    await manage.savePost(db, author, post.id, draft({ title: "Drafty", slug: "drafty-2" }));
    expect(await db.slugRedirect.findUnique({ where: { slug: "drafty" } })).toBeNull();

    const pub = await create(author, { title: "Was Live", slug: "was-live" }, { kind: "publish" });
    await manage.savePost(db, author, pub.id, draft({ title: "Was Live", slug: "is-hidden" }), { kind: "unpublish" });
    expect(await db.slugRedirect.findUnique({ where: { slug: "was-live" } })).not.toBeNull();
    expect(await redirects.readSlugRedirect("was-live")).toBeNull();
  });
});

describe("deleting", () => {
  it("takes comments, likes, tag links and redirects with it, and keeps the tags", async () => {
    const post = await create(author, { title: "Doomed", slug: "doomed", tags: ["keepme"] }, { kind: "publish" });
    await manage.savePost(db, author, post.id, draft({ title: "Doomed", slug: "doomed-2", tags: ["keepme"] }));
    const top = await db.comment.create({
      data: { postId: post.id, bodyMarkdown: "hi", bodyHtml: "<p>hi</p>", status: "APPROVED", authorId: reader.id },
    });
    const reply = await db.comment.create({
      data: {
        postId: post.id,
        parentId: top.id,
        rootId: top.id,
        depth: 1,
        bodyMarkdown: "re",
        bodyHtml: "<p>re</p>",
        status: "PENDING",
      },
    });
    await db.commentLike.create({ data: { commentId: top.id, userId: otherAuthor.id } });

    const result = await manage.deletePost(db, author, post.id);
    expect(result).toMatchObject({ ok: true, post: { id: post.id, wasPublic: true } });
    expect(await db.post.findUnique({ where: { id: post.id } })).toBeNull();
    expect(await db.comment.count({ where: { id: { in: [top.id, reply.id] } } })).toBe(0);
    expect(await db.commentLike.count({ where: { commentId: top.id } })).toBe(0);
    expect(await db.postTag.count({ where: { postId: post.id } })).toBe(0);
    expect(await db.slugRedirect.count({ where: { postId: post.id } })).toBe(0);
    expect(await db.tag.findUnique({ where: { slug: "keepme" } })).not.toBeNull();
    // The user who liked is untouched.
    expect(await db.user.findUnique({ where: { id: otherAuthor.id } })).not.toBeNull();
  });
});

describe("permissions", () => {
  it("authors cannot touch another author's post; forged ids fail closed", async () => {
    const post = await create(author, { title: "Private Property" }, { kind: "publish" });
    expect(await manage.savePost(db, otherAuthor, post.id, draft({ title: "Hijacked" }))).toEqual({
      ok: false,
      reason: "forbidden",
    });
    expect(await manage.setPublication(db, otherAuthor, post.id, { kind: "unpublish" })).toEqual({
      ok: false,
      reason: "forbidden",
    });
    expect(await manage.deletePost(db, otherAuthor, post.id)).toEqual({ ok: false, reason: "forbidden" });
    const row = await db.post.findUniqueOrThrow({ where: { id: post.id } });
    expect(row.title).toBe("Private Property");
    expect(row.status).toBe("PUBLISHED");
    expect(await manage.savePost(db, author, "no-such-post", draft({ title: "x" }))).toEqual({ ok: false, reason: "not-found" });
  });

  it("readers cannot create, banned authors cannot write", async () => {
    expect(await manage.savePost(db, reader, null, draft({ title: "Reader's essay" }))).toEqual({
      ok: false,
      reason: "forbidden",
    });
    const banned = { ...author, bannedUntil: new Date(Date.now() + 60 * MINUTE) };
    expect(await manage.savePost(db, banned, null, draft({ title: "Banned" }))).toEqual({ ok: false, reason: "forbidden" });
    expect(await db.post.count({ where: { title: { in: ["Reader's essay", "Banned"] } } })).toBe(0);
  });

  it("admins edit, publish and delete anyone's post; the author stays the author", async () => {
    const post = await create(author, { title: "Edited By Admin" });
    const result = await manage.savePost(db, admin, post.id, draft({ title: "Edited By Admin!", slug: post.slug }), {
      kind: "publish",
    });
    expect(result.ok && result.post.authorId).toBe(author.id);
    expect((await db.post.findUniqueOrThrow({ where: { id: post.id } })).authorId).toBe(author.id);
    expect((await manage.deletePost(db, admin, post.id)).ok).toBe(true);
  });
});

describe("import", () => {
  it("imports valid files, reports the others, and derives status from date and draft", async () => {
    const now = new Date("2026-01-01T00:00:00Z");
    const outcomes = await importer.importMarkdownFiles(
      db,
      author,
      [
        {
          name: "2020-05-01-old-essay.md",
          text: "---\ntitle: Old Essay\ndate: 2020-05-01\ntags: [history, Imported]\n---\nText.\n",
        },
        { name: "future.md", text: "---\ntitle: Future\ndate: 2030-01-01T09:00:00Z\n---\nSoon.\n" },
        { name: "draft.md", text: "---\ntitle: Drafted\ndate: 2020-01-01\ndraft: true\n---\nWIP.\n" },
        { name: "nodate.md", text: "---\ntitle: No Date\nslug: Custom Slug\n---\nBody.\n" },
        { name: "old-essay.md", text: "---\ntitle: Same File Name\ndate: 2020-01-01\n---\nBody.\n" },
        { name: "broken.md", text: "---\ntitle: Broken\nBody without a closing fence\n" },
        { name: "untitled.md", text: "---\ndate: 2020-01-01\n---\nBody.\n" },
      ],
      now,
    );
    if ("forbidden" in outcomes) throw new Error("forbidden");
    const byFile = Object.fromEntries(outcomes.map((o) => [o.file, o]));
    expect(byFile["2020-05-01-old-essay.md"]).toMatchObject({
      ok: true,
      slug: "old-essay",
      status: "published",
      tags: ["history", "Imported"],
    });
    expect(byFile["future.md"]).toMatchObject({ ok: true, slug: "future", status: "scheduled" });
    expect(byFile["draft.md"]).toMatchObject({ ok: true, status: "draft" });
    expect(byFile["nodate.md"]).toMatchObject({ ok: true, slug: "custom-slug", status: "draft" });
    expect(byFile["old-essay.md"]).toMatchObject({ ok: true, slug: "old-essay-2" });
    expect(byFile["broken.md"]).toEqual({ file: "broken.md", ok: false, errors: ["front matter is not closed (missing ---)"] });
    expect(byFile["untitled.md"]).toEqual({ file: "untitled.md", ok: false, errors: ["title is missing"] });

    const old = await db.post.findUniqueOrThrow({ where: { slug: "old-essay" }, include: { tags: { include: { tag: true } } } });
    expect(old.authorId).toBe(author.id);
    expect(old.status).toBe("PUBLISHED");
    expect(old.publishedAt?.toISOString()).toBe("2020-05-01T00:00:00.000Z");
    expect(old.tags.map((t) => t.tag.slug).sort()).toEqual(["history", "imported"]);
    expect(old.bodyHtml).toContain("<p>Text.</p>");
    const future = await db.post.findUniqueOrThrow({ where: { slug: "future" } });
    expect(future.status).toBe("SCHEDULED");
  });

  it("refuses readers", async () => {
    expect(await importer.importMarkdownFiles(db, reader, [{ name: "a.md", text: "---\ntitle: A\n---\nB\n" }])).toEqual({
      forbidden: true,
    });
  });
});

describe("scheduling timers", () => {
  it("arms a timer for every post still waiting, and forgets cancelled ones", async () => {
    const soon = new Date(Date.now() + 30 * MINUTE);
    const post = await create(author, { title: "Timer Test" }, { kind: "schedule", at: soon });
    await schedule.armScheduledPosts();
    expect(schedule.armedTimers().get(post.id)?.toISOString()).toBe(soon.toISOString());
    schedule.cancelPublication(post.id);
    expect(schedule.armedTimers().has(post.id)).toBe(false);
    // Far dates are armed too (re-armed in steps of the longest timer).
    schedule.schedulePublication(post.id, new Date(Date.now() + 90 * 24 * 60 * MINUTE));
    expect(schedule.armedTimers().has(post.id)).toBe(true);
    schedule.cancelPublication(post.id);
  });
});
