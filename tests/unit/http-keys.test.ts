import { describe, expect, it } from "vitest";
import { essayImageKeys, httpKeysForTags, readingPageKeys } from "@/lib/cache/http";
import { tags } from "@/lib/cache/tags";

describe("surrogate keys of reading pages (lib/cache/http.ts)", () => {
  it("names the listing pages and each essay's pages", () => {
    for (const path of ["/", "/page/2", "/tags/fire", "/authors/ada", "/feed.xml", "/sitemap.xml"]) {
      expect(readingPageKeys(path)).toEqual(["site", "listing"]);
    }
    expect(readingPageKeys("/posts/on-fire")).toEqual(["site", "essays", "essay:on-fire"]);
    expect(readingPageKeys("/posts/on-fire/comment-page/3")).toEqual(["site", "essays", "essay:on-fire"]);
    expect(readingPageKeys("/posts/on-fire/comments.xml")).toEqual(["site", "essays", "essay:on-fire"]);
  });

  it("keys an essay's share image like the essay (and the site, whose name it shows)", () => {
    expect(essayImageKeys("on-fire")).toEqual(["site", "essays", "essay:on-fire"]);
    expect(readingPageKeys("/posts/on-fire/og.png")).toBeNull();
  });

  it("is not a shared page anywhere else", () => {
    for (const path of ["/account", "/signin", "/dashboard", "/api/health", "/posts", "/posts/a/b", "/page", "/comments/4", "/_next/static/x.js"]) {
      expect(readingPageKeys(path)).toBeNull();
    }
  });

  it("purges what a change to Next's data tags makes stale", async () => {
    const slugs = async (id: string) => (id === "p1" ? ["new-slug", "old-slug"] : null);
    expect(await httpKeysForTags([tags.post("p1")], slugs)).toEqual(["comments", "essay:new-slug", "essay:old-slug"]);
    expect((await httpKeysForTags([tags.posts], slugs)).sort()).toEqual(["essays", "listing"]);
    // A post that is gone (or cannot be looked up) purges every essay.
    expect(await httpKeysForTags([tags.post("gone")], slugs)).toEqual(["comments", "essays"]);
    expect(await httpKeysForTags([tags.post("p1")], () => Promise.reject(new Error("down")))).toEqual(["comments", "essays"]);
    // Settings and names appear on every page.
    expect(await httpKeysForTags([tags.settings, tags.post("p1")], slugs)).toEqual(["site"]);
    expect(await httpKeysForTags([tags.users], slugs)).toEqual(["site"]);
  });
});
