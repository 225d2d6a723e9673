import { describe, expect, it } from "vitest";
import { commentStatusOf, legacyPathsOf, normalizeLegacyPath, parseWpDate, parseWxr, postStatusOf } from "@/lib/wxr/parse";
import { autop, htmlToMarkdown } from "@/lib/wxr/html-to-markdown";
import { readTarGz, writeTarGz } from "@/lib/export/tar";
import { postToMarkdown, quoteFrontMatter } from "@/lib/export/site";
import { parseFrontMatter, readImportCandidate } from "@/lib/posts/front-matter";
import { generateWxr } from "../../e2e/support/wxr";

describe("WXR parsing", () => {
  it("reads dates, statuses and approvals", () => {
    expect(parseWpDate("2019-05-03 10:00:00")?.toISOString()).toBe("2019-05-03T10:00:00.000Z");
    expect(parseWpDate("0000-00-00 00:00:00")).toBeNull();
    expect(parseWpDate("2019-02-30 10:00:00")).toBeNull();
    expect(["1", "0", "spam", "trash", "x"].map(commentStatusOf)).toEqual(["APPROVED", "PENDING", "SPAM", "TRASH", null]);
    expect(["publish", "future", "draft", "pending", "private", "trash", "auto-draft"].map(postStatusOf)).toEqual([
      "PUBLISHED",
      "PUBLISHED",
      "DRAFT",
      "DRAFT",
      "DRAFT",
      null,
      null,
    ]);
  });

  it("knows a post's old addresses", () => {
    expect(legacyPathsOf({ wpId: "12", type: "post", link: "https://old.example/2019/05/Café-time/" })).toEqual([
      "/?p=12",
      "/2019/05/café-time",
    ]);
    expect(legacyPathsOf({ wpId: "7", type: "page", link: null })).toEqual(["/?page_id=7"]);
    expect(normalizeLegacyPath("/2019/05/x///")).toBe("/2019/05/x");
  });

  it("reads a generated export: posts, pages, tags, comment order, what is left out", () => {
    const gen = generateWxr({ prefix: "u", posts: 2, pages: 1, commentsPerPost: 12 });
    const r = parseWxr(gen.xml);
    if (!r.ok) throw new Error(r.errors.join("\n"));
    expect(r.doc.site).toBe("https://u.wordpress.test");
    expect(r.doc.posts.map((p) => [p.wpId, p.type, p.slug])).toEqual([
      ["100", "post", "u-post-1"],
      ["101", "post", "u-post-2"],
      ["102", "page", "u-page-3"],
    ]);
    expect(r.doc.posts[0]!.tags).toEqual(["u Category 0", "u-tag-0", "u-common"]);
    expect(r.doc.posts[0]!.comments[1]).toMatchObject({ wpId: "1002", parentWpId: "1001", authorName: "Guest 1 & co", url: null });
    expect(r.doc.posts[0]!.comments[3]!.status).toBe("SPAM");
    expect(r.doc.skipped).toEqual(['item 4 ("photo"): of type "attachment", not a post or page']);
  });

  it("orders replies after their parents even when the file lists them first", () => {
    const gen = generateWxr({ prefix: "o", posts: 1, pages: 0, commentsPerPost: 3 });
    const comments = gen.xml.match(/<wp:comment>.*?<\/wp:comment>/g)!;
    const reversed = gen.xml.replace(comments.join("\n"), [...comments].reverse().join("\n"));
    const r = parseWxr(reversed);
    if (!r.ok) throw new Error(r.errors.join("\n"));
    expect(r.doc.posts[0]!.comments.map((c) => c.wpId)).toEqual(["1001", "1002", "1003"]);
  });

  it("names every problem of a broken file", () => {
    expect(parseWxr("")).toEqual({ ok: false, errors: ["the file is empty"] });
    expect(parseWxr("<html><body/></html>")).toEqual({ ok: false, errors: ["this is not a WordPress export: the root element is <html>, not <rss>"] });
    expect(parseWxr('<rss version="2.0"><channel><title>x</title></channel></rss>')).toEqual({
      ok: false,
      errors: ["this is not a WordPress export: the channel has no <wp:wxr_version>"],
    });
    const gen = generateWxr({ prefix: "b", posts: 1, pages: 0, commentsPerPost: 3 });
    const loop = gen.xml
      .replace("<wp:comment_parent>0</wp:comment_parent>", "<wp:comment_parent>1003</wp:comment_parent>");
    const r = parseWxr(loop);
    expect(r.ok).toBe(false);
    expect(!r.ok && r.errors.join("\n")).toMatch(/reply loop/);
  });
});

describe("WordPress HTML to Markdown", () => {
  it("adds paragraphs the way wpautop does and keeps block HTML", () => {
    expect(autop("one\ntwo\n\n<h2>x</h2>")).toBe("<p>one<br>\ntwo</p>\n\n<h2>x</h2>");
    expect(htmlToMarkdown("<!-- wp:paragraph --><p>Hi <strong>there</strong></p><!-- /wp:paragraph -->")).toBe("Hi **there**");
    expect(htmlToMarkdown("<p>x</p><script>alert(1)</script>")).toBe("x");
    expect(htmlToMarkdown("<del>old</del>")).toBe("~old~");
  });
});

describe("export files", () => {
  it("tar.gz round trip, long names included", () => {
    // Slugs are at most 80 characters; a longer path is split into the ustar prefix and name.
    const long = `posts/${"b".repeat(60)}/${"a".repeat(70)}.md`;
    const entries = [
      { name: "comments.json", content: "{}" },
      { name: long, content: "ünïcode\n".repeat(100) },
    ];
    expect(readTarGz(writeTarGz(entries))).toEqual(entries);
  });

  it("front matter the Markdown import reads back", () => {
    for (const s of ['a "b" \\ c', "tab\there", "new\nline", "# not a comment", "ctrl\u0001"]) {
      const parsed = parseFrontMatter(`---\nt: ${quoteFrontMatter(s)}\n---\nx`);
      expect(parsed.ok && parsed.data.t).toBe(s);
    }
    const md = postToMarkdown({
      title: "T: a title",
      slug: "t",
      status: "DRAFT",
      publishedAt: null,
      createdAt: new Date("2020-01-02T03:04:05Z"),
      tags: ["a, b", "c"],
      authorEmail: "w@x.test",
      excerpt: "E",
      bodyMarkdown: "Body",
    });
    expect(readImportCandidate(md)).toEqual({
      ok: true,
      post: { title: "T: a title", slug: "t", date: new Date("2020-01-02T03:04:05Z"), tags: ["a, b", "c"], excerpt: "E", draft: true, body: "Body\n" },
    });
  });
});
