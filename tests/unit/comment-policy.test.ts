import { describe, expect, it } from "vitest";
import {
  MAX_FORM_AGE_MS,
  MIN_FILL_MS,
  commentsClosed,
  findListedWord,
  initialStatus,
  parseWordList,
  statusAfterEdit,
  withinEditWindow,
  type StatusInput,
} from "@/lib/comments/policy";

const DAY = 86_400_000;
const MINUTE = 60_000;

describe("parseWordList", () => {
  it("splits on newlines and commas, trims, lowercases and drops empty entries", () => {
    expect(parseWordList("Foo, BAR\n  baz qux ,,\n\n  ,  \nLast")).toEqual(["foo", "bar", "baz qux", "last"]);
  });

  it("handles CRLF lists (the textarea submits \\r\\n)", () => {
    expect(parseWordList("one\r\ntwo\r\n")).toEqual(["one", "two"]);
  });

  it("yields nothing for an empty or blank list", () => {
    expect(parseWordList("")).toEqual([]);
    expect(parseWordList("  \n , \n")).toEqual([]);
  });
});

describe("findListedWord", () => {
  it("returns null for an empty list or no texts", () => {
    expect(findListedWord("", ["anything at all"])).toBeNull();
    expect(findListedWord("  ,\n", ["anything at all"])).toBeNull();
    expect(findListedWord("spam", [])).toBeNull();
    expect(findListedWord("spam", [null, undefined, ""])).toBeNull();
  });

  it("matches whole words only, not parts of words", () => {
    expect(findListedWord("cat", ["concatenate the strings"])).toBeNull();
    expect(findListedWord("cat", ["cats are nice"])).toBeNull();
    expect(findListedWord("cat", ["bobcat"])).toBeNull();
    expect(findListedWord("cat", ["a cat sat"])).toBe("cat");
    expect(findListedWord("cat", ["cat"])).toBe("cat");
    expect(findListedWord("cat", ["first line\ncat"])).toBe("cat");
  });

  it("treats digits as part of a word", () => {
    expect(findListedWord("win", ["win2 prizes"])).toBeNull();
    expect(findListedWord("win", ["2win"])).toBeNull();
    expect(findListedWord("win", ["you win 2 prizes"])).toBe("win");
  });

  it("is case-insensitive in both the list and the text, and returns the listed form lowercased", () => {
    expect(findListedWord("Casino", ["Visit the CASINO today"])).toBe("casino");
    expect(findListedWord("casino", ["CaSiNo"])).toBe("casino");
  });

  it("matches phrases as a whole", () => {
    expect(findListedWord("buy now", ["Please BUY NOW, friend"])).toBe("buy now");
    expect(findListedWord("buy now", ["buy nowhere"])).toBeNull();
    expect(findListedWord("buy now", ["rebuy now"])).toBeNull();
    expect(findListedWord("buy now", ["buy, now"])).toBeNull();
  });

  it("accepts punctuation around a word as a boundary", () => {
    for (const text of ["(spam)", "spam!", "spam.", "“spam”", "-spam-", "spam?", "x/spam/y", "'spam'", "spam\tend"]) {
      expect(findListedWord("spam", [text]), text).toBe("spam");
    }
  });

  it("treats regular-expression characters in listed words literally", () => {
    expect(findListedWord("c++", ["I write c++ daily"])).toBe("c++");
    expect(findListedWord("a.b", ["axb"])).toBeNull();
    expect(findListedWord("a.b", ["see a.b here"])).toBe("a.b");
    expect(findListedWord("(x)", ["call (x) now"])).toBe("(x)");
    expect(findListedWord("$$$", ["earn $$$ fast"])).toBe("$$$");
    expect(findListedWord("a|b", ["a"])).toBeNull();
    expect(findListedWord("back\\slash", ["a back\\slash b"])).toBe("back\\slash");
  });

  it("understands unicode letters as word characters", () => {
    expect(findListedWord("café", ["un café noir"])).toBe("café");
    expect(findListedWord("café", ["UN CAFÉ NOIR"])).toBe("café");
    expect(findListedWord("café", ["cafés"])).toBeNull();
    expect(findListedWord("caf", ["café"])).toBeNull();
    expect(findListedWord("na", ["naïve"])).toBeNull();
    expect(findListedWord("ïve", ["naïve"])).toBeNull();
    expect(findListedWord("école", ["L’École est finie"])).toBe("école");
    expect(findListedWord("москва", ["Привет, Москва!"])).toBe("москва");
    expect(findListedWord("моск", ["Москва"])).toBeNull();
    expect(findListedWord("東京", ["東京"])).toBe("東京");
  });

  it("treats combining marks as part of a word: Indic vowel signs", () => {
    // "कमी" (kamī) = क म ी — the vowel sign ी (U+0940) is a combining mark (\p{M}), not a letter,
    // yet it belongs to the word: "कम" is not a whole word of "यह कमी है".
    expect(findListedWord("कमी", ["यह कमी है"])).toBe("कमी");
    expect(findListedWord("कम", ["यह कमी है"])).toBeNull();
  });

  it("treats combining marks as part of a word: decomposed accents", () => {
    // "cafés" typed in decomposed form (NFD): c a f e U+0301 s — "cafe" is not a whole word of it.
    expect(findListedWord("cafe", ["cafe\u0301s"])).toBeNull();
  });

  it("looks in every text (body, name, e-mail, website)", () => {
    const texts = ["A harmless body", "Jane", "jane@casino.example", "https://casino.example/x"];
    expect(findListedWord("casino", texts)).toBe("casino");
    expect(findListedWord("jane", [null, "Jane", undefined])).toBe("jane");
  });

  it("returns the first listed word (in list order) that is present", () => {
    expect(findListedWord("zebra, apple, mango", ["apple and mango and zebra"])).toBe("zebra");
    expect(findListedWord("missing\nmango\napple", ["apple and mango"])).toBe("mango");
  });
});

describe("initialStatus", () => {
  const base = (over: Partial<StatusInput> = {}, settings: Partial<StatusInput["settings"]> = {}): StatusInput => ({
    settings: { holdLinkCount: 3, holdWords: "", blockWords: "", ...settings },
    linkCount: 0,
    signedIn: true,
    trusted: false,
    guestPreviouslyApproved: false,
    looksAutomated: false,
    texts: ["A perfectly ordinary comment."],
    ...over,
  });

  it("approves a signed-in reader's ordinary comment", () => {
    expect(initialStatus(base())).toEqual({ status: "APPROVED", reason: "signed-in reader" });
  });

  describe("automated submissions", () => {
    it("are SPAM", () => {
      expect(initialStatus(base({ looksAutomated: true }))).toEqual({ status: "SPAM", reason: "automated submission" });
    });

    it("are SPAM before every other rule (blocked word, trusted, hold word, links, guest)", () => {
      const input = base(
        { looksAutomated: true, trusted: true, signedIn: false, linkCount: 10, texts: ["blocked held"] },
        { blockWords: "blocked", holdWords: "held", holdLinkCount: 1 },
      );
      expect(initialStatus(input)).toEqual({ status: "SPAM", reason: "automated submission" });
    });
  });

  describe("blocked words", () => {
    it("put the comment in the TRASH and name the word", () => {
      expect(initialStatus(base({ texts: ["Cheap Pills here"] }, { blockWords: "cheap pills" }))).toEqual({
        status: "TRASH",
        reason: "blocked word “cheap pills”",
      });
    });

    it("win over trusted writers, hold words, links and guests", () => {
      const input = base(
        { trusted: true, signedIn: false, linkCount: 10, texts: ["spam", "held"] },
        { blockWords: "spam", holdWords: "held", holdLinkCount: 1 },
      );
      expect(initialStatus(input)).toEqual({ status: "TRASH", reason: "blocked word “spam”" });
    });

    it("are found in the guest's name, e-mail or website too", () => {
      const input = base({ signedIn: false, texts: ["hello", "Viagra Seller", "x@y.org", ""] }, { blockWords: "viagra" });
      expect(initialStatus(input).status).toBe("TRASH");
    });

    it("only match whole words", () => {
      expect(initialStatus(base({ texts: ["specialisation"] }, { blockWords: "cialis" })).status).toBe("APPROVED");
    });
  });

  describe("trusted writers (post author, admin)", () => {
    it("are approved even with a hold word, many links, or as a guest would be held", () => {
      const input = base({ trusted: true, linkCount: 50, texts: ["held"] }, { holdWords: "held", holdLinkCount: 1 });
      expect(initialStatus(input)).toEqual({ status: "APPROVED", reason: "post author or admin" });
    });
  });

  describe("hold words", () => {
    it("hold the comment and name the word", () => {
      expect(initialStatus(base({ texts: ["Try my Crypto tips"] }, { holdWords: "crypto" }))).toEqual({
        status: "PENDING",
        reason: "held word “crypto”",
      });
    });

    it("win over the link rule and the first-guest-comment rule (reason)", () => {
      const input = base({ signedIn: false, linkCount: 9, texts: ["crypto"] }, { holdWords: "crypto", holdLinkCount: 1 });
      expect(initialStatus(input)).toEqual({ status: "PENDING", reason: "held word “crypto”" });
    });

    it("hold a previously approved guest and a signed-in reader alike", () => {
      expect(initialStatus(base({ texts: ["crypto"] }, { holdWords: "crypto" })).status).toBe("PENDING");
      expect(
        initialStatus(base({ signedIn: false, guestPreviouslyApproved: true, texts: ["crypto"] }, { holdWords: "crypto" }))
          .status,
      ).toBe("PENDING");
    });
  });

  describe("links", () => {
    it("hold a comment with at least holdLinkCount links", () => {
      expect(initialStatus(base({ linkCount: 3 }))).toEqual({ status: "PENDING", reason: "3 links" });
      expect(initialStatus(base({ linkCount: 7 }))).toEqual({ status: "PENDING", reason: "7 links" });
      expect(initialStatus(base({ linkCount: 1 }, { holdLinkCount: 1 })).status).toBe("PENDING");
    });

    it("let a comment with one link fewer through", () => {
      expect(initialStatus(base({ linkCount: 2 }))).toEqual({ status: "APPROVED", reason: "signed-in reader" });
      expect(initialStatus(base({ linkCount: 0 }, { holdLinkCount: 1 })).status).toBe("APPROVED");
    });

    it("never hold anything when holdLinkCount is 0 (disabled)", () => {
      expect(initialStatus(base({ linkCount: 0 }, { holdLinkCount: 0 })).status).toBe("APPROVED");
      expect(initialStatus(base({ linkCount: 1000 }, { holdLinkCount: 0 })).status).toBe("APPROVED");
    });

    it("win over the first-guest-comment rule (reason)", () => {
      expect(initialStatus(base({ signedIn: false, linkCount: 4 }))).toEqual({ status: "PENDING", reason: "4 links" });
    });

    it("hold a previously approved guest too", () => {
      expect(initialStatus(base({ signedIn: false, guestPreviouslyApproved: true, linkCount: 3 })).status).toBe("PENDING");
    });
  });

  describe("guests", () => {
    it("are held on their first comment (no approved comment with this e-mail yet)", () => {
      expect(initialStatus(base({ signedIn: false, guestPreviouslyApproved: false }))).toEqual({
        status: "PENDING",
        reason: "first comment from this e-mail",
      });
    });

    it("are approved once an earlier comment with their e-mail was approved", () => {
      expect(initialStatus(base({ signedIn: false, guestPreviouslyApproved: true }))).toEqual({
        status: "APPROVED",
        reason: "previously approved e-mail",
      });
    });
  });

  it("signed-in readers are not subject to the guest rule", () => {
    expect(initialStatus(base({ signedIn: true, guestPreviouslyApproved: false }))).toEqual({
      status: "APPROVED",
      reason: "signed-in reader",
    });
  });

  it("hold and block words do not match inside other words", () => {
    const input = base({ texts: ["The scrapyard is unheld"] }, { holdWords: "crap, held", blockWords: "scrap" });
    expect(initialStatus(input).status).toBe("APPROVED");
  });
});

describe("statusAfterEdit", () => {
  const settings = { holdLinkCount: 3, holdWords: "casino", blockWords: "viagra" };
  const edit = (text: string, linkCount = 0) => statusAfterEdit({ settings, linkCount, texts: [text, "Ada", "ada@example.org"] });

  it("leaves a harmless edit alone", () => {
    expect(edit("A clearer way to put it.")).toBeNull();
    expect(edit("Two links", 2)).toBeNull();
  });

  it("sends an edit with a blocked word to the Trash and one with a held word or too many links to Pending", () => {
    expect(edit("Buy viagra here")).toEqual({ status: "TRASH", reason: "blocked word “viagra”" });
    expect(edit("Best casino bonus")).toEqual({ status: "PENDING", reason: "held word “casino”" });
    expect(edit("Links!", 3)).toEqual({ status: "PENDING", reason: "3 links" });
  });

  it("judges the writer's name and e-mail too, as a new comment's are", () => {
    expect(statusAfterEdit({ settings, linkCount: 0, texts: ["fine", "Casino King", "k@example.org"] })?.status).toBe("PENDING");
  });
});

describe("commentsClosed", () => {
  const published = new Date("2024-03-01T10:00:00.000Z");
  const open = { commentsOpen: true, publishedAt: published };
  const auto30 = { autoCloseEnabled: true, autoCloseDays: 30 };
  const noAuto = { autoCloseEnabled: false, autoCloseDays: 30 };

  it("is closed whenever the post's switch is off, whatever the settings", () => {
    expect(commentsClosed({ commentsOpen: false, publishedAt: published }, noAuto, published)).toBe(true);
    expect(commentsClosed({ commentsOpen: false, publishedAt: null }, noAuto, published)).toBe(true);
    expect(commentsClosed({ commentsOpen: false, publishedAt: published }, auto30, published)).toBe(true);
  });

  it("never closes automatically when auto-close is disabled", () => {
    expect(commentsClosed(open, noAuto, new Date(published.getTime() + 10_000 * DAY))).toBe(false);
  });

  it("does not auto-close an unpublished post (no publishedAt)", () => {
    expect(commentsClosed({ commentsOpen: true, publishedAt: null }, auto30, new Date(published.getTime() + 1000 * DAY))).toBe(
      false,
    );
  });

  it("closes exactly autoCloseDays after publication (open one millisecond before)", () => {
    const closesAt = published.getTime() + 30 * DAY;
    expect(commentsClosed(open, auto30, new Date(closesAt - 1))).toBe(false);
    expect(commentsClosed(open, auto30, new Date(closesAt))).toBe(true);
    expect(commentsClosed(open, auto30, new Date(closesAt + 1))).toBe(true);
    expect(commentsClosed(open, auto30, published)).toBe(false);
  });

  it("accepts publishedAt as an ISO string (serialized post)", () => {
    const post = { commentsOpen: true, publishedAt: published.toISOString() };
    expect(commentsClosed(post, auto30, new Date(published.getTime() + 30 * DAY - 1))).toBe(false);
    expect(commentsClosed(post, auto30, new Date(published.getTime() + 30 * DAY))).toBe(true);
  });

  it("uses the configured number of days", () => {
    const auto1 = { autoCloseEnabled: true, autoCloseDays: 1 };
    expect(commentsClosed(open, auto1, new Date(published.getTime() + DAY - 1))).toBe(false);
    expect(commentsClosed(open, auto1, new Date(published.getTime() + DAY))).toBe(true);
  });

  it("defaults `now` to the current time", () => {
    expect(commentsClosed({ commentsOpen: true, publishedAt: new Date(Date.now() - 31 * DAY) }, auto30)).toBe(true);
    expect(commentsClosed({ commentsOpen: true, publishedAt: new Date(Date.now() - 29 * DAY) }, auto30)).toBe(false);
  });
});

describe("withinEditWindow", () => {
  const created = new Date("2024-05-01T12:00:00.000Z");

  it("allows editing up to and including the last millisecond of the window", () => {
    expect(withinEditWindow(created, 15, created)).toBe(true);
    expect(withinEditWindow(created, 15, new Date(created.getTime() + 15 * MINUTE - 1))).toBe(true);
    expect(withinEditWindow(created, 15, new Date(created.getTime() + 15 * MINUTE))).toBe(true);
  });

  it("refuses editing after the window", () => {
    expect(withinEditWindow(created, 15, new Date(created.getTime() + 15 * MINUTE + 1))).toBe(false);
    expect(withinEditWindow(created, 15, new Date(created.getTime() + DAY))).toBe(false);
  });

  it("accepts createdAt as an ISO string", () => {
    expect(withinEditWindow(created.toISOString(), 15, new Date(created.getTime() + 15 * MINUTE))).toBe(true);
    expect(withinEditWindow(created.toISOString(), 15, new Date(created.getTime() + 15 * MINUTE + 1))).toBe(false);
  });

  it("with a 0-minute window allows only the very instant of creation", () => {
    expect(withinEditWindow(created, 0, created)).toBe(true);
    expect(withinEditWindow(created, 0, new Date(created.getTime() + 1))).toBe(false);
  });

  it("defaults `now` to the current time", () => {
    expect(withinEditWindow(new Date(Date.now() - 5 * MINUTE), 15)).toBe(true);
    expect(withinEditWindow(new Date(Date.now() - 16 * MINUTE), 15)).toBe(false);
  });
});

describe("form timing constants", () => {
  it("a person needs at least three seconds; a form is stale after a day", () => {
    expect(MIN_FILL_MS).toBe(3_000);
    expect(MAX_FORM_AGE_MS).toBe(24 * 60 * 60 * 1000);
    expect(MIN_FILL_MS).toBeLessThan(MAX_FORM_AGE_MS);
  });
});
