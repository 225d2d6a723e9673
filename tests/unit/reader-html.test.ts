import { describe, expect, it } from "vitest";
import { canStripClientRuntime, stripClientRuntime } from "../../server/reader-html.mjs";

const page = `<!DOCTYPE html><html lang="en"><head><meta charSet="utf-8"/>
<link rel="preload" href="/_next/static/media/inter.woff2" as="font" crossorigin="" type="font/woff2"/>
<link rel="stylesheet" href="/_next/static/chunks/app.css" data-precedence="next"/>
<link rel="preload" as="script" fetchPriority="low" href="/_next/static/chunks/webpack.js"/>
<link rel="modulepreload" href="/_next/static/chunks/mod.js"/>
<script src="/_next/static/chunks/main.js" async=""></script>
<script src="/_next/static/chunks/polyfills.js" noModule=""></script>
<link rel="canonical" href="http://localhost/posts/a"/>
</head><body><main><h1>An essay</h1><p>Text about <code>&lt;script&gt;</code> tags.</p>
<script type="application/ld+json">{"@type":"Article","headline":"An essay"}</script>
<form action="" method="POST"><input type="hidden" name="$ACTION_ID_abc"/><button>Post comment</button></form>
</main>
<script id="_R_">(globalThis["TURBOPACK"] || (globalThis["TURBOPACK"] = [])).push({"otherChunks":[]});</script>
<script>(self.__next_f=self.__next_f||[]).push([0])</script><script>self.__next_f.push([1,"payload"])</script>
<script data-hearth-keep="" src="/_next/static/chunks/keep.js"></script>
<script data-hearth-keep="">document.documentElement.dataset.js = "1";</script>
</body></html>`;

describe("stripClientRuntime", () => {
  const out = stripClientRuntime(page);

  it("removes Next's runtime scripts, script preloads and the inline payload", () => {
    expect(out).not.toContain("main.js");
    expect(out).not.toContain("polyfills.js");
    expect(out).not.toContain("webpack.js");
    expect(out).not.toContain("mod.js");
    expect(out).not.toContain("__next_f");
    expect(out).not.toContain("TURBOPACK");
  });

  it("keeps the document, styles, fonts, JSON-LD, forms and opted-in scripts", () => {
    expect(out).toContain('<link rel="stylesheet" href="/_next/static/chunks/app.css"');
    expect(out).toContain('as="font"');
    expect(out).toContain('<link rel="canonical"');
    expect(out).toContain('<script type="application/ld+json">{"@type":"Article","headline":"An essay"}</script>');
    expect(out).toContain("<p>Text about <code>&lt;script&gt;</code> tags.</p>");
    expect(out).toContain('name="$ACTION_ID_abc"');
    expect(out).toContain('<script data-hearth-keep="" src="/_next/static/chunks/keep.js"></script>');
    expect(out).toContain('document.documentElement.dataset.js = "1";');
    expect(out.endsWith("</body></html>")).toBe(true);
  });

  it("is idempotent", () => {
    expect(stripClientRuntime(out)).toBe(out);
  });
});

describe("canStripClientRuntime", () => {
  it("accepts a complete document without streamed boundaries", () => {
    expect(canStripClientRuntime(page)).toBe(true);
  });

  it("refuses fragments and pages that still reveal Suspense boundaries with inline scripts", () => {
    expect(canStripClientRuntime("<div>partial</div>")).toBe(false);
    expect(canStripClientRuntime(page.replace("<main>", '<template id="B:0"></template><main>'))).toBe(false);
    expect(canStripClientRuntime(page.replace("</body>", "<script>$RC('B:0','S:0')</script></body>"))).toBe(false);
  });
});
