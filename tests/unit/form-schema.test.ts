import { describe, expect, it } from "vitest";
import {
  cleanLine,
  cleanMultiline,
  hasControlCharacters,
  INT_ID_MAX,
  intId,
  keyId,
  lineText,
  multilineText,
  NOT_TEXT,
  parseIntId,
} from "@/lib/forms/schema";
import { routeKey } from "@/lib/http/route-param";

const aFile = () => new File(["hello"], "note.txt", { type: "text/plain" });

describe("cleanMultiline", () => {
  it("normalizes line breaks and drops NUL and other control characters, keeping tabs", () => {
    expect(cleanMultiline("a\r\nb\rc\nd")).toBe("a\nb\nc\nd");
    expect(cleanMultiline("before\u0000after")).toBe("beforeafter");
    expect(cleanMultiline("bell\u0007 esc\u001b del\u007f")).toBe("bell esc del");
    expect(cleanMultiline("col\tumn")).toBe("col\tumn");
  });

  it("keeps the replacement character that invalid UTF-8 became, and every other character", () => {
    expect(cleanMultiline("ok \uFFFD\uFFFD!")).toBe("ok \uFFFD\uFFFD!");
    expect(cleanMultiline("Ünïcödé — “quotes” 😀 \u00a0")).toBe("Ünïcödé — “quotes” 😀 \u00a0");
  });
});

describe("cleanLine", () => {
  it("turns each tab and line break (CRLF as one) into a space and drops other control characters", () => {
    expect(cleanLine("Nu\u0000la\r\nNight")).toBe("Nula Night");
    expect(cleanLine("a\tb\nc\rd")).toBe("a b c d");
    expect(cleanLine("\u0000\u0001\u001f")).toBe("");
  });
});

describe("hasControlCharacters", () => {
  it("finds NUL and the like, not tabs, line breaks or ordinary text", () => {
    expect(hasControlCharacters("a\u0000b")).toBe(true);
    expect(hasControlCharacters("a\u007fb")).toBe(true);
    expect(hasControlCharacters("a\tb\nc\r")).toBe(false);
    expect(hasControlCharacters("%25 ümlaut")).toBe(false);
  });
});

describe("lineText and multilineText", () => {
  const name = lineText("Enter your name.").trim().min(1, { error: "Enter your name." }).max(5, { error: "Too long." });

  it("clean before their own checks: NUL bytes count for nothing", () => {
    expect(name.parse(" A\u0000b ")).toBe("Ab");
    expect(name.safeParse("\u0000\u0000").error?.issues[0]?.message).toBe("Enter your name.");
    expect(name.parse("ab\u0000\u0000\u0000\u0000cd")).toBe("abcd");
  });

  it("say what is missing, that a file is not text, and leave the checks' messages alone", () => {
    expect(name.safeParse(undefined).error?.issues[0]?.message).toBe("Enter your name.");
    expect(name.safeParse(null).error?.issues[0]?.message).toBe("Enter your name.");
    expect(name.safeParse(aFile()).error?.issues[0]?.message).toBe(NOT_TEXT);
    expect(name.safeParse("abcdef").error?.issues[0]?.message).toBe("Too long.");
  });

  it("multilineText keeps line breaks", () => {
    expect(multilineText().parse("one\u0000\r\ntwo")).toBe("one\ntwo");
  });
});

describe("intId", () => {
  const id = intId("That is not a comment.");

  it("reads decimal digits within the database's integer range", () => {
    expect(id.parse("1")).toBe(1);
    expect(id.parse("42")).toBe(42);
    expect(id.parse(String(INT_ID_MAX))).toBe(2_147_483_647);
  });

  it("refuses everything a lenient number parser would take", () => {
    for (const raw of [
      "",
      "0",
      "01",
      "-1",
      "+1",
      "1e3",
      "1e999",
      "0x10",
      "0b1",
      "1.5",
      "1.0",
      " 7",
      "7 ",
      "１２",
      "Infinity",
      "NaN",
      "abc",
      "1\u0000",
    ]) {
      expect(id.safeParse(raw).error?.issues[0]?.message, JSON.stringify(raw)).toBe("That is not a comment.");
    }
  });

  it("refuses ids past the database's integer, and past any integer", () => {
    expect(id.safeParse("2147483648").success).toBe(false);
    expect(id.safeParse("9007199254740993").success).toBe(false);
    expect(id.safeParse("99999999999999999999").success).toBe(false);
  });

  it("refuses what is not text: a number, null, a file", () => {
    for (const raw of [5, null, undefined, aFile()]) {
      expect(id.safeParse(raw).error?.issues[0]?.message).toBe("That is not a comment.");
    }
  });

  it("parseIntId answers null for anything that is not an id", () => {
    expect(parseIntId("12")).toBe(12);
    expect(parseIntId("1e3")).toBeNull();
    expect(parseIntId(undefined)).toBeNull();
    expect(parseIntId(["12"])).toBeNull();
  });
});

describe("keyId", () => {
  const postId = keyId("This post no longer exists.");

  it("takes the ids the app generates", () => {
    expect(postId.parse("cmx94p2j50002k47do97vop21")).toBe("cmx94p2j50002k47do97vop21");
  });

  it("refuses NUL, spaces, other characters, nothing and too much", () => {
    for (const raw of ["", "a\u0000", "a b", "a/b", "%25", "ü", "x".repeat(65)]) {
      expect(postId.safeParse(raw).error?.issues[0]?.message, JSON.stringify(raw)).toBe("This post no longer exists.");
    }
    expect(postId.safeParse(aFile()).success).toBe(false);
  });
});

describe("routeKey", () => {
  it("takes a segment as Next hands it, without decoding it again", () => {
    expect(routeKey("my-essay")).toBe("my-essay");
    expect(routeKey("%")).toBe("%");
    expect(routeKey("%25")).toBe("%25");
    expect(routeKey("café")).toBe("café");
  });

  it("refuses what cannot name anything: nothing, control characters, more than any key", () => {
    for (const segment of [undefined, "", "a\u0000b", "a\nb", "a\tb", "x".repeat(201)]) {
      expect(routeKey(segment), JSON.stringify(segment)).toBeNull();
    }
    expect(routeKey("x".repeat(200))).toBe("x".repeat(200));
  });
});
