import { describe, expect, it } from "vitest";
import { affectedBy, FrontCache } from "../../server/front-cache.mjs";

const page = (body: string) => ({
  status: 200,
  headers: { "x-nextjs-cache": "HIT", "cache-control": "s-maxage=3600", "content-type": "text/html" },
  body: Buffer.from(body),
});

describe("what a write clears from the front cache", () => {
  it("a form on an essay drops that essay's pages and the listings, not other essays", () => {
    const drop = affectedBy("/posts/kindling");
    expect(drop).toBeDefined();
    const urls = [
      "/posts/kindling",
      "/posts/kindling/comment-page/2",
      "/",
      "/page/2",
      "/tags/fire",
      "/authors/iris",
      "/feed.xml",
    ];
    for (const url of urls) expect(drop?.(url)).toBe(true);
    expect(drop?.("/posts/kindling-two")).toBe(false);
    expect(drop?.("/posts/another")).toBe(false);
  });

  it("anything else drops everything", () => {
    for (const path of ["/signin", "/account", "/admin/users", "/api/revalidate", "/"]) expect(affectedBy(path)).toBeUndefined();
  });

  it("clear(drop) marks only the selected entries stale and bumps the generation", () => {
    const cache = new FrontCache();
    for (const url of ["/posts/a", "/posts/b", "/"]) {
      expect(cache.store(`identity ${url}`, cache.generation, page(url))).toBe(true);
    }
    const before = cache.generation;
    cache.clear(affectedBy("/posts/a"));
    expect(cache.generation).toBe(before + 1);
    expect(cache.get("identity /posts/a")).toBeUndefined();
    expect(cache.get("identity /")).toBeUndefined();
    expect(cache.get("identity /posts/b")?.body.toString()).toBe("/posts/b");
    const staleness = Object.fromEntries([...cache.entries].map(([key, e]) => [key, e.stale]));
    expect(staleness).toEqual({ "identity /posts/a": true, "identity /posts/b": false, "identity /": true });
  });
});
