import { describe, expect, it } from "vitest";
import { EditorSchema, splitTags } from "@/lib/posts/editor-schema";
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
