import { describe, expect, it } from "vitest";
import type { z } from "zod";
import {
  COMMENT_MAX,
  CommentBodySchema,
  CommentIdSchema,
  GuestSchema,
  LikeFieldSchema,
  NewCommentSchema,
} from "@/lib/comments/schema";
import { NOT_TEXT } from "@/lib/forms/schema";

/** The messages of a failed parse (throws when the parse succeeded). */
function messages(result: z.ZodSafeParseResult<unknown>): string[] {
  if (result.success) throw new Error(`expected a failure, got ${JSON.stringify(result.data)}`);
  return result.error.issues.map((i) => i.message);
}

const URL_MESSAGE = "Enter a web address starting with http:// or https://.";

describe("CommentBodySchema", () => {
  it("trims surrounding whitespace", () => {
    expect(CommentBodySchema.parse("  hello world \n\t ")).toBe("hello world");
  });

  it("turns CRLF and lone CR into LF", () => {
    expect(CommentBodySchema.parse("one\r\ntwo\rthree\nfour")).toBe("one\ntwo\nthree\nfour");
    expect(CommentBodySchema.parse("a\r\n\r\nb")).toBe("a\n\nb");
  });

  it("keeps inner whitespace and Markdown as written", () => {
    expect(CommentBodySchema.parse("  - item\n    - nested  \n\n```\ncode\n```")).toBe(
      "- item\n    - nested  \n\n```\ncode\n```",
    );
  });

  it("accepts a single character and exactly 10,000 characters", () => {
    expect(COMMENT_MAX).toBe(10_000);
    expect(CommentBodySchema.parse("x")).toBe("x");
    const max = "a".repeat(10_000);
    expect(CommentBodySchema.parse(max)).toBe(max);
  });

  it("counts the length after trimming and normalizing line breaks", () => {
    const max = "a".repeat(10_000);
    expect(CommentBodySchema.parse(`   ${max}\r\n\r\n`)).toBe(max);
    // 5,000 CRLF pairs are 10,000 characters before normalization, 5,000 after (plus the edges).
    const lines = `a${"\r\n".repeat(5_000)}b`;
    expect(lines.length).toBe(10_002);
    expect(CommentBodySchema.parse(lines)).toBe(`a${"\n".repeat(5_000)}b`);
  });

  it("refuses 10,001 characters with the length message", () => {
    expect(messages(CommentBodySchema.safeParse("a".repeat(10_001)))).toEqual(["Keep it under 10,000 characters."]);
  });

  it("refuses an empty or whitespace-only comment", () => {
    for (const blank of ["", " ", "\n\n", "\r\n\r\n", " \t \r \n "]) {
      expect(messages(CommentBodySchema.safeParse(blank)), JSON.stringify(blank)).toEqual(["Write a comment first."]);
    }
  });

  it("drops NUL bytes and other control characters, keeping tabs", () => {
    expect(CommentBodySchema.parse("a\u0000b\u0007c\td")).toBe("abc\td");
    expect(messages(CommentBodySchema.safeParse("\u0000 \u0000"))).toEqual(["Write a comment first."]);
  });

  it("counts the length after dropping NUL bytes", () => {
    const max = "a".repeat(10_000);
    expect(CommentBodySchema.parse(`${max}\u0000\u0000`)).toBe(max);
  });

  it("says a file is not text", () => {
    expect(messages(CommentBodySchema.safeParse(new File(["x"], "x.txt")))).toEqual([NOT_TEXT]);
  });

  it("refuses a non-string (missing form field)", () => {
    expect(messages(CommentBodySchema.safeParse(undefined))).toEqual(["Write a comment first."]);
    expect(messages(CommentBodySchema.safeParse(null))).toEqual(["Write a comment first."]);
    expect(CommentBodySchema.safeParse(42).success).toBe(false);
  });
});

describe("GuestSchema", () => {
  const guest = (over: Record<string, unknown> = {}) => ({ name: "Jane", email: "jane@example.org", ...over });

  describe("name", () => {
    it("is trimmed", () => {
      expect(GuestSchema.parse(guest({ name: "  Jane Doe  " })).name).toBe("Jane Doe");
    });

    it("accepts 1 and 100 characters", () => {
      expect(GuestSchema.parse(guest({ name: "J" })).name).toBe("J");
      expect(GuestSchema.parse(guest({ name: "n".repeat(100) })).name).toBe("n".repeat(100));
      expect(GuestSchema.parse(guest({ name: `  ${"n".repeat(100)}  ` })).name).toBe("n".repeat(100));
    });

    it("refuses empty, blank and missing names", () => {
      for (const name of ["", "   ", undefined]) {
        expect(messages(GuestSchema.safeParse(guest({ name }))), String(name)).toEqual(["Enter your name."]);
      }
    });

    it("refuses 101 characters", () => {
      expect(messages(GuestSchema.safeParse(guest({ name: "n".repeat(101) })))).toEqual(["Use at most 100 characters."]);
    });
  });

  describe("email", () => {
    it("is trimmed and lowercased", () => {
      expect(GuestSchema.parse(guest({ email: "  Jane.Doe@Example.ORG " })).email).toBe("jane.doe@example.org");
    });

    it("refuses invalid addresses", () => {
      for (const email of ["jane", "jane@", "@example.org", "jane@example", "jane doe@example.org", "jane@@example.org"]) {
        expect(messages(GuestSchema.safeParse(guest({ email }))), email).toEqual([
          "Enter a valid e-mail address, like name@example.com.",
        ]);
      }
    });

    it("refuses a missing or empty address", () => {
      expect(messages(GuestSchema.safeParse(guest({ email: "" })))).toEqual(["Enter your e-mail address."]);
      expect(messages(GuestSchema.safeParse({ name: "Jane" }))).toEqual(["Enter your e-mail address."]);
    });
  });

  describe("url", () => {
    it("is optional: missing or empty gives ''", () => {
      expect(GuestSchema.parse(guest()).url).toBe("");
      expect(GuestSchema.parse(guest({ url: "" })).url).toBe("");
      expect(GuestSchema.parse(guest({ url: "   " })).url).toBe("");
    });

    it("gets https:// when written without a scheme", () => {
      expect(GuestSchema.parse(guest({ url: "example.org" })).url).toBe("https://example.org");
      expect(GuestSchema.parse(guest({ url: "  www.example.org/about  " })).url).toBe("https://www.example.org/about");
    });

    it("keeps http and https addresses as written", () => {
      expect(GuestSchema.parse(guest({ url: "http://example.org" })).url).toBe("http://example.org");
      expect(GuestSchema.parse(guest({ url: "https://example.org/a?b=1#c" })).url).toBe("https://example.org/a?b=1#c");
      expect(GuestSchema.safeParse(guest({ url: "HTTPS://Example.org" })).success).toBe(true);
    });

    it("refuses 201 characters", () => {
      const url = `https://example.org/${"p".repeat(181)}`;
      expect(url.length).toBe(201);
      expect(messages(GuestSchema.safeParse(guest({ url })))).toEqual(["Use at most 200 characters."]);
    });

    // Every scheme other than http(s) must be refused with the form's message — not turned
    // into an https:// address by the "add a missing scheme" convenience.
    for (const url of [
      "javascript:alert(1)",
      "JavaScript:alert(document.cookie)",
      "javascript://example.org/%0aalert(1)",
      "data:text/html,<script>alert(1)</script>",
      "data:text/html;base64,PHNjcmlwdD4=",
      "ftp://example.org",
      "ftp://files.example.org/pub",
      "mailto:jane@example.org",
      "mailto:jane@example.org?subject=hi",
    ]) {
      it(`refuses ${url} with the message`, () => {
        const result = GuestSchema.safeParse(guest({ url }));
        expect(result.success ? result.data.url : null).toBeNull();
        expect(messages(result)).toEqual([URL_MESSAGE]);
      });
    }

    it("refuses addresses without a real host name", () => {
      for (const url of ["http://localhost", "https://", "not a url", "https://exa mple.org"]) {
        expect(messages(GuestSchema.safeParse(guest({ url }))), url).toEqual([URL_MESSAGE]);
      }
    });
  });
});

describe("NewCommentSchema", () => {
  const input = (over: Record<string, unknown> = {}) => ({ postId: "post_1", body: "Hello", ...over });

  it("maps a missing or empty parentId to null (a top-level comment)", () => {
    expect(NewCommentSchema.parse(input()).parentId).toBeNull();
    expect(NewCommentSchema.parse(input({ parentId: "" })).parentId).toBeNull();
  });

  it("reads decimal digits (form data) as numbers", () => {
    expect(NewCommentSchema.parse(input({ parentId: "12" })).parentId).toBe(12);
    expect(NewCommentSchema.parse(input({ parentId: "1" })).parentId).toBe(1);
    expect(NewCommentSchema.parse(input({ parentId: "2147483647" })).parentId).toBe(2_147_483_647);
  });

  it("refuses zero, negative, fractional, non-numeric and lenient-number ids, with the reply's message", () => {
    for (const parentId of [
      "0",
      "-1",
      "-3",
      -3,
      "1.5",
      2.5,
      7,
      "abc",
      "12abc",
      "1e3",
      "1e999",
      "0x10",
      " 7",
      "2147483648",
      "99999999999999999999",
    ]) {
      const result = NewCommentSchema.safeParse(input({ parentId }));
      expect(messages(result), String(parentId)).toEqual(["The comment you are replying to is no longer available."]);
    }
  });

  it("normalizes the body like CommentBodySchema", () => {
    const parsed = NewCommentSchema.parse(input({ body: "  a\r\nb  " }));
    expect(parsed).toEqual({ postId: "post_1", parentId: null, body: "a\nb" });
  });

  it("takes only ids the app generates as postId", () => {
    for (const postId of ["post\u0000", "a b", "../x", "%25", new File(["x"], "x.txt")]) {
      expect(messages(NewCommentSchema.safeParse(input({ postId }))), String(postId)).toEqual([
        "This essay is not open for comments.",
      ]);
    }
  });

  it("requires a postId of 1..64 characters and a body", () => {
    expect(NewCommentSchema.safeParse(input({ postId: "" })).success).toBe(false);
    expect(NewCommentSchema.safeParse(input({ postId: "p".repeat(65) })).success).toBe(false);
    expect(NewCommentSchema.safeParse(input({ postId: "p".repeat(64) })).success).toBe(true);
    expect(NewCommentSchema.safeParse({ postId: "post_1" }).success).toBe(false);
    expect(messages(NewCommentSchema.safeParse(input({ body: "  \r\n " })))).toEqual(["Write a comment first."]);
  });
});

describe("CommentIdSchema", () => {
  it("reads a comment id strictly", () => {
    expect(CommentIdSchema.parse({ commentId: "15" })).toEqual({ commentId: 15 });
    for (const commentId of ["1e3", "0x10", "-1", "2147483648", 15, null]) {
      expect(messages(CommentIdSchema.safeParse({ commentId })), String(commentId)).toEqual(["That is not a comment."]);
    }
  });
});

describe("LikeFieldSchema", () => {
  it("reads 1 as like and 0 as unlike", () => {
    expect(LikeFieldSchema.parse("1")).toBe(true);
    expect(LikeFieldSchema.parse("0")).toBe(false);
  });

  it("refuses anything else, missing included", () => {
    for (const value of ["", "2", "yes", "1\u0000", null, undefined]) {
      expect(messages(LikeFieldSchema.safeParse(value)), String(value)).toEqual([
        "Press Like or Unlike: this request asked for neither.",
      ]);
    }
  });
});

describe("GuestSchema and control characters", () => {
  it("drops NUL bytes and line breaks from the name and the website", () => {
    const parsed = GuestSchema.parse({
      name: "Gw\u0000en\nGuest",
      email: "g@example.org",
      url: "https://e2e.\u0000example/page",
    });
    expect(parsed).toMatchObject({ name: "Gwen Guest", url: "https://e2e.example/page" });
  });

  it("refuses an e-mail address with a NUL byte, and a file for any field", () => {
    expect(GuestSchema.safeParse({ name: "G", email: "g\u0000@example.org" }).success).toBe(false);
    const file = new File(["x"], "x.txt");
    const errors = GuestSchema.safeParse({ name: file, email: file, url: file }).error?.issues.map((i) => i.message);
    expect(errors).toEqual([NOT_TEXT, NOT_TEXT, NOT_TEXT]);
  });
});
