import { describe, it, expect } from "vitest";
import { renderComment, countLinks } from "@/lib/markdown/comment";
import { XSS_PAYLOADS, findUnsafeMarkup } from "./xss-corpus";

const REL = 'rel="nofollow ugc noopener"';

describe("renderComment: the allowed subset", () => {
  it("renders emphasis and strong", async () => {
    expect(await renderComment("*em*, _also em_ and **strong**")).toBe(
      "<p><em>em</em>, <em>also em</em> and <strong>strong</strong></p>",
    );
  });

  it("renders links as user-generated, nofollow, noopener", async () => {
    expect(await renderComment("[my site](https://example.com/a?b=1&c=2)")).toBe(
      `<p><a href="https://example.com/a?b=1&#x26;c=2" ${REL}>my site</a></p>`,
    );
  });

  it("marks autolinked URLs and emails the same way", async () => {
    expect(await renderComment("see https://example.com")).toBe(
      `<p>see <a href="https://example.com" ${REL}>https://example.com</a></p>`,
    );
    expect(await renderComment("<me@example.com>")).toBe(`<p><a href="mailto:me@example.com" ${REL}>me@example.com</a></p>`);
  });

  it("drops link titles (the attribute is not allowed)", async () => {
    expect(await renderComment('[a](https://x.example "Title")')).toBe(`<p><a href="https://x.example" ${REL}>a</a></p>`);
  });

  it("renders inline code, escaping its content", async () => {
    expect(await renderComment("use `a < b && c` here")).toBe("<p>use <code>a &#x3C; b &#x26;&#x26; c</code> here</p>");
  });

  it("renders fenced code as <pre><code> without language classes", async () => {
    expect(await renderComment("```js\nif (a < b) run();\n```")).toBe("<pre><code>if (a &#x3C; b) run();\n</code></pre>");
  });

  it("renders blockquotes", async () => {
    expect(await renderComment("> You said *this*")).toBe("<blockquote>\n<p>You said <em>this</em></p>\n</blockquote>");
  });

  it("renders unordered and ordered lists (keeping the start number)", async () => {
    expect(await renderComment("- a\n- b")).toBe("<ul>\n<li>a</li>\n<li>b</li>\n</ul>");
    expect(await renderComment("1. a\n2. b")).toBe("<ol>\n<li>a</li>\n<li>b</li>\n</ol>");
    expect(await renderComment("3. c\n4. d")).toBe('<ol start="3">\n<li>c</li>\n<li>d</li>\n</ol>');
  });

  it("renders strikethrough only with double tildes", async () => {
    expect(await renderComment("~~gone~~ but ~kept~")).toBe("<p><del>gone</del> but ~kept~</p>");
  });

  it("renders hard line breaks and thematic breaks", async () => {
    expect(await renderComment("line one  \nline two")).toBe("<p>line one<br>\nline two</p>");
    expect(await renderComment("above\n\n---\n\nbelow")).toBe("<p>above</p>\n<hr>\n<p>below</p>");
  });
});

describe("renderComment: what falls outside the subset", () => {
  it("turns ATX headings of every level into paragraphs", async () => {
    for (let level = 1; level <= 6; level++) {
      const out = await renderComment(`${"#".repeat(level)} Big *news*`);
      expect(out).toBe("<p>Big <em>news</em></p>");
    }
  });

  it("turns setext headings into paragraphs", async () => {
    const out = await renderComment("Title\n=====\n\nSub\n---");
    expect(out).not.toMatch(/<h[1-6]/i);
    expect(out).toBe("<p>Title</p>\n<p>Sub</p>");
  });

  it("turns images into links to the image, labelled with the alt text", async () => {
    const out = await renderComment("![a cat](https://img.example/cat.png)");
    expect(out).toBe(`<p><a href="https://img.example/cat.png" ${REL}>a cat</a></p>`);
    expect(out).not.toMatch(/<img/i);
  });

  it("labels an image link with its URL when there is no alt text", async () => {
    expect(await renderComment("![](https://img.example/cat.png)")).toBe(
      `<p><a href="https://img.example/cat.png" ${REL}>https://img.example/cat.png</a></p>`,
    );
  });

  it("shows inline raw HTML as literal text", async () => {
    const out = await renderComment("say <b>hi</b> there");
    expect(out).toBe("<p>say &#x3C;b>hi&#x3C;/b> there</p>");
    expect(out).not.toMatch(/<b>/i);
  });

  it("shows block raw HTML as literal text", async () => {
    const out = await renderComment('<div class="x">hi</div>');
    expect(out).not.toMatch(/<div/i);
    expect(out).toContain('&#x3C;div class="x">hi&#x3C;/div>');
  });

  it("does not render tables as tables", async () => {
    const out = await renderComment("| a | b |\n|---|---|\n| 1 | 2 |");
    expect(out).not.toMatch(/<(table|thead|tbody|tr|td|th)\b/i);
  });

  it("does not render task-list checkboxes", async () => {
    const out = await renderComment("- [x] done");
    expect(out).not.toMatch(/<input/i);
    expect(out).toContain("done");
  });

  it("never emits ids or classes", async () => {
    const out = await renderComment("## Heading\n\n```ts\nx\n```\n\n- [ ] task\n\nText[^1]\n\n[^1]: note");
    expect(out).not.toMatch(/\s(id|class)="/);
  });

  // The schema's own contract is "links only to http(s) and mailto", but hast-util-sanitize
  // lets any URL without a scheme through, whatever `protocols` says.
  it("links only to http(s) and mailto URLs (no relative, protocol-relative or fragment links)", async () => {
    const out = await renderComment("[a](/admin) [b](//elsewhere.example/p) [c](#top) ![d](/img.png)");
    expect(findUnsafeMarkup(out, { allowImages: false, allowRelativeUrls: false })).toEqual([]);
  });

  // An image inside a link became a link inside a link: invalid HTML that browsers repair by
  // closing the outer <a> early, so the outer link loses its text.
  it("does not nest links when an image sits inside a link", async () => {
    const out = await renderComment("[![logo](https://img.example/logo.png)](https://example.com)");
    expect(out).not.toMatch(/<a\b[^>]*>(?:(?!<\/a>).)*<a\b/s);
    expect(out).toContain('href="https://example.com"');
  });

  // Footnotes are not part of the comment subset. GFM still parses them, and remark-rehype
  // emits `href="#user-content-fn-1"`: the comment's ids are stripped, so on a post page the
  // link jumps to the *essay's* footnote 1 instead. Comments should only link to http(s)/mailto.
  it("does not produce in-page footnote links", async () => {
    const out = await renderComment("A claim[^1]\n\n[^1]: my source");
    expect(findUnsafeMarkup(out, { allowImages: false, allowRelativeUrls: false })).toEqual([]);
    expect(out).not.toContain('href="#');
  });
});

describe("countLinks", () => {
  it("counts anchors in rendered comment HTML", async () => {
    const out = await renderComment(
      "[a](https://a.example), https://b.example and <c@d.example>; ![img](https://e.example/x.png)",
    );
    expect(countLinks(out)).toBe(4);
  });

  it("is zero for a comment without links", async () => {
    expect(countLinks(await renderComment("just *words*"))).toBe(0);
    expect(countLinks("")).toBe(0);
  });

  it("does not count raw HTML anchors shown as text", async () => {
    const out = await renderComment('<a href="https://x.example">x</a> and <a href="https://y.example">y</a>');
    expect(countLinks(out)).toBe(0);
  });

  it("does not count other tags starting with a", () => {
    expect(countLinks('<abbr title=x>a</abbr><aside>b</aside><a href="https://x">c</a>')).toBe(1);
  });
});

describe(`renderComment: XSS corpus (${XSS_PAYLOADS.length} payloads)`, () => {
  it("has at least 60 payloads", () => {
    expect(XSS_PAYLOADS.length).toBeGreaterThanOrEqual(60);
    expect(new Set(XSS_PAYLOADS).size).toBe(XSS_PAYLOADS.length);
  });

  it.each(XSS_PAYLOADS.map((payload) => [JSON.stringify(payload), payload]))("renders %s safely", async (_label, payload) => {
    const out = await renderComment(payload);
    expect(findUnsafeMarkup(out, { allowImages: false, allowRelativeUrls: false })).toEqual([]);
  });

  it("every link in the corpus output carries the UGC rel", async () => {
    for (const payload of XSS_PAYLOADS) {
      const out = await renderComment(payload);
      for (const anchor of out.match(/<a\b[^>]*>/g) ?? []) {
        expect(anchor, payload).toContain(REL);
      }
    }
  });
});
