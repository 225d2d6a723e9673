import { describe, expect, it } from "vitest";
import { forbidsScripts, stripScripts } from "../../server/strip-scripts.mjs";

describe("forbidsScripts", () => {
  it("is true only for a policy whose script-src is 'none'", () => {
    expect(forbidsScripts("script-src 'none'; object-src 'none'; base-uri 'self'")).toBe(true);
    expect(forbidsScripts("object-src 'none';  script-src 'none' ")).toBe(true);
    expect(forbidsScripts("script-src 'self'")).toBe(false);
    expect(forbidsScripts("script-src 'none' 'self'")).toBe(false);
    expect(forbidsScripts("object-src 'none'")).toBe(false);
    expect(forbidsScripts(undefined)).toBe(false);
    expect(forbidsScripts(["script-src 'none'"])).toBe(false);
  });
});

describe("stripScripts", () => {
  it("leaves out Next's scripts and script preloads, keeps data blocks and everything else", () => {
    const html = [
      '<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"/>',
      '<link rel="stylesheet" href="/_next/static/css/a.css" data-precedence="next"/>',
      '<link rel="preload" as="script" fetchPriority="low" href="/_next/static/chunks/w.js"/>',
      '<link rel="modulepreload" href="/m.js">',
      '<link rel="preload" as="font" href="/f.woff2" crossorigin=""/>',
      '<script src="/_next/static/chunks/main.js" async=""></script>',
      '<script type="application/ld+json">{"@type":"Article","headline":"A \\u003c B"}</script>',
      "</head><body><p>Code: &lt;script&gt;alert(1)&lt;/script&gt;</p>",
      '<script>self.__next_f.push([1,"\\u003cp\\u003ehi\\u003c/p\\u003e"])</script>',
      "<SCRIPT>\nmulti\nline\n</SCRIPT >",
      "<noscript>No script needed.</noscript></body></html>",
    ].join("");
    expect(stripScripts(html)).toBe(
      [
        '<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"/>',
        '<link rel="stylesheet" href="/_next/static/css/a.css" data-precedence="next"/>',
        '<link rel="preload" as="font" href="/f.woff2" crossorigin=""/>',
        '<script type="application/ld+json">{"@type":"Article","headline":"A \\u003c B"}</script>',
        "</head><body><p>Code: &lt;script&gt;alert(1)&lt;/script&gt;</p>",
        "<noscript>No script needed.</noscript></body></html>",
      ].join(""),
    );
  });

  it("changes nothing in a page without scripts", () => {
    const html = '<html><body><a href="/scripts">scripts</a><p>describe <code>script</code></p></body></html>';
    expect(stripScripts(html)).toBe(html);
  });
});
