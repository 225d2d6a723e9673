import { describe, it, expect } from "vitest";
import { countWords, readingMinutes, formatReadingTime, WORDS_PER_MINUTE } from "@/lib/posts/reading";

describe("countWords", () => {
  it("counts whitespace-separated words", () => {
    expect(countWords("The quick brown fox")).toBe(4);
    expect(countWords("  spaced \n\n out\twords  ")).toBe(3);
  });

  it("returns 0 for empty or punctuation-only text", () => {
    expect(countWords("")).toBe(0);
    expect(countWords("   \n\t ")).toBe(0);
    expect(countWords("— … !!! ---")).toBe(0);
  });

  it("ignores punctuation around words", () => {
    expect(countWords('Hello, world! (Really?) "Yes."')).toBe(4);
  });

  it("keeps apostrophes and hyphens inside words", () => {
    expect(countWords("don't stop-me now")).toBe(3);
    expect(countWords("it’s well-known")).toBe(2);
    expect(countWords("state-of-the-art")).toBe(1);
  });

  it("does not count a hyphen or apostrophe standing alone", () => {
    expect(countWords("one - two ' three")).toBe(3);
    expect(countWords("trailing- 'leading")).toBe(2);
  });

  it("counts digits as words and splits numbers at dots", () => {
    expect(countWords("In 2024 we shipped 3 releases")).toBe(6);
    expect(countWords("pi is 3.14")).toBe(4);
  });

  it("counts letters from any script", () => {
    expect(countWords("Привет мир")).toBe(2);
    expect(countWords("Café naïve")).toBe(2);
  });
});

describe("readingMinutes", () => {
  it("uses 230 words per minute", () => {
    expect(WORDS_PER_MINUTE).toBe(230);
    expect(readingMinutes(230)).toBe(1);
    expect(readingMinutes(460)).toBe(2);
    expect(readingMinutes(2300)).toBe(10);
  });

  it("is never less than one minute", () => {
    expect(readingMinutes(0)).toBe(1);
    expect(readingMinutes(1)).toBe(1);
    expect(readingMinutes(100)).toBe(1);
  });

  it("rounds to the nearest minute", () => {
    expect(readingMinutes(344)).toBe(1); // 1.496
    expect(readingMinutes(345)).toBe(2); // 1.5
    expect(readingMinutes(1000)).toBe(4); // 4.35
    expect(readingMinutes(1035)).toBe(5); // 4.5
    expect(readingMinutes(1100)).toBe(5); // 4.78
  });
});

describe("formatReadingTime", () => {
  it('formats as "N min read"', () => {
    expect(formatReadingTime(1)).toBe("1 min read");
    expect(formatReadingTime(4)).toBe("4 min read");
    expect(formatReadingTime(readingMinutes(1000))).toBe("4 min read");
  });
});
