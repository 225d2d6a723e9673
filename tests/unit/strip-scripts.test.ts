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
  it("leaves out scripts and script preloads, keeps data blocks and everything else", async () => {
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
    expect(await stripScripts(html)).toBe(
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

  it("changes nothing in a page without scripts", async () => {
    const html = '<html><body><a href="/scripts">scripts</a><p>describe <code>script</code></p></body></html>';
    expect(await stripScripts(html)).toBe(html);
  });

  it("never takes a <script> inside an attribute, a comment or escaped text for one", async () => {
    const html = [
      '<html><body><a title="<script>keep</script> me" href="/x">link</a>',
      "<!-- <script>not a script</script> -->",
      "<p>&lt;script&gt;text&lt;/script&gt; stays</p>",
      '<textarea><script>typed</script></textarea>',
      "<script>gone()</script><p>after</p></body></html>",
    ].join("");
    expect(await stripScripts(html)).toBe(html.replace("<script>gone()</script>", ""));
  });
});
