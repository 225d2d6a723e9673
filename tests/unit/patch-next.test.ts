import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { describe, expect, it } from "vitest";
// @ts-expect-error -- a plain .mjs script without types
import { filesToPatch, needsPatch, patchSource } from "../../scripts/patch-next.mjs";

describe("patch-next", () => {
  it("measures entries only for the fetch cache, in minified and readable sources, once", () => {
    const minified = 'a=i}let i=JSON.stringify(t).length;if(r.fetchCache&&i>2097152&&!this.hasCustomCacheHandler){warn()}';
    const once = patchSource(minified);
    expect(once.count).toBe(1);
    expect(once.source).toBe(
      "a=i}let i=r.fetchCache?JSON.stringify(t).length:0;if(r.fetchCache&&i>2097152&&!this.hasCustomCacheHandler){warn()}",
    );
    expect(patchSource(once.source)).toEqual({ source: once.source, count: 0 });

    const readable = "const itemSize = JSON.stringify(data).length;\n        if (ctx.fetchCache && itemSize > 2 * 1024 * 1024 && x) {}";
    expect(patchSource(readable).source).toBe(
      "const itemSize = ctx.fetchCache ? JSON.stringify(data).length : 0;\n        if (ctx.fetchCache && itemSize > 2 * 1024 * 1024 && x) {}",
    );
    expect(needsPatch(minified)).toBe(true);
    expect(needsPatch(once.source)).toBe(false);
  });

  it("has been applied to the installed Next.js (postinstall), in every runtime that has the line", () => {
    const nextDir = path.dirname(createRequire(import.meta.url).resolve("next/package.json"));
    const files: string[] = filesToPatch(nextDir);
    expect(files.length).toBeGreaterThan(0);
    expect(files.some((f) => f.endsWith(path.join("next-server", "app-page-turbo.runtime.prod.js")))).toBe(true);
    const unpatched = files.filter((f) => needsPatch(readFileSync(f, "utf8")));
    expect(unpatched).toEqual([]);
  });
});
