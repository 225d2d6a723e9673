import { describe, expect, it } from "vitest";
import { parseFrontMatter, parseFrontMatterDate, readImportCandidate } from "@/lib/posts/front-matter";
import { slugFromFileName } from "@/lib/posts/import";

const file = (fm: string, body = "The essay.\n") => `---\n${fm}\n---\n${body}`;

describe("parseFrontMatter", () => {
  it("reads plain, quoted and boolean values and keeps the body", () => {
    const r = parseFrontMatter(
      file(`title: The Kitchen Table Years
subtitle: "Quoted: with a colon"
single: 'It''s here'
draft: true
other: FALSE
empty:
tilde: ~`),
    );
    expect(r).toEqual({
      ok: true,
      data: {
        title: "The Kitchen Table Years",
        subtitle: "Quoted: with a colon",
        single: "It's here",
        draft: true,
        other: false,
        empty: null,
        tilde: null,
      },
      body: "The essay.\n",
    });
  });

  it("reads lists in both forms", () => {
    const inline = parseFrontMatter(file(`tags: [family, "cooking, slowly", 'bread']`));
    expect(inline.ok && inline.data.tags).toEqual(["family", "cooking, slowly", "bread"]);
    const block = parseFrontMatter(file(`tags:\n  - family\n  - "cooking"\n- bread\ntitle: After`));
    expect(block.ok && block.data).toEqual({ tags: ["family", "cooking", "bread"], title: "After" });
    const emptyList = parseFrontMatter(file(`tags: []`));
    expect(emptyList.ok && emptyList.data.tags).toEqual([]);
  });

  it("ignores comments and blank lines, keeps # inside quotes and words", () => {
    const r = parseFrontMatter(file(`# a comment\n\ntitle: "C# in #hashtags" # trailing\nslug: c-sharp#1`));
    expect(r.ok && r.data).toEqual({ title: "C# in #hashtags", slug: "c-sharp#1" });
  });

  it("reads folded and literal block text", () => {
    const r = parseFrontMatter(
      file(`excerpt: >\n  A long summary\n  over two lines.\nnote: |\n  line one\n  line two\ntitle: T`),
    );
    expect(r.ok && r.data).toEqual({ excerpt: "A long summary over two lines.", note: "line one\nline two", title: "T" });
  });

  it("handles Windows line endings, a byte-order mark and ... as the closing fence", () => {
    const r = parseFrontMatter("\uFEFF---\r\ntitle: Hi\r\n...\r\nBody\r\n");
    expect(r).toEqual({ ok: true, data: { title: "Hi" }, body: "Body\n" });
  });

  it("keys are case-insensitive", () => {
    const r = parseFrontMatter(file(`Title: Hello`));
    expect(r.ok && r.data.title).toBe("Hello");
  });

  it("reports a file without front matter", () => {
    expect(parseFrontMatter("# Just Markdown\n")).toEqual({
      ok: false,
      error: "no front matter (the file must start with a --- line)",
    });
  });

  it("reports front matter that is never closed", () => {
    expect(parseFrontMatter("---\ntitle: Open\n\nBody text")).toEqual({
      ok: false,
      error: "front matter is not closed (missing ---)",
    });
  });

  it("reports bad lines with their line number", () => {
    expect(parseFrontMatter(file("title: A\nthis is not yaml"))).toEqual({ ok: false, error: 'line 3: expected "key: value"' });
    expect(parseFrontMatter(file('title: "unclosed'))).toEqual({ ok: false, error: "line 2: a quoted text is not closed" });
    expect(parseFrontMatter(file("tags: [a, b"))).toEqual({ ok: false, error: "line 2: a [list] is not closed" });
    expect(parseFrontMatter(file("- orphan"))).toEqual({ ok: false, error: "line 2: a list item without a key above it" });
    expect(parseFrontMatter(file("title: A\ntitle: B"))).toEqual({ ok: false, error: 'line 3: "title" is given twice' });
    expect(parseFrontMatter(file("meta: {a: 1}"))).toEqual({ ok: false, error: 'line 2: unsupported value "{a: 1}"' });
    expect(parseFrontMatter(file("tags: [[a]]"))).toEqual({ ok: false, error: "line 2: nested lists are not supported" });
  });
});

describe("parseFrontMatterDate", () => {
  it("reads dates, with or without time and zone (UTC by default)", () => {
    expect(parseFrontMatterDate("2021-04-05")?.toISOString()).toBe("2021-04-05T00:00:00.000Z");
    expect(parseFrontMatterDate("2021-04-05 14:30")?.toISOString()).toBe("2021-04-05T14:30:00.000Z");
    expect(parseFrontMatterDate("2021-04-05T14:30:10Z")?.toISOString()).toBe("2021-04-05T14:30:10.000Z");
    expect(parseFrontMatterDate("2021-04-05T14:30:10.123+02:00")?.toISOString()).toBe("2021-04-05T12:30:10.000Z");
    expect(parseFrontMatterDate("2021-04-05 14:30:00 -0500")?.toISOString()).toBe("2021-04-05T19:30:00.000Z");
  });

  it("refuses what is not a date", () => {
    expect(parseFrontMatterDate("April 5th")).toBeNull();
    expect(parseFrontMatterDate("2021-02-30")).toBeNull();
    expect(parseFrontMatterDate("2021-04-05T24:10")).toBeNull();
    expect(parseFrontMatterDate("2021-04-05T10:61")).toBeNull();
  });
});

describe("readImportCandidate", () => {
  it("turns front matter into what an import needs", () => {
    const r = readImportCandidate(
      file(
        `title: "Bread"\ndate: 2021-04-05\ntags:\n  - baking\n  - family\nexcerpt: About bread.\ndraft: false\nslug: bread`,
        "Flour and water.\n",
      ),
    );
    expect(r).toEqual({
      ok: true,
      post: {
        title: "Bread",
        slug: "bread",
        date: new Date("2021-04-05T00:00:00Z"),
        tags: ["baking", "family"],
        excerpt: "About bread.",
        draft: false,
        body: "Flour and water.\n",
      },
    });
  });

  it("accepts comma-separated tags and description as the excerpt", () => {
    const r = readImportCandidate(file(`title: T\ntags: a, b\ndescription: D`));
    expect(r.ok && r.post.tags).toEqual(["a", "b"]);
    expect(r.ok && r.post.excerpt).toBe("D");
  });

  it("reports every problem at once", () => {
    const r = readImportCandidate(file(`date: soon\ndraft: maybe`, ""));
    expect(r).toEqual({
      ok: false,
      errors: [
        "title is missing",
        'date is not a date: "soon"',
        "draft must be true or false",
        "the essay has no text after the front matter",
      ],
    });
  });

  it("passes on the parser's error", () => {
    expect(readImportCandidate("---\ntitle: x\n")).toEqual({ ok: false, errors: ["front matter is not closed (missing ---)"] });
  });
});

describe("slugFromFileName", () => {
  it("drops folders, extensions and date prefixes", () => {
    expect(slugFromFileName("2021-04-05-my-first-essay.md")).toBe("my-first-essay");
    expect(slugFromFileName("posts/Hello World.markdown")).toBe("hello-world");
    expect(slugFromFileName("C:\\blog\\Café.md")).toBe("cafe");
  });
});
