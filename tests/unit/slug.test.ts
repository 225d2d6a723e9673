import { describe, it, expect } from "vitest";
import { slugify, isValidSlug, MAX_SLUG_LENGTH } from "@/lib/posts/slug";

describe("slugify", () => {
  it("lowercases and joins words with single hyphens", () => {
    expect(slugify("Hello World")).toBe("hello-world");
    expect(slugify("Hello   World")).toBe("hello-world");
    expect(slugify("Version 2 Release")).toBe("version-2-release");
  });

  it("folds accents to their ASCII letters", () => {
    expect(slugify("Café au lait")).toBe("cafe-au-lait");
    expect(slugify("Crème Brûlée")).toBe("creme-brulee");
    expect(slugify("Ångström über naïve façade")).toBe("angstrom-uber-naive-facade");
  });

  it("folds compatibility forms (ligatures, full-width letters)", () => {
    expect(slugify("ﬁne ＡＢＣ")).toBe("fine-abc");
  });

  it("turns punctuation into separators without leaving doubled, leading or trailing hyphens", () => {
    expect(slugify("Hello, World!")).toBe("hello-world");
    expect(slugify("What? Why... How!?")).toBe("what-why-how");
    expect(slugify("  --Hello--  ")).toBe("hello");
    expect(slugify("a / b \\ c: d")).toBe("a-b-c-d");
    expect(slugify("C++ & C# in 2024!")).toBe("c-and-c-in-2024");
  });

  it('spells "&" as "and"', () => {
    expect(slugify("Tom & Jerry")).toBe("tom-and-jerry");
    expect(slugify("R&D")).toBe("r-and-d");
  });

  it("drops apostrophes instead of splitting the word", () => {
    expect(slugify("Don't Stop Me Now")).toBe("dont-stop-me-now");
    expect(slugify("It’s a writer’s life")).toBe("its-a-writers-life");
    expect(slugify("`backticked` words")).toBe("backticked-words");
  });

  it("returns an empty string for text with no Latin form", () => {
    expect(slugify("日本語のタイトル")).toBe("");
    expect(slugify("Привет")).toBe("");
    expect(slugify("!!! ??? ---")).toBe("");
    expect(slugify("")).toBe("");
  });

  it("keeps the Latin part of mixed-script titles", () => {
    expect(slugify("Tokyo 東京 2024")).toBe("tokyo-2024");
  });

  it("leaves slugs of exactly the maximum length alone", () => {
    const title = "a".repeat(MAX_SLUG_LENGTH);
    expect(slugify(title)).toBe(title);
    expect(MAX_SLUG_LENGTH).toBe(80);
  });

  it("cuts long titles at a hyphen so no word is chopped", () => {
    const title = Array.from({ length: 20 }, () => "alpha").join(" "); // slug would be 119 chars
    const slug = slugify(title);
    // 13 × "alpha" + 12 hyphens = 77 chars; a 14th word would end at 83 > 80.
    expect(slug).toBe(Array.from({ length: 13 }, () => "alpha").join("-"));
    expect(slug.length).toBeLessThanOrEqual(80);
    expect(slug.endsWith("-")).toBe(false);
  });

  it("keeps a word that ends exactly at the limit", () => {
    // "a…a" (39) + "-" + "b…b" (40) = 80 chars, followed by more words.
    const first = "a".repeat(39);
    const second = "b".repeat(40);
    expect(slugify(`${first} ${second} more words`)).toBe(`${first}-${second}`);
  });

  it("hard-cuts a single very long word at the limit", () => {
    expect(slugify("x".repeat(200))).toBe("x".repeat(80));
  });

  it("hard-cuts when the only hyphen is too early to be a sensible cut point", () => {
    const slug = slugify(`ab ${"c".repeat(200)}`);
    expect(slug).toBe(`ab-${"c".repeat(77)}`);
    expect(slug).toHaveLength(80);
  });

  it("always produces a valid slug for a long, messy title", () => {
    const title =
      "The Surprisingly Long, Winding & Occasionally Absurd History of Naïve Café Culture in Twenty-First-Century Europe";
    const slug = slugify(title);
    expect(slug).toBe("the-surprisingly-long-winding-and-occasionally-absurd-history-of-naive-cafe");
    expect(slug.length).toBeLessThanOrEqual(80);
    expect(isValidSlug(slug)).toBe(true);
  });
});

describe("isValidSlug", () => {
  it.each(["hello", "hello-world", "a1-b2-c3", "2024", "a".repeat(80)])("accepts %j", (slug) => {
    expect(isValidSlug(slug)).toBe(true);
  });

  it.each(["", "Hello", "hello world", "-hello", "hello-", "hello--world", "hello_world", "café", "hello/world", "a".repeat(81)])(
    "rejects %j",
    (slug) => {
      expect(isValidSlug(slug)).toBe(false);
    },
  );

  it("accepts everything slugify produces from non-empty input", () => {
    for (const title of ["Hello, World!", "Crème Brûlée & Co.", "Don't Stop", "x".repeat(300)]) {
      expect(isValidSlug(slugify(title))).toBe(true);
    }
  });
});
