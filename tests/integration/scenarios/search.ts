import { afterAll, beforeAll, expect, it } from "vitest";
import type { Db } from "@/lib/db/client";
import type { OpenDatabase } from "../../support/test-db";
import { XSS_PAYLOADS } from "../../unit/xss-corpus";

// Search (lib/search/query.ts) on one engine: search.test.ts runs it on SQLite (FTS5 and its
// triggers), search-postgres.test.ts on PostgreSQL (expression GIN indexes, ts_rank, ts_headline).

type Search = typeof import("@/lib/search/query");
type Hit = import("@/lib/search/query").SearchHit;

const text = (parts: { text: string }[]) => parts.map((p) => p.text).join("");
const hitsOf = (parts: { text: string; hit: boolean }[]) => parts.filter((p) => p.hit).map((p) => p.text.toLowerCase());

export function searchTests(open: OpenDatabase): void {
  let cleanup: (() => Promise<void>) | undefined;
  let db: Db;
  let s: Search;
  const ids: Record<string, string> = {};
  let approvedComment = 0;
  let heldComment = 0;
  const past = new Date(Date.now() - 86_400_000);

  beforeAll(async () => {
    ({ db, cleanup } = await open());
    s = await import("@/lib/search/query");
    const posts = await import("@/lib/posts/write");
    const author = await db.user.create({ data: { name: "Ada Author", handle: "ada", email: "ada@search.example", role: "AUTHOR" } });
    const make = async (slug: string, title: string, body: string, status: "PUBLISHED" | "DRAFT" | "SCHEDULED" = "PUBLISHED", at = past) =>
      (ids[slug] = (await posts.createPost(db, { slug, title, bodyMarkdown: body, authorId: author.id, status, publishedAt: at })).id);
    await make("lanterns", "Lanterns in winter", "A long walk past the harbour.\n\nLanterns swing over the quay.");
    await make("harbour", "On the harbour", "Lanterns are mentioned once here, among boats and nets and gulls.");
    await make("secret-draft", "Lanterns draft", "Lanterns lanterns lanterns.", "DRAFT", past);
    await make("future", "Lanterns later", "Lanterns tomorrow.", "SCHEDULED", new Date(Date.now() + 86_400_000));
    await make("hostile", "Hostile", XSS_PAYLOADS.map((p) => `zebra ${p}`).join("\n\n"));
    approvedComment = (
      await db.comment.create({
        data: { postId: ids.harbour!, bodyMarkdown: "I saw the lanterns too, by the old quay.", bodyHtml: "<p>x</p>", status: "APPROVED", guestName: "Gus" },
      })
    ).id;
    heldComment = (
      await db.comment.create({
        data: { postId: ids.harbour!, bodyMarkdown: "Lanterns! Buy cheap lanterns here.", bodyHtml: "<p>x</p>", status: "PENDING", guestName: "Spam" },
      })
    ).id;
    await db.comment.create({
      data: { postId: ids["secret-draft"]!, bodyMarkdown: "Lanterns on a draft.", bodyHtml: "<p>x</p>", status: "APPROVED", guestName: "Early" },
    });
  });
  afterAll(async () => cleanup?.());

  it("finds published essays and approved comments, ranked, with the word highlighted", async () => {
    const result = await s.search("lanterns");
    const keys = result.hits.map((h: Hit) => (h.kind === "essay" ? h.href : h.href));
    // The essay with the word in its title (and twice in its body) comes first.
    expect(keys[0]).toBe("/posts/lanterns");
    expect(keys).toContain("/posts/harbour");
    expect(keys).toContain(`/comments/${approvedComment}`);
    expect(keys).not.toContain(`/comments/${heldComment}`);
    expect(keys).not.toContain("/posts/secret-draft");
    expect(keys).not.toContain("/posts/future");
    expect(result.hits).toHaveLength(3);
    const first = result.hits[0]!;
    expect(first.kind).toBe("essay");
    if (first.kind === "essay") {
      expect(hitsOf(first.title)).toEqual(["lanterns"]);
      expect(text(first.title)).toBe("Lanterns in winter");
      expect(hitsOf(first.snippet)).toContain("lanterns");
      expect(first.author).toBe("Ada Author");
    }
    const comment = result.hits.find((h) => h.kind === "comment")!;
    expect(comment.kind === "comment" && comment.author).toBe("Gus");
    expect(comment.kind === "comment" && comment.essayTitle).toBe("On the harbour");
    expect(hitsOf(comment.snippet)).toEqual(["lanterns"]);
  });

  it("matches every word (stemmed), in any case and accents", async () => {
    expect((await s.search("LANTERN quay")).hits.map((h) => h.href).sort()).toEqual(
      [`/comments/${approvedComment}`, "/posts/lanterns"].sort(),
    );
    expect((await s.search("lanterns nonexistentword")).hits).toEqual([]);
  });

  it("turns query syntax into plain words and never fails", async () => {
    for (const q of ['"', "*", "AND(", 'lanterns"', "lanterns*", "NEAR(lanterns", "lanterns OR", "-lanterns", "title:lanterns", "^", "'", "\u0000", "\uE000lanterns\uE001", "🙂", "a".repeat(5000)]) {
      const result = await s.search(q);
      expect(Array.isArray(result.hits)).toBe(true);
    }
    expect((await s.search('"lanterns*" AND(')).hits.length).toBeGreaterThan(0);
    expect((await s.search("   ")).terms).toEqual([]);
  });

  it("returns hostile content as text parts (the page escapes them)", async () => {
    const result = await s.search("zebra");
    expect(result.hits.map((h) => h.href)).toEqual(["/posts/hostile"]);
    const hit = result.hits[0]!;
    expect(hitsOf(hit.snippet)).toContain("zebra");
  });

  it("follows edits, moderation and deletions at once", async () => {
    await db.post.update({ where: { id: ids.harbour! }, data: { title: "Of kittiwakes", bodyMarkdown: "Only gulls." } });
    expect((await s.search("kittiwakes")).hits.map((h) => h.href)).toEqual(["/posts/harbour"]);
    expect((await s.search("lanterns")).hits.map((h) => h.href)).not.toContain("/posts/harbour");
    await db.comment.update({ where: { id: approvedComment }, data: { bodyMarkdown: "Now about puffins." } });
    expect((await s.search("puffins")).hits.map((h) => h.href)).toEqual([`/comments/${approvedComment}`]);
    await db.comment.update({ where: { id: approvedComment }, data: { status: "SPAM" } });
    expect((await s.search("puffins")).hits).toEqual([]);
    await db.comment.update({ where: { id: heldComment }, data: { status: "APPROVED" } });
    expect((await s.search("cheap")).hits.map((h) => h.href)).toEqual([`/comments/${heldComment}`]);
    await db.comment.delete({ where: { id: heldComment } });
    expect((await s.search("cheap")).hits).toEqual([]);
    await db.post.delete({ where: { id: ids.hostile! } });
    expect((await s.search("zebra")).hits).toEqual([]);
  });

  it("pages through many results without repeats", async () => {
    const posts = await import("@/lib/posts/write");
    const author = await db.user.findFirstOrThrow({ where: { handle: "ada" } });
    for (let i = 0; i < 23; i++) {
      await posts.createPost(db, {
        slug: `walrus-${i}`,
        title: `Note ${i}`,
        bodyMarkdown: `walrus ${"filler ".repeat(i)}`,
        authorId: author.id,
        status: "PUBLISHED",
        publishedAt: past,
      });
    }
    const seen: string[] = [];
    let page = 1;
    for (;;) {
      const result = await s.search("walrus", page);
      seen.push(...result.hits.map((h) => h.href));
      if (!result.hasNext) break;
      page++;
    }
    expect(page).toBe(3);
    expect(seen).toHaveLength(23);
    expect(new Set(seen).size).toBe(23);
    expect(await s.search("walrus", 4)).toMatchObject({ hits: [], hasNext: false });
  });
}
