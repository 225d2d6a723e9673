import { describe, expect, it } from "vitest";
import { escapeXml, renderAtom, type AtomEntry, type AtomFeed } from "@/lib/seo/feed";
import { assertXmlChars, child, childrenNamed, parseXml, textOf, XmlError } from "../support/xml";

const entry = (over: Partial<AtomEntry> = {}): AtomEntry => ({
  id: "https://blog.example/posts/hello",
  url: "https://blog.example/posts/hello",
  title: "Hello",
  summary: "A summary.",
  html: "<p>Hello <strong>world</strong></p>",
  published: "2026-01-01T12:00:00.000Z",
  updated: "2026-01-02T12:00:00.000Z",
  authorName: "Alice",
  authorUrl: "https://blog.example/authors/alice",
  categories: ["Essays"],
  ...over,
});

const feed = (over: Partial<AtomFeed> = {}): AtomFeed => ({
  title: "Hearth",
  subtitle: "Essays and the conversations under them.",
  siteUrl: "https://blog.example",
  feedUrl: "https://blog.example/feed.xml",
  updated: "2026-01-02T12:00:00.000Z",
  entries: [entry()],
  ...over,
});

/** Every character XML 1.0 forbids among the BMP code units escapeXml is meant to drop. */
const FORBIDDEN = [
  ...Array.from({ length: 9 }, (_, i) => i), // U+0000–U+0008
  0x0b,
  0x0c,
  ...Array.from({ length: 0x20 - 0x0e }, (_, i) => 0x0e + i), // U+000E–U+001F
  0xfffe,
  0xffff,
].map((code) => String.fromCharCode(code));

describe("the XML checker used by these tests", () => {
  it("rejects what is not well-formed", () => {
    for (const bad of [
      "<a>",
      "<a></b>",
      "<a><b></a></b>",
      "<a>x & y</a>",
      "<a>x < y</a>",
      "<a>&nbsp;</a>",
      '<a b="1" b="2"/>',
      "<a b=1/>",
      '<a b="<"/>',
      "<a/><b/>",
      "<a>\u0001</a>",
      "<a>&#1;</a>",
    ]) {
      expect(() => parseXml(bad), bad).toThrow(XmlError);
    }
  });

  it("accepts and decodes what is", () => {
    const doc = parseXml(
      '<?xml version="1.0" encoding="utf-8"?>\n<a x="&quot;1&quot;"><b>&lt;i&gt; &amp; &#233;&#x41;</b><c/></a>\n',
    );
    expect(doc.attrs.x).toBe('"1"');
    expect(textOf(child(doc, "b"))).toBe("<i> & éA");
    expect(childrenNamed(doc, "c")).toHaveLength(1);
  });
});

describe("escapeXml", () => {
  it("escapes the five special characters", () => {
    expect(escapeXml(`<a href="x">Tom & Jerry's</a>`)).toBe("&lt;a href=&quot;x&quot;&gt;Tom &amp; Jerry&apos;s&lt;/a&gt;");
  });

  it("escapes ampersands first, so entities in the input are kept literally", () => {
    expect(escapeXml("&lt;")).toBe("&amp;lt;");
    expect(escapeXml("&amp;")).toBe("&amp;amp;");
    expect(escapeXml("&#60;")).toBe("&amp;#60;");
  });

  it("leaves ordinary text, tabs, newlines and non-ASCII alone", () => {
    const text = "Café — naïve 日本語 🔥\tline\nnext\r\nend";
    expect(escapeXml(text)).toBe(text);
    expect(escapeXml("")).toBe("");
  });

  it("drops every character XML 1.0 forbids", () => {
    for (const ch of FORBIDDEN) {
      const out = escapeXml(`a${ch}b`);
      expect(out, `U+${ch.charCodeAt(0).toString(16)}`).toBe("ab");
    }
    const all = escapeXml(`x${FORBIDDEN.join("")}y`);
    expect(all).toBe("xy");
    expect(() => assertXmlChars(all)).not.toThrow();
  });

  it("keeps characters just outside the forbidden ranges", () => {
    expect(escapeXml("\u0020\u007f\u0085\ud7ff\ue000\ufffd")).toBe("\u0020\u007f\u0085\ud7ff\ue000\ufffd");
  });

  it("always yields text that parses back to the input (minus forbidden characters)", () => {
    const input = `1 < 2 && 3 > 2; "quotes" and 'apostrophes' ]]> \u0000 done`;
    const doc = parseXml(`<t a="${escapeXml(input)}">${escapeXml(input)}</t>`);
    const expected = input.replace("\u0000", "");
    expect(textOf(doc)).toBe(expected);
    expect(doc.attrs.a).toBe(expected);
  });
});

describe("renderAtom", () => {
  it("produces a well-formed Atom 1.0 document", () => {
    const xml = renderAtom(feed());
    expect(xml.startsWith('<?xml version="1.0" encoding="utf-8"?>\n')).toBe(true);
    const doc = parseXml(xml);
    expect(doc.name).toBe("feed");
    expect(doc.attrs.xmlns).toBe("http://www.w3.org/2005/Atom");
    expect(textOf(child(doc, "title"))).toBe("Hearth");
    expect(textOf(child(doc, "subtitle"))).toBe("Essays and the conversations under them.");
    expect(textOf(child(doc, "id"))).toBe("https://blog.example/");
    expect(textOf(child(doc, "updated"))).toBe("2026-01-02T12:00:00.000Z");
    expect(textOf(child(doc, "generator"))).toBe("Hearth");
    const links = childrenNamed(doc, "link").map((l) => l.attrs);
    expect(links).toEqual([
      { rel: "alternate", type: "text/html", href: "https://blog.example/" },
      { rel: "self", type: "application/atom+xml", href: "https://blog.example/feed.xml" },
    ]);
    expect(childrenNamed(doc, "entry")).toHaveLength(1);
  });

  it("writes every entry's fields", () => {
    const doc = parseXml(
      renderAtom(
        feed({
          entries: [
            entry({ categories: ["Essays", "Craft"] }),
            entry({ id: "https://blog.example/posts/two", url: "https://blog.example/posts/two", title: "Two", categories: [] }),
          ],
        }),
      ),
    );
    const [one, two] = childrenNamed(doc, "entry");
    if (!one || !two) throw new Error("entries missing");
    expect(textOf(child(one, "id"))).toBe("https://blog.example/posts/hello");
    expect(textOf(child(one, "title"))).toBe("Hello");
    expect(child(one, "link").attrs).toEqual({ rel: "alternate", type: "text/html", href: "https://blog.example/posts/hello" });
    expect(textOf(child(one, "published"))).toBe("2026-01-01T12:00:00.000Z");
    expect(textOf(child(one, "updated"))).toBe("2026-01-02T12:00:00.000Z");
    const author = child(one, "author");
    expect(textOf(child(author, "name"))).toBe("Alice");
    expect(textOf(child(author, "uri"))).toBe("https://blog.example/authors/alice");
    expect(childrenNamed(one, "category").map((c) => c.attrs.term)).toEqual(["Essays", "Craft"]);
    expect(textOf(child(one, "summary"))).toBe("A summary.");
    expect(child(one, "content").attrs).toEqual({ type: "html" });
    expect(textOf(child(two, "title"))).toBe("Two");
    expect(childrenNamed(two, "category")).toEqual([]);
  });

  it('carries the full HTML, escaped, in <content type="html">', () => {
    const html = [
      '<h2 id="intro">Intro<a href="#intro" class="heading-anchor" aria-hidden="true" tabindex="-1">#</a></h2>',
      "<p>Fish &amp; chips &lt;3 — “quoted” &#x26; <em>more</em></p>",
      '<pre><code><span style="--shiki-light:#D73A49">if</span> (a &lt; b &amp;&amp; c &gt; d) {}</code></pre>',
      '<p><img src="/u/a.png" alt="A &quot;picture&quot;" loading="lazy"></p>',
      "<p>]]&gt; and ]]> inside</p>",
    ].join("\n");
    const xml = renderAtom(feed({ entries: [entry({ html })] }));
    const content = child(child(parseXml(xml), "entry"), "content");
    // The content element holds text only: the HTML is escaped, never inlined as XML elements.
    expect(content.children.every((c) => typeof c === "string")).toBe(true);
    expect(textOf(content)).toBe(html);
    // Entities in the HTML are escaped once more.
    expect(xml).toContain("Fish &amp;amp; chips &amp;lt;3");
    expect(xml).toContain("&lt;h2 id=&quot;intro&quot;&gt;");
    expect(xml).not.toContain("<h2");
    expect(xml).not.toContain("]]>");
  });

  it("escapes markup and ampersands in titles, names, summaries, categories and URLs", () => {
    const hostile = `</title><script>alert("x")</script> & <b>bold</b> 'n' "q"`;
    const xml = renderAtom(
      feed({
        title: `Tom & Jerry's <blog>`,
        subtitle: hostile,
        siteUrl: "https://blog.example/?a=1&b=2",
        feedUrl: 'https://blog.example/feed.xml?x="y"',
        entries: [
          entry({
            id: "https://blog.example/posts/a?x=1&y=2",
            url: 'https://blog.example/posts/a?x=1&y="2"',
            title: hostile,
            summary: "1 < 2 & 3 > 2",
            authorName: "O'Brien & <Sons>",
            authorUrl: "https://blog.example/authors/o'brien?&",
            categories: ['C & "D"', "<e>"],
          }),
        ],
      }),
    );
    expect(xml).not.toContain("<script");
    expect(xml).not.toContain("<b>");
    expect(xml).not.toContain("<blog>");
    expect(xml).not.toMatch(/&(?!(amp|lt|gt|quot|apos);)/);
    const doc = parseXml(xml);
    expect(textOf(child(doc, "title"))).toBe(`Tom & Jerry's <blog>`);
    expect(textOf(child(doc, "subtitle"))).toBe(hostile);
    expect(textOf(child(doc, "id"))).toBe("https://blog.example/?a=1&b=2/");
    expect(childrenNamed(doc, "link")[1]?.attrs.href).toBe('https://blog.example/feed.xml?x="y"');
    const e = child(doc, "entry");
    expect(textOf(child(e, "id"))).toBe("https://blog.example/posts/a?x=1&y=2");
    expect(child(e, "link").attrs.href).toBe('https://blog.example/posts/a?x=1&y="2"');
    expect(textOf(child(e, "title"))).toBe(hostile);
    expect(textOf(child(e, "summary"))).toBe("1 < 2 & 3 > 2");
    expect(textOf(child(child(e, "author"), "name"))).toBe("O'Brien & <Sons>");
    expect(textOf(child(child(e, "author"), "uri"))).toBe("https://blog.example/authors/o'brien?&");
    expect(childrenNamed(e, "category").map((c) => c.attrs.term)).toEqual(['C & "D"', "<e>"]);
  });

  it("stays well-formed when text contains characters XML forbids", () => {
    const dirty = `Bad\u0000 \u0008title\u000b\u001f\ufffe\uffff`;
    const xml = renderAtom(
      feed({
        title: dirty,
        entries: [entry({ title: dirty, summary: dirty, html: `<p>${dirty}</p>`, authorName: dirty, categories: [dirty] })],
      }),
    );
    const doc = parseXml(xml);
    expect(textOf(child(doc, "title"))).toBe("Bad title");
    const e = child(doc, "entry");
    expect(textOf(child(e, "title"))).toBe("Bad title");
    expect(textOf(child(e, "content"))).toBe("<p>Bad title</p>");
    expect(childrenNamed(e, "category")[0]?.attrs.term).toBe("Bad title");
  });

  it("renders a feed without entries", () => {
    const doc = parseXml(renderAtom(feed({ entries: [] })));
    expect(childrenNamed(doc, "entry")).toEqual([]);
    expect(textOf(child(doc, "title"))).toBe("Hearth");
  });

  it("keeps entries in the given order", () => {
    const entries = ["a", "b", "c"].map((s) => entry({ id: `urn:${s}`, title: s }));
    const doc = parseXml(renderAtom(feed({ entries })));
    expect(childrenNamed(doc, "entry").map((e) => textOf(child(e, "title")))).toEqual(["a", "b", "c"]);
  });
});
