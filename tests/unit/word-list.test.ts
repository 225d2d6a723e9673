import { describe, expect, it } from "vitest";
import { findListedWord, initialStatus, isSubstringEntry, parseWordList, wordListPattern } from "@/lib/comments/policy";

describe("word lists: parsing", () => {
  it("takes one entry per line, ignoring blank lines and surrounding spaces", () => {
    expect(parseWordList("casino\n\n   \n  cheap pills  \r\nspam.example\n")).toEqual([
      "casino",
      "cheap pills",
      "spam.example",
    ]);
  });

  it("ignores entries made only of wildcards (they would match everything)", () => {
    expect(parseWordList("*\n**\n * \ncasino")).toEqual(["casino"]);
    expect(findListedWord("*", ["any comment at all"])).toBeNull();
  });

  it("normalizes entries to NFC, so a decomposed accent in the list still matches", () => {
    expect(parseWordList("cafe\u0301")).toEqual(["café"]);
    expect(findListedWord("cafe\u0301", ["un café noir"])).toBe("café");
    expect(findListedWord("café", ["un cafe\u0301 noir"])).toBe("café");
  });
});

describe("word lists: which entries match as substrings", () => {
  it("treats entries with '.', '@' or '/' as substrings, everything else as words", () => {
    expect(isSubstringEntry("casino.example")).toBe(true);
    expect(isSubstringEntry("jane@spam.example")).toBe(true);
    expect(isSubstringEntry("bit.ly/")).toBe(true);
    expect(isSubstringEntry("/promo")).toBe(true);
    expect(isSubstringEntry("casino")).toBe(false);
    expect(isSubstringEntry("cheap pills")).toBe(false);
  });
});

describe("word lists: matching", () => {
  it("matches words as whole words only, in any case", () => {
    expect(findListedWord("casino", ["Visit the CASINO tonight"])).toBe("casino");
    expect(findListedWord("casino", ["casinos are loud"])).toBeNull();
    expect(findListedWord("ass", ["a classic passage"])).toBeNull();
    expect(findListedWord("ass", ["you ass!"])).toBe("ass");
  });

  it("matches a domain anywhere: in a subdomain, an e-mail address or a URL", () => {
    const list = "casino.example";
    expect(findListedWord(list, ["see www.casino.example/deals"])).toBe("casino.example");
    expect(findListedWord(list, ["A body", "Jane", "jane@casino.example", ""])).toBe("casino.example");
    expect(findListedWord(list, ["https://CASINO.EXAMPLE"])).toBe("casino.example");
    expect(findListedWord(list, ["casino example"])).toBeNull();
    expect(findListedWord(list, ["casinoxexample"])).toBeNull();
  });

  it("matches an e-mail address entry in the e-mail field", () => {
    expect(findListedWord("troll@mail.example", [null, "Troll", "Troll@Mail.Example", null])).toBe("troll@mail.example");
    expect(findListedWord("troll@mail.example", ["friend@mail.example"])).toBeNull();
  });

  it("supports * as a wildcard for the rest of a word", () => {
    expect(findListedWord("casino*", ["two casinos nearby"])).toBe("casino*");
    expect(findListedWord("casino*", ["a casino"])).toBe("casino*");
    expect(findListedWord("casino*", ["notacasino"])).toBeNull();
    expect(findListedWord("*bet", ["try sportsbet now"])).toBe("*bet");
    expect(findListedWord("*bet", ["alphabetical"])).toBeNull();
    expect(findListedWord("v*gra", ["cheap vi4gra"])).toBe("v*gra");
    expect(findListedWord("v*gra", ["v gra"])).toBeNull();
  });

  it("supports * in substring entries, without crossing spaces", () => {
    expect(findListedWord("*.casino.example", ["at promo.casino.example"])).toBe("*.casino.example");
    expect(findListedWord("bit.ly/*", ["go to bit.ly/abc"])).toBe("bit.ly/*");
    expect(findListedWord("spam*@mail.example", ["spammer42@mail.example"])).toBe("spam*@mail.example");
    expect(findListedWord("spam*@mail.example", ["spam me @mail.example"])).toBeNull();
  });

  it("treats regular-expression characters literally", () => {
    expect(wordListPattern("a+b").test("a+b")).toBe(true);
    expect(wordListPattern("a+b").test("aab")).toBe(false);
    expect(findListedWord("[x]", ["x"])).toBeNull();
    expect(findListedWord("[x]", ["say [x] now"])).toBe("[x]");
  });

  it("does not match across the texts it is given (body, name, e-mail, website)", () => {
    expect(findListedWord("buy now", ["please buy", "now"])).toBeNull();
  });

  it("returns the first entry in list order that matches", () => {
    expect(findListedWord("zzz\nspam.example\ncasino", ["casino at spam.example"])).toBe("spam.example");
  });
});

describe("word lists in initialStatus", () => {
  const input = (texts: string[], blockWords = "", holdWords = "") => ({
    settings: { holdLinkCount: 3, holdWords, blockWords },
    linkCount: 0,
    signedIn: false,
    trusted: false,
    guestPreviouslyApproved: true,
    looksAutomated: false,
    texts,
  });

  it("sends a comment whose website is on the blocked list to the trash", () => {
    expect(initialStatus(input(["Nice essay", "Jo", "jo@ok.example", "https://www.casino.example/"], "casino.example"))).toEqual({
      status: "TRASH",
      reason: "blocked word “casino.example”",
    });
  });

  it("holds a comment whose name matches a held wildcard entry", () => {
    expect(initialStatus(input(["Nice essay", "SEO Expert", "x@ok.example", ""], "", "seo*"))).toEqual({
      status: "PENDING",
      reason: "held word “seo*”",
    });
  });
});
