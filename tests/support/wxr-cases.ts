import { expect, it } from "vitest";
import type { Db } from "@/lib/db/client";
import { importWxr } from "@/lib/wxr/import";
import { parseWxr } from "@/lib/wxr/parse";
import { generateWxr } from "../../e2e/support/wxr";

/**
 * The WXR importer's integration cases, run against SQLite (wxr-import.test.ts) and
 * PostgreSQL (wxr-import-postgres.test.ts). `db` is called lazily (created in beforeAll).
 */
export function wxrImportCases(getDb: () => Db) {
  const adminFor = async (db: Db, handle: string) => {
    const u = await db.user.create({ data: { name: "Admin", handle, email: `${handle}@hearth.test`, role: "ADMIN" } });
    return { id: u.id, role: "ADMIN" as const };
  };

  it("imports posts, pages, authors, tags, redirects and a 540-comment tree five levels deep, once", async () => {
    const db = getDb();
    const admin = await adminFor(db, "wxr-admin-1");
    // One author exists already (matched by e-mail, role left alone).
    const gen = generateWxr({ prefix: "big" });
    await db.user.create({ data: { name: "Existing Ben", handle: "existing-ben", email: gen.authors[1]!.email, role: "READER" } });
    // A slug collision with an existing post.
    await db.post.create({
      data: { slug: "big-post-1", title: "Already here", bodyMarkdown: "x", bodyHtml: "<p>x</p>", authorId: admin.id },
    });
    const steps: number[] = [];
    const result = await importWxr(db, admin, gen.xml, { onProgress: (done) => void steps.push(done) });
    if (!("ok" in result) || !result.ok) throw new Error(JSON.stringify(result));
    const r = result.report;
    expect(r.postsCreated).toBe(8);
    expect(r.commentsCreated).toBe(540);
    expect(r.authorsMatched).toEqual([gen.authors[1]!.email]);
    expect(r.authorsCreated.sort()).toEqual([gen.authors[0]!.email, gen.authors[2]!.email].sort());
    expect(r.skipped.join(" ")).toContain("attachment");
    expect(steps.at(-1)).toBe(8 + 540 + 1);
    expect(steps.length).toBeGreaterThan(5);

    // New authors: AUTHOR, no password, unverified; the existing reader keeps their role.
    const created = await db.user.findUniqueOrThrow({ where: { email: gen.authors[0]!.email } });
    expect(created).toMatchObject({ role: "AUTHOR", passwordHash: null, emailVerified: null, name: gen.authors[0]!.name });
    expect((await db.user.findUniqueOrThrow({ where: { email: gen.authors[1]!.email } })).role).toBe("READER");

    // The slug collision was resolved; the old addresses lead to the new slugs.
    const first = await db.post.findFirstOrThrow({ where: { importKey: `wxr:${gen.site}#post:100` }, include: { tags: { include: { tag: true } } } });
    expect(first.slug).toBe("big-post-1-2");
    expect(first.title).toBe("big essay 1");
    expect(first.status).toBe("PUBLISHED");
    expect(first.publishedAt?.toISOString()).toBe("2019-05-03T10:00:00.000Z");
    expect(first.excerpt).toBe("Excerpt of big essay 1");
    expect(first.bodyMarkdown).toContain("First paragraph of **big essay 1**.");
    expect(first.bodyMarkdown).toContain("## A heading");
    expect(first.bodyHtml).toContain("<strong>big essay 1</strong>");
    expect(first.tags.map((t) => t.tag.name).sort()).toEqual(["big Category 0", "big-common", "big-tag-0"]);
    const paths = await db.legacyPath.findMany({ where: { postId: first.id }, orderBy: { path: "asc" } });
    expect(paths.map((p) => p.path)).toEqual(["/2019/05/big-post-1", "/?p=100"]);
    const page = await db.post.findFirstOrThrow({ where: { importKey: `wxr:${gen.site}#post:106` } });
    expect(page.slug).toBe("big-page-7");
    expect((await db.legacyPath.findMany({ where: { postId: page.id } })).map((p) => p.path).sort()).toEqual(["/?page_id=106", "/big-page-7"]);

    // The threads: parents, roots, depths, statuses, guests, dates, counts.
    const comments = await db.comment.findMany({ where: { postId: first.id }, orderBy: { createdAt: "asc" } });
    expect(comments).toHaveLength(90);
    const byKey = new Map(comments.map((c) => [c.importKey, c]));
    const byId = new Map(comments.map((c) => [c.id, c]));
    for (const src of gen.posts[0]!.comments) {
      const c = byKey.get(`wxr:${gen.site}#comment:${src.wpId}`)!;
      expect(c.guestName).toBe(src.author);
      expect(c.guestEmail).toBe(src.email);
      expect(c.guestUrl).toBe(src.url || null);
      expect(c.createdAt.toISOString().slice(0, 19).replace("T", " ")).toBe(src.date);
      expect(c.status).toBe({ "1": "APPROVED", "0": "PENDING", spam: "SPAM", trash: "TRASH" }[src.approved]);
      if (src.parent === 0) {
        expect(c.parentId).toBeNull();
        expect(c.rootId).toBe(c.id);
        expect(c.depth).toBe(0);
      } else {
        const parent = byKey.get(`wxr:${gen.site}#comment:${src.parent}`)!;
        expect(c.parentId).toBe(parent.id);
        expect(c.rootId).toBe(parent.rootId);
        expect(c.depth).toBe(parent.depth + 1);
      }
      expect(byId.get(c.rootId!)!.parentId).toBeNull();
    }
    expect(Math.max(...comments.map((c) => c.depth))).toBe(4);
    expect(comments.find((c) => c.bodyMarkdown.includes("Comment 0 "))!.bodyHtml).toContain("<em>emphasis</em>");
    expect(first.commentCount).toBe(88);
    expect(await db.comment.count({ where: { postId: first.id, status: "APPROVED" } })).toBe(88);

    // Again: nothing twice.
    const again = await importWxr(db, admin, gen.xml);
    if (!("ok" in again) || !again.ok) throw new Error(JSON.stringify(again));
    expect(again.report).toMatchObject({ postsCreated: 0, commentsCreated: 0, postsAlreadyThere: 8, commentsAlreadyThere: 540 });
    expect(await db.post.count({ where: { importKey: { startsWith: `wxr:${gen.site}#` } } })).toBe(8);
    expect(await db.comment.count({ where: { importKey: { startsWith: `wxr:${gen.site}#` } } })).toBe(540);
    expect((await db.post.findUniqueOrThrow({ where: { id: first.id } })).commentCount).toBe(88);
  });

  it("adds only the new comments of a later export, under their already imported parents", async () => {
    const db = getDb();
    const admin = await adminFor(db, "wxr-admin-2");
    const small = generateWxr({ prefix: "grow", posts: 1, pages: 0, commentsPerPost: 5 });
    expect(await importWxr(db, admin, small.xml)).toMatchObject({ ok: true, report: { commentsCreated: 5 } });
    const bigger = generateWxr({ prefix: "grow", posts: 1, pages: 0, commentsPerPost: 8 });
    const r = await importWxr(db, admin, bigger.xml);
    expect(r).toMatchObject({ ok: true, report: { postsCreated: 0, commentsCreated: 3, commentsAlreadyThere: 5 } });
    const post = await db.post.findFirstOrThrow({ where: { importKey: `wxr:${bigger.site}#post:100` } });
    // 1001–1005 came with the first file; 1006 starts a new thread, 1007 and 1008 reply down it.
    const top = await db.comment.findFirstOrThrow({ where: { importKey: `wxr:${bigger.site}#comment:1006` } });
    expect(top).toMatchObject({ parentId: null, depth: 0, rootId: top.id });
    const reply = await db.comment.findFirstOrThrow({ where: { importKey: `wxr:${bigger.site}#comment:1008` } });
    expect(reply).toMatchObject({ rootId: top.id, depth: 2 });
    expect(post.commentCount).toBe(6); // comment 3 is spam, comment 7 waits for approval
  });

  it("refuses broken files and writes nothing", async () => {
    const db = getDb();
    const admin = await adminFor(db, "wxr-admin-3");
    const before = { posts: await db.post.count(), comments: await db.comment.count(), users: await db.user.count(), tags: await db.tag.count() };
    const gen = generateWxr({ prefix: "broken", posts: 2, pages: 1, commentsPerPost: 10 });
    const cases: [string, string, RegExp][] = [
      ["not XML", "this is not xml at all", /not well-formed XML|not a WordPress export/],
      ["truncated", gen.xml.slice(0, Math.floor(gen.xml.length / 2)), /the file ends before <rss>, <channel>, <item>.* closed: it was probably cut off/],
      ["wrong root", '<?xml version="1.0"?><feed><entry/></feed>', /root element is <feed>/],
      ["missing parent", gen.xml.replace("<wp:comment_parent>1001</wp:comment_parent>", "<wp:comment_parent>4242</wp:comment_parent>"), /comment 1002 replies to comment 4242, which is not in the file/],
      ["bad approval", gen.xml.replace("<wp:comment_approved><![CDATA[1]]>", "<wp:comment_approved><![CDATA[maybe]]>"), /unknown approval "maybe"/],
      ["unknown author", gen.xml.replace("<dc:creator><![CDATA[broken-ada]]>", "<dc:creator><![CDATA[nobody]]>"), /author "nobody" is not among/],
    ];
    for (const [name, xml, message] of cases) {
      const result = await importWxr(db, admin, xml);
      expect(result, name).toMatchObject({ ok: false });
      expect(("errors" in result ? result.errors : []).join("\n"), name).toMatch(message);
    }
    expect({ posts: await db.post.count(), comments: await db.comment.count(), users: await db.user.count(), tags: await db.tag.count() }).toEqual(before);
  });

  it("is for admins only", async () => {
    const db = getDb();
    const author = await db.user.create({ data: { name: "A", handle: "wxr-author", email: "wxr-author@hearth.test", role: "AUTHOR" } });
    expect(await importWxr(db, { id: author.id, role: "AUTHOR" }, generateWxr({ prefix: "deny", posts: 1 }).xml)).toEqual({ forbidden: true });
  });

  it("shows a job as running while its server runs it, and as failed once that server is gone", async () => {
    // Loaded here: lib/db/client.ts must not be imported before the test's database is set up.
    const { IMPORT_SILENT_MS, INTERRUPTED_MESSAGE, readImportJob, startImportJob } = await import("@/lib/wxr/jobs");
    const { sqlOf } = await import("@/lib/db/client");
    const db = getDb();
    const admin = await adminFor(db, "wxr-admin-jobs");
    const parsed = parseWxr(generateWxr({ prefix: "jobs", posts: 1 }).xml);
    if (!parsed.ok) throw new Error(parsed.errors.join("; "));
    const running = await startImportJob(db, admin.id, "jobs.xml", parsed.doc);
    expect((await readImportJob(db, running, admin.id))?.state).toBe("RUNNING");
    await expect.poll(async () => (await readImportJob(db, running, admin.id))?.state, { timeout: 20_000 }).toBe("DONE");

    // A job left RUNNING by a server that stopped (no process here runs it).
    const orphan = await db.importJob.create({ data: { userId: admin.id, fileName: "lost.xml", total: 10, done: 4 } });
    const later = new Date(orphan.updatedAt.getTime() + IMPORT_SILENT_MS + 1_000);
    const interrupted = { state: "FAILED", done: 4, total: 10, fileName: "lost.xml", errors: [INTERRUPTED_MESSAGE] };
    expect(await readImportJob(db, orphan.id, admin.id, later)).toEqual(interrupted);
    // Right away: on SQLite this process is the only one, so it is gone; on PostgreSQL another
    // instance may run it until its heartbeat falls silent.
    const now = await readImportJob(db, orphan.id, admin.id, orphan.updatedAt);
    if (sqlOf(db).engine === "sqlite") expect(now).toEqual(interrupted);
    else expect(now?.state).toBe("RUNNING");
  });
}
