import { describe, expect, it } from "vitest";
import { escapeHtml } from "@/lib/html/escape.mjs";
import { STANDALONE_PAGE_CSP, standalonePage } from "@/lib/html/standalone-page.mjs";

describe("standalonePage", () => {
  it("is a complete document with its title and heading, and no script or external resource", () => {
    const html = standalonePage({
      title: "Upload too large",
      heading: "That upload is too large",
      body: "<p>Nothing was saved.</p>",
    });
    expect(html).toMatch(/^<!DOCTYPE html>\n<html lang="en">/);
    expect(html).toContain("<title>Upload too large</title>");
    expect(html).toContain("<h1>That upload is too large</h1>\n<p>Nothing was saved.</p>\n</main>");
    expect(html).not.toMatch(/<script|<link|src=|url\(/i);
    expect(html).toContain("color-scheme: light dark");
  });

  it("escapes the title and the heading (the body is the caller's HTML)", () => {
    const html = standalonePage({ title: 'a"<b>', heading: "<script>x</script>", body: "" });
    expect(html).toContain("<title>a&quot;&lt;b&gt;</title>");
    expect(html).toContain("<h1>&lt;script&gt;x&lt;/script&gt;</h1>");
    expect(html).not.toMatch(/<script/i);
  });
});

describe("escapeHtml", () => {
  it("escapes what React escapes", () => {
    expect(escapeHtml(`"&'<>`)).toBe("&quot;&amp;&#x27;&lt;&gt;");
    expect(escapeHtml("plain “text”")).toBe("plain “text”");
  });
});

describe("STANDALONE_PAGE_CSP", () => {
  it("lets a standalone page load nothing, run nothing and post only to this site", () => {
    // Nothing widens `default-src 'none'` but inline styles: no script-src, img-src, connect-src.
    expect(STANDALONE_PAGE_CSP).toContain("default-src 'none'");
    expect(STANDALONE_PAGE_CSP).not.toMatch(/(script|img|connect|font|frame)-src/);
    expect(STANDALONE_PAGE_CSP).toContain("style-src 'unsafe-inline'");
    expect(STANDALONE_PAGE_CSP).toContain("form-action 'self'");
  });
});
