import { describe, expect, it } from "vitest";
import {
  DeletePostSchema,
  EditorSchema,
  editorFields,
  EssayBodySchema,
  ScheduleSchema,
  splitTags,
} from "@/lib/posts/editor-schema";
import { NOT_TEXT } from "@/lib/forms/schema";
import { MAX_SLUG_LENGTH, slugify, uniqueSlug } from "@/lib/posts/slug";

describe("uniqueSlug", () => {
  it("keeps a free slug", async () => {
    expect(await uniqueSlug("bread", () => false)).toBe("bread");
  });

  it("counts up past taken ones", async () => {
    const taken = new Set(["bread", "bread-2", "bread-3"]);
    expect(await uniqueSlug("bread", (s) => taken.has(s))).toBe("bread-4");
  });

  it("asks asynchronously (the database)", async () => {
    const taken = new Set(["bread"]);
    expect(await uniqueSlug("bread", async (s) => taken.has(s))).toBe("bread-2");
  });

  it("slugifies a title and falls back when nothing is left", async () => {
    expect(await uniqueSlug("Hello, World!", () => false)).toBe("hello-world");
    expect(await uniqueSlug("日本語", () => false)).toBe("untitled");
    expect(await uniqueSlug("", (s) => s === "imported", "imported")).toBe("imported-2");
  });

  it("keeps the suffix within the length limit", async () => {
    const long = slugify("word ".repeat(40));
    expect(long.length).toBeLessThanOrEqual(MAX_SLUG_LENGTH);
    const result = await uniqueSlug(long, (s) => s === long);
    expect(result.length).toBeLessThanOrEqual(MAX_SLUG_LENGTH);
    expect(result.endsWith("-2")).toBe(true);
    expect(result).not.toContain("--");
  });
});

describe("the editor's slug and tag rules", () => {
  const base = { title: "A title" };

  it("accepts an empty slug (suggested from the title) and a valid one", () => {
    expect(EditorSchema.safeParse({ ...base, slug: "" }).success).toBe(true);
    const ok = EditorSchema.safeParse({ ...base, slug: "  My-Essay " });
    expect(ok.success && ok.data.slug).toBe("my-essay");
  });

  it("refuses slugs that are not addresses", () => {
    for (const slug of ["my essay", "a--b", "-a", "a/b", "ça", "x".repeat(81)]) {
      expect(EditorSchema.safeParse({ ...base, slug }).success, slug).toBe(false);
    }
  });

  it("requires a title", () => {
    const r = EditorSchema.safeParse({ title: "   " });
    expect(r.success).toBe(false);
    expect(!r.success && r.error.issues[0]?.message).toBe("Give the essay a title.");
  });

  it("splits tags on commas without repeats", () => {
    expect(splitTags(" Family, cooking ,, family , Slow  food")).toEqual(["Family", "cooking", "Slow food"]);
    const r = EditorSchema.safeParse({ ...base, tags: "a, b" });
    expect(r.success && r.data.tags).toEqual(["a", "b"]);
    expect(EditorSchema.safeParse({ ...base, tags: Array.from({ length: 21 }, (_, i) => `t${i}`).join(",") }).success).toBe(
      false,
    );
    expect(EditorSchema.safeParse({ ...base, tags: "!!!" }).success).toBe(false);
  });

  it("only takes covers stored by the app", () => {
    expect(EditorSchema.safeParse({ ...base, coverImage: `/uploads/covers/${"a".repeat(32)}.png` }).success).toBe(true);
    expect(EditorSchema.safeParse({ ...base, coverImage: "https://evil.example/x.png" }).success).toBe(false);
    expect(EditorSchema.safeParse({ ...base, coverImage: `/uploads/avatars/${"a".repeat(32)}.png` }).success).toBe(false);
    const removed = EditorSchema.safeParse({ ...base, coverImage: `/uploads/covers/${"a".repeat(32)}.png`, removeCover: "on" });
    expect(removed.success && removed.data.coverImage).toBe("");
  });
});

describe("the editor's fields and malformed input", () => {
  const base = { title: "A title" };
  const messageOf = (input: Record<string, unknown>) => {
    const r = EditorSchema.safeParse(input);
    return r.success ? null : Object.fromEntries(r.error.issues.map((i) => [String(i.path[0]), i.message]));
  };

  it("drops NUL bytes from the title, body, excerpt, tags and cover text", () => {
    const r = EditorSchema.parse({
      title: "NUL\u0000 title",
      bodyMarkdown: "Body\u0000\r\nline",
      excerpt: "Ex\u0000cerpt",
      tags: "nul\u0000tag, \u0000",
      coverAlt: "A\u0000lt",
    });
    expect([r.title, r.bodyMarkdown, r.excerpt, r.tags, r.coverAlt]).toEqual([
      "NUL title",
      "Body\nline",
      "Excerpt",
      ["nultag"],
      "Alt",
    ]);
  });

  it("asks for a title made of NUL bytes only", () => {
    expect(messageOf({ title: "\u0000\u0000" })).toEqual({ title: "Give the essay a title." });
  });

  it("says a file is not text, on its own field", () => {
    const file = new File(["x"], "x.txt");
    expect(messageOf({ ...base, bodyMarkdown: file, excerpt: file })).toEqual({ bodyMarkdown: NOT_TEXT, excerpt: NOT_TEXT });
  });

  it("refuses a slug with a NUL byte and an id that is not one", () => {
    expect(messageOf({ ...base, slug: "a\u0000b" })?.slug).toMatch(/^Use lowercase letters/);
    expect(messageOf({ ...base, id: "x\u0000" })).toEqual({ id: "Not a post id." });
    expect(messageOf({ ...base, id: "x".repeat(65) })).toEqual({ id: "Not a post id." });
  });

  it("reads a checkbox with any other value as unticked", () => {
    const r = EditorSchema.parse({ ...base, commentsOpen: "yes", showLikes: new File(["x"], "x") });
    expect([r.commentsOpen, r.showLikes]).toEqual([false, false]);
  });

  it("counts the essay's length after dropping NUL bytes", () => {
    expect(EssayBodySchema.safeParse("a".repeat(200_000) + "\u0000").success).toBe(true);
    expect(EssayBodySchema.safeParse("a".repeat(200_001)).error?.issues[0]?.message).toBe(
      "The essay is too long: at most 200,000 characters.",
    );
  });

  it("editorFields passes a file on instead of reading it as left empty", () => {
    const fd = new FormData();
    fd.set("title", "T");
    fd.set("bodyMarkdown", new File(["x"], "x.md"));
    expect(editorFields(fd).bodyMarkdown).toBeInstanceOf(File);
    expect(editorFields(fd).slug).toBeUndefined();
  });

  it("reads the schedule fields strictly", () => {
    expect(ScheduleSchema.safeParse({ publishAt: new File(["x"], "x") }).error?.issues[0]?.message).toBe(NOT_TEXT);
    expect(ScheduleSchema.safeParse({ publishAt: "2031-01-01T10:00", tzOffset: "0x10" }).error?.issues[0]?.message).toBe(
      "Not a time-zone offset.",
    );
    expect(ScheduleSchema.safeParse({ publishAt: "x".repeat(41) }).error?.issues[0]?.message).toBe(
      "That is not a date and time.",
    );
  });

  it("DeletePostSchema takes only an id the app made, and the ticked box", () => {
    expect(DeletePostSchema.parse({ id: "cmx1", confirm: "on" })).toEqual({ id: "cmx1", confirm: "on" });
    expect(DeletePostSchema.safeParse({ id: "cmx1\u0000", confirm: "on" }).error?.issues[0]?.message).toBe(
      "This post no longer exists.",
    );
    expect(DeletePostSchema.safeParse({ id: "cmx1", confirm: "yes" }).error?.issues[0]?.message).toMatch(/^Tick the box/);
  });
});
