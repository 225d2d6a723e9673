import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { repoRoot } from "../support/test-db";
import { migrate } from "@/lib/db/migrate";
import { createDb, type Db } from "@/lib/db/client";
import { importWxr } from "@/lib/wxr/import";
import { buildSiteExport, importSiteExport } from "@/lib/export/site";
import { readTarGz, writeTarGz } from "@/lib/export/tar";
import { readImportCandidate } from "@/lib/posts/front-matter";
import { insertComment } from "@/lib/comments/write";
import { renderEssay } from "@/lib/markdown/essay";
import { generateWxr } from "../../e2e/support/wxr";

// Export → import into an EMPTY site (a second database) gives back the same posts and comment
// trees, field by field.
describe("site export round trip", () => {
  let dir: string;
  let source: Db;
  let target: Db;

  beforeAll(async () => {
    dir = mkdtempSync(path.join(os.tmpdir(), "hearth-export-"));
    const sourceUrl = `file:${path.join(dir, "source.db")}`;
    const url = `file:${path.join(dir, "empty.db")}`;
    await migrate(sourceUrl, repoRoot);
    await migrate(url, repoRoot);
    source = createDb(sourceUrl);
    target = createDb(url);
  });
  afterAll(async () => {
    await source?.$disconnect();
    await target?.$disconnect();
    rmSync(dir, { recursive: true, force: true });
  });

  async function snapshot(db: Db) {
    const posts = await db.post.findMany({
      orderBy: { slug: "asc" },
      include: { author: true, tags: { include: { tag: true } } },
    });
    return Promise.all(
      posts.map(async (p) => {
        const comments = await db.comment.findMany({ where: { postId: p.id }, orderBy: [{ createdAt: "asc" }, { id: "asc" }], include: { author: true } });
        const index = new Map(comments.map((c, i) => [c.id, i]));
        return {
          slug: p.slug,
          title: p.title,
          status: p.status,
          publishedAt: p.publishedAt?.toISOString() ?? null,
          excerpt: p.excerpt,
          bodyMarkdown: p.bodyMarkdown,
          bodyHtml: p.bodyHtml,
          author: p.author.email,
          tags: p.tags.map((t) => t.tag.name).sort(),
          commentCount: p.commentCount,
          comments: comments.map((c) => ({
            parent: c.parentId === null ? null : index.get(c.parentId),
            root: index.get(c.rootId!),
            depth: c.depth,
            author: c.author?.email ?? null,
            guestName: c.guestName,
            guestEmail: c.guestEmail,
            guestUrl: c.guestUrl,
            status: c.status,
            createdAt: c.createdAt.toISOString(),
            bodyMarkdown: c.bodyMarkdown,
            bodyHtml: c.bodyHtml,
          })),
        };
      }),
    );
  }

  it("exports posts as front-matter Markdown and comments as JSON trees, and imports them back identically", async () => {
    const db = source;
    const admin = await db.user.create({ data: { name: "Admin", handle: "admin", email: "admin@x.test", role: "ADMIN" } });
    const gen = generateWxr({ prefix: "trip", posts: 3, pages: 1, commentsPerPost: 40 });
    expect(await importWxr(db, { id: admin.id, role: "ADMIN" }, gen.xml)).toMatchObject({ ok: true });
    // A draft with awkward text, and a comment by a signed-in member.
    await db.post.create({
      data: {
        slug: "odd-draft",
        title: 'A "quoted" title: with \\ and # and \ttab',
        bodyMarkdown: "Draft body\n\n```js\nconst a = 1;\n```",
        bodyHtml: (await renderEssay("Draft body\n\n```js\nconst a = 1;\n```")).html,
        excerpt: "Line one\nline two",
        authorId: admin.id,
      },
    });
    const first = await db.post.findFirstOrThrow({ where: { slug: "trip-post-1" } });
    await insertComment(db, { postId: first.id, parentId: null, authorId: admin.id, bodyMarkdown: "From a *member*", bodyHtml: "<p>From a <em>member</em></p>", status: "APPROVED" });

    const archive = writeTarGz(await buildSiteExport(db));
    const entries = readTarGz(archive);
    expect(entries.map((e) => e.name).sort()).toEqual([
      "comments.json",
      "posts/odd-draft.md",
      "posts/trip-page-4.md",
      "posts/trip-post-1.md",
      "posts/trip-post-2.md",
      "posts/trip-post-3.md",
    ]);
    // The Markdown import reads the same files.
    const md = entries.find((e) => e.name === "posts/trip-post-1.md")!;
    expect(md.content).toMatch(/^---\ntitle: "trip essay 1"\nslug: trip-post-1\ndate: 2019-05-03T10:00:00.000Z\n/);
    expect(readImportCandidate(md.content)).toMatchObject({ ok: true, post: { title: "trip essay 1", slug: "trip-post-1", draft: false } });
    const threads = JSON.parse(entries.find((e) => e.name === "comments.json")!.content);
    expect(threads.posts[0].comments[0]).toMatchObject({ parentId: null, guestName: "Guest 0 & co", status: "APPROVED" });
    expect(threads.posts[0].comments[0].replies[0].replies[0].replies[0].replies[0].replies).toEqual([]);

    const result = await importSiteExport(target, { id: "nobody", role: "ADMIN" }, entries);
    expect(result).toEqual({ ok: true, posts: 5, comments: 121 });
    const before = await snapshot(db);
    const after = await snapshot(target);
    expect(after).toEqual(before);
    // Roles are not part of an export: everyone who wrote comes back as an AUTHOR, never an ADMIN.
    expect(await target.user.count({ where: { role: { not: "AUTHOR" } } })).toBe(0);
  });

  it("refuses a broken archive and writes nothing", async () => {
    const entries = [
      { name: "posts/a.md", content: "no front matter" },
      { name: "comments.json", content: "{oops" },
    ];
    const before = await target.post.count();
    const r = await importSiteExport(target, { id: "x", role: "ADMIN" }, entries);
    expect(r).toMatchObject({ ok: false });
    expect(JSON.stringify(r)).toContain("posts/a.md: no front matter");
    expect(JSON.stringify(r)).toContain("comments.json: not JSON");
    expect(await target.post.count()).toBe(before);
    expect(await importSiteExport(target, { id: "x", role: "AUTHOR" }, entries)).toEqual({ forbidden: true });
  });
});
