import { describe, it, expect } from "vitest";
import { renderEssay } from "@/lib/markdown/essay";
import { XSS_PAYLOADS, findUnsafeMarkup } from "./xss-corpus";

const html = async (markdown: string) => (await renderEssay(markdown)).html;

describe("renderEssay: GitHub-flavoured Markdown", () => {
  it("renders paragraphs, emphasis and strong", async () => {
    expect(await html("Plain *em* and **strong** text.")).toBe("<p>Plain <em>em</em> and <strong>strong</strong> text.</p>");
  });

  it("renders tables", async () => {
    const out = await html("| Name | Qty |\n| :--- | --: |\n| Apple | 3 |\n| Pear | 5 |");
    expect(out).toContain("<table>");
    expect(out).toMatch(/<thead>\s*<tr>\s*<th[^>]*>Name<\/th>\s*<th[^>]*>Qty<\/th>\s*<\/tr>\s*<\/thead>/);
    expect(out).toMatch(/<tbody>\s*<tr>\s*<td[^>]*>Apple<\/td>\s*<td[^>]*>3<\/td>\s*<\/tr>/);
    expect(out).toMatch(/<td[^>]*>Pear<\/td>/);
  });

  it("renders task lists as disabled checkboxes", async () => {
    const out = await html("- [x] done\n- [ ] todo");
    expect(out).toContain('<ul class="contains-task-list">');
    expect(out).toContain('<li class="task-list-item"><input type="checkbox" checked disabled> done</li>');
    expect(out).toContain('<li class="task-list-item"><input type="checkbox" disabled> todo</li>');
    const inputs = out.match(/<input[^>]*>/g) ?? [];
    expect(inputs).toHaveLength(2);
    for (const input of inputs) expect(input).toContain("disabled");
  });

  it("renders footnotes whose reference links point at the footnote's id", async () => {
    const out = await html("A claim.[^source]\n\n[^source]: Where it came from.");
    const ref = out.match(/<sup><a href="#([^"]+)" id="([^"]+)"[^>]*>1<\/a><\/sup>/);
    expect(ref).not.toBeNull();
    const [, targetId, refId] = ref!;
    expect(targetId).toBe("user-content-fn-source");
    // The footnote itself carries exactly that id (not prefixed twice by the sanitizer)…
    expect(out).toContain(`<li id="${targetId}">`);
    // …and its back-reference points at the reference's id.
    expect(out).toContain(`href="#${refId}"`);
    expect(out).toContain(`id="${refId}"`);
    expect(out).toContain("Where it came from.");
    expect(out).toContain('<section data-footnotes class="footnotes">');
  });

  it("renders strikethrough as <del>", async () => {
    expect(await html("~~gone~~ and ~also~")).toBe("<p><del>gone</del> and <del>also</del></p>");
  });

  it("turns bare URLs into links", async () => {
    expect(await html("See https://example.com/path?q=1 and www.example.org.")).toBe(
      '<p>See <a href="https://example.com/path?q=1">https://example.com/path?q=1</a> and <a href="http://www.example.org">www.example.org</a>.</p>',
    );
    expect(await html("<https://example.com>")).toBe('<p><a href="https://example.com">https://example.com</a></p>');
  });

  it("keeps ordinary links, relative links and mailto links", async () => {
    expect(await html("[a](https://a.example) [b](/about) [c](#top) [d](mailto:me@example.com)")).toBe(
      '<p><a href="https://a.example">a</a> <a href="/about">b</a> <a href="#top">c</a> <a href="mailto:me@example.com">d</a></p>',
    );
  });

  it("syntax-highlights fenced code that names a language", async () => {
    const out = await html("```ts\nconst answer: number = 42;\n```");
    expect(out).toContain('data-language="ts"');
    expect(out).toMatch(/<pre[^>]*data-language="ts"/);
    expect(out).toMatch(/style="[^"]*--shiki-light:#[0-9A-Fa-f]{6}/);
    expect(out).toMatch(/style="[^"]*--shiki-dark:#[0-9A-Fa-f]{6}/);
    // The code text survives, split into highlighted tokens.
    expect(out.replace(/<[^>]+>/g, "")).toBe("const answer: number = 42;");
  });

  it("renders fenced code without a language as plaintext", async () => {
    const out = await html("```\n1 < 2 && 3 > 2\n```");
    expect(out).toContain('data-language="plaintext"');
    expect(out).toContain("1 &#x3C; 2 &#x26;&#x26; 3 > 2");
  });

  it("gives headings ids and an appended anchor link", async () => {
    expect(await html("## Hello World")).toBe(
      '<h2 id="hello-world">Hello World<a class="heading-anchor" aria-hidden="true" tabindex="-1" href="#hello-world">#</a></h2>',
    );
  });

  it("de-duplicates heading ids", async () => {
    const out = await html("## Notes\n\n## Notes");
    expect(out).toContain('<h2 id="notes">');
    expect(out).toContain('<h2 id="notes-1">');
  });

  it("collects h2 and h3 headings into the table of contents", async () => {
    const { toc } = await renderEssay(
      "# Title\n\n## First *part*\n\ntext\n\n### A `detail`\n\n#### Too deep\n\n## Using C#\n\n## Notes\n\n## Notes",
    );
    expect(toc).toEqual([
      { id: "first-part", text: "First part", depth: 2 },
      { id: "a-detail", text: "A detail", depth: 3 },
      { id: "using-c", text: "Using C#", depth: 2 },
      { id: "notes", text: "Notes", depth: 2 },
      { id: "notes-1", text: "Notes", depth: 2 },
    ]);
  });

  it("never lets the anchor's # leak into toc text", async () => {
    const { toc } = await renderEssay("## One\n\n### Two\n\n## Three");
    expect(toc.map((e) => e.text)).toEqual(["One", "Two", "Three"]);
    for (const entry of toc) expect(entry.text.endsWith("#")).toBe(false);
  });

  it("returns an empty toc when there are no h2/h3 headings", async () => {
    expect((await renderEssay("# Only a title\n\nBody.")).toc).toEqual([]);
  });

  it("keeps image alt text and loads images lazily", async () => {
    expect(await html('![A red fox](https://img.example/fox.jpg "Fox")')).toBe(
      '<p><img src="https://img.example/fox.jpg" alt="A red fox" title="Fox" loading="lazy" decoding="async"></p>',
    );
    expect(await html("![Local](/uploads/a.png)")).toContain('<img src="/uploads/a.png" alt="Local" loading="lazy"');
  });

  it("renders blockquotes", async () => {
    expect(await html("> Quoted *words*")).toBe("<blockquote>\n<p>Quoted <em>words</em></p>\n</blockquote>");
  });

  it("renders ordered and unordered lists", async () => {
    expect(await html("1. one\n2. two")).toBe("<ol>\n<li>one</li>\n<li>two</li>\n</ol>");
    expect(await html("- a\n- b")).toBe("<ul>\n<li>a</li>\n<li>b</li>\n</ul>");
  });
});

describe("renderEssay: word count and reading time", () => {
  it("counts words of the prose, not of code or markup", async () => {
    const md = "# A title\n\nOne **two** [three](https://x.example) four.\n\n```js\nnot counted at all\n```";
    const result = await renderEssay(md);
    expect(result.wordCount).toBe(6);
    expect(result.readingMinutes).toBe(1);
  });

  it("gives an empty essay one minute and no words", async () => {
    const result = await renderEssay("");
    expect(result).toEqual({ html: "", toc: [], wordCount: 0, readingMinutes: 1 });
  });

  it("computes minutes at 230 words per minute", async () => {
    const words = (n: number) => Array.from({ length: n }, (_, i) => `w${i}`).join(" ");
    expect((await renderEssay(words(460))).readingMinutes).toBe(2);
    expect((await renderEssay(words(1000))).wordCount).toBe(1000);
    expect((await renderEssay(words(1000))).readingMinutes).toBe(4);
  });
});

describe("renderEssay: safety", () => {
  it("drops <script> elements and their content", async () => {
    const out = await html("Before\n\n<script>alert(1)</script>\n\nAfter <script>alert(2)</script> inline");
    expect(out).not.toMatch(/<script/i);
    expect(out).not.toContain("&#x3C;script");
    expect(out).not.toContain("alert(1)");
    expect(out).toContain("<p>Before</p>");
  });

  it("drops javascript: link targets", async () => {
    const out = await html("[x](javascript:alert(1))");
    expect(out).not.toMatch(/javascript:/i);
    expect(out).toBe("<p><a>x</a></p>");
  });

  it("drops raw <img> with event handlers", async () => {
    const out = await html("<img src=x onerror=alert(1)>");
    expect(out).not.toMatch(/onerror/i);
    expect(out).not.toMatch(/<img/i);
  });

  it("drops onclick from raw anchors", async () => {
    const out = await html('<a href="#" onclick="x">c</a>');
    expect(out).not.toMatch(/onclick/i);
  });

  it("drops javascript: image sources", async () => {
    const out = await html("![a](javascript:alert(1))");
    expect(out).not.toMatch(/javascript:/i);
    expect(out).toBe('<p><img alt="a" loading="lazy" decoding="async"></p>');
  });

  it("drops data: URLs from links", async () => {
    const out = await html("[x](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)");
    expect(out).not.toMatch(/data:/i);
    expect(out).toBe("<p><a>x</a></p>");
  });

  it("drops iframes and style elements", async () => {
    const out = await html('<iframe src="https://evil.example"></iframe>\n\n<style>body { display: none }</style>\n\nText');
    expect(out).not.toMatch(/<iframe/i);
    expect(out).not.toMatch(/<style/i);
    expect(out).not.toContain("display: none");
    expect(out).toBe("<p>Text</p>");
  });

  it("the safety checker itself flags unsafe markup", () => {
    const opts = { allowImages: true, allowRelativeUrls: true };
    expect(findUnsafeMarkup('<a href="javascript:alert(1)">x</a>', opts)).not.toEqual([]);
    expect(findUnsafeMarkup('<a href="&#x6A;avascript:alert(1)">x</a>', opts)).not.toEqual([]);
    expect(findUnsafeMarkup('<img src="x" onerror="alert(1)">', opts)).not.toEqual([]);
    expect(findUnsafeMarkup('<img src="data:image/svg+xml,x">', opts)).not.toEqual([]);
    expect(findUnsafeMarkup("<svg></svg>", opts)).not.toEqual([]);
    expect(findUnsafeMarkup('<noscript><p title="</noscript><img src=x onerror=alert(1)>"></noscript>', opts)).not.toEqual([]);
    expect(findUnsafeMarkup('<div style="background:url(javascript:alert(1))">x</div>', opts)).not.toEqual([]);
    expect(findUnsafeMarkup("<!--><script>alert(1)</script>-->", opts)).not.toEqual([]);
    expect(findUnsafeMarkup('<a href="//evil.example">x</a>', { ...opts, allowRelativeUrls: false })).not.toEqual([]);
    expect(findUnsafeMarkup('<span style="--shiki-light:#D73A49;--shiki-dark:#F97583">x</span>', opts)).toEqual([]);
    expect(findUnsafeMarkup('<p title="x&#x22; onclick=&#x22;y">ok</p>', opts)).toEqual([]);
    expect(findUnsafeMarkup('<p>&#x3C;a href="javascript:x"></p>', opts)).toEqual([]);
  });

  describe(`XSS corpus (${XSS_PAYLOADS.length} payloads)`, () => {
    it.each(XSS_PAYLOADS.map((payload) => [JSON.stringify(payload), payload]))("renders %s safely", async (_label, payload) => {
      const result = await renderEssay(payload);
      expect(findUnsafeMarkup(result.html, { allowImages: true, allowRelativeUrls: true })).toEqual([]);
    });
  });
});
