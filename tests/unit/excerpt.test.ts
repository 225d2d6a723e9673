import { describe, it, expect } from "vitest";
import { markdownToPlainText, makeExcerpt, EXCERPT_LENGTH } from "@/lib/posts/excerpt";

describe("markdownToPlainText", () => {
  it("removes fenced code blocks entirely (backticks and tildes)", () => {
    const md = "Before\n\n```ts\nconst secret = 1;\n```\n\nMiddle\n\n~~~\nmore code\n~~~\n\nAfter";
    const text = markdownToPlainText(md);
    expect(text).not.toContain("secret");
    expect(text).not.toContain("more code");
    expect(text).not.toContain("```");
    expect(text).not.toContain("~~~");
    expect(text.replace(/\s+/g, " ")).toBe("Before Middle After");
  });

  it("normalises Windows line endings before stripping code", () => {
    expect(markdownToPlainText("Before\r\n\r\n```\r\nhidden\r\n```\r\n\r\nAfter").replace(/\s+/g, " ")).toBe("Before After");
  });

  it("turns links into their text", () => {
    expect(markdownToPlainText("See [the docs](https://example.com/docs) now.")).toBe("See the docs now.");
    expect(markdownToPlainText('A [titled link](https://x.example "Title") here')).toBe("A titled link here");
  });

  it("turns images into their alt text", () => {
    expect(markdownToPlainText("An ![a red fox](/fox.png) appears.")).toBe("An a red fox appears.");
    expect(markdownToPlainText("![](/empty.png)Text")).toBe("Text");
  });

  it("strips heading markers", () => {
    const text = markdownToPlainText("# Title\n\n## Section\n\n###### Deep\n\nBody with a # inside");
    expect(text).not.toMatch(/^#/m);
    expect(text.replace(/\s+/g, " ")).toBe("Title Section Deep Body with a # inside");
  });

  it("strips emphasis, strong and strikethrough markers", () => {
    expect(markdownToPlainText("Some **bold**, *italic*, __strong__, _em_ and ~~gone~~ text.")).toBe(
      "Some bold, italic, strong, em and gone text.",
    );
  });

  it("keeps inline code text without backticks", () => {
    expect(markdownToPlainText("Run `npm test` first")).toBe("Run npm test first");
  });

  it("drops footnote references and definitions", () => {
    const text = markdownToPlainText("A claim.[^1] Another.[^note]\n\n[^1]: The source.\n[^note]: More.");
    expect(text).toBe("A claim. Another.");
  });

  it("strips blockquote and list markers, including task boxes", () => {
    const text = markdownToPlainText("> Quoted\n\n- one\n* two\n+ three\n1. first\n2) second\n- [x] done\n- [ ] todo");
    expect(text.split(/\n+/)).toEqual(["Quoted", "one", "two", "three", "first", "second", "done", "todo"]);
  });

  it("flattens tables to their cell text", () => {
    const text = markdownToPlainText("| Col A | Col B |\n| ----- | :---: |\n| a1 | b1 |");
    expect(text).not.toContain("|");
    expect(text).not.toContain("---");
    expect(text.replace(/\s+/g, " ").trim()).toBe("Col A Col B a1 b1");
  });

  it("removes raw HTML tags but keeps their text", () => {
    expect(markdownToPlainText("<div>raw <b>bold</b></div>").replace(/\s+/g, " ").trim()).toBe("raw bold");
  });

  it("collapses runs of spaces and blank lines and trims", () => {
    expect(markdownToPlainText("  a    b \n\n\n\n c  ")).toBe("a b\n\nc");
  });

  it("handles a whole essay", () => {
    const md = [
      "# Heading One",
      "",
      "Some **bold** text with `code`.",
      "",
      "```js",
      "alert('hidden');",
      "```",
      "",
      "A [link](https://example.com) and ![alt](/i.png).[^1]",
      "",
      "[^1]: Footnote.",
    ].join("\n");
    expect(markdownToPlainText(md).replace(/\s+/g, " ")).toBe("Heading One Some bold text with code. A link and alt.");
  });

  // Intraword underscores are not emphasis in CommonMark, and code is verbatim.
  it("keeps underscores inside identifiers and words", () => {
    expect(markdownToPlainText("Call `get_user_by_id` and snake_case_name.")).toBe("Call get_user_by_id and snake_case_name.");
  });
});

describe("makeExcerpt", () => {
  it("returns short text unchanged (as plain text, no ellipsis)", () => {
    expect(makeExcerpt("A **short** post.")).toBe("A short post.");
    expect(makeExcerpt("")).toBe("");
  });

  it("returns text of exactly the limit unchanged", () => {
    const text = "a".repeat(EXCERPT_LENGTH);
    expect(makeExcerpt(text)).toBe(text);
    expect(EXCERPT_LENGTH).toBe(220);
  });

  it("joins paragraphs into a single line", () => {
    expect(makeExcerpt("# Title\n\nFirst para.\n\nSecond para.")).toBe("Title First para. Second para.");
  });

  it("cuts at a word boundary and adds an ellipsis", () => {
    expect(makeExcerpt("alpha beta gamma delta", 12)).toBe("alpha beta…");
  });

  it("keeps a word that ends exactly at the limit", () => {
    expect(makeExcerpt("alpha beta gamma", 10)).toBe("alpha beta…");
  });

  it("drops trailing punctuation before the ellipsis", () => {
    expect(makeExcerpt("one two, three four", 9)).toBe("one two…");
    expect(makeExcerpt("First sentence. Second sentence goes on.", 16)).toBe("First sentence…");
  });

  it("hard-cuts when there is no space late enough", () => {
    expect(makeExcerpt("a".repeat(300))).toBe(`${"a".repeat(220)}…`);
    expect(makeExcerpt(`ab ${"c".repeat(50)}`, 20)).toBe(`ab ${"c".repeat(17)}…`);
  });

  it("produces default-length excerpts that never exceed the limit plus the ellipsis", () => {
    const words = Array.from({ length: 200 }, (_, i) => `word${i}`).join(" ");
    const excerpt = makeExcerpt(words);
    expect(excerpt.endsWith("…")).toBe(true);
    expect(excerpt.length).toBeLessThanOrEqual(EXCERPT_LENGTH + 1);
    expect(words.startsWith(excerpt.slice(0, -1))).toBe(true);
    expect(excerpt.slice(0, -1).endsWith(" ")).toBe(false);
    // The cut falls on a whole word.
    const lastWord = excerpt.slice(0, -1).split(" ").at(-1);
    expect(lastWord).toMatch(/^word\d+$/);
    expect(words.split(" ")).toContain(lastWord);
  });

  it("strips Markdown before measuring", () => {
    const md = `**${"x".repeat(5)}** [link](https://very-long-url.example/${"p".repeat(300)})`;
    expect(makeExcerpt(md, 20)).toBe("xxxxx link");
  });
});
