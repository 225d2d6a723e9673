import { describe, expect, it } from "vitest";
import { isSameOriginPost } from "@/lib/http/same-origin";

const bag = (h: Record<string, string>) => ({ get: (name: string) => h[name] ?? null });

describe("isSameOriginPost", () => {
  it("accepts a post from the site's own pages", () => {
    expect(isSameOriginPost(bag({ origin: "http://localhost:3000", host: "localhost:3000" }))).toBe(true);
    expect(
      isSameOriginPost(bag({ origin: "https://blog.example", host: "127.0.0.1:3000", "x-forwarded-host": "blog.example" })),
    ).toBe(true);
    expect(isSameOriginPost(bag({ origin: "https://Blog.Example", host: "blog.example" }))).toBe(true);
  });

  it("refuses a post from another site", () => {
    expect(isSameOriginPost(bag({ origin: "https://evil.example", host: "blog.example" }))).toBe(false);
    expect(isSameOriginPost(bag({ origin: "https://blog.example.evil.example", host: "blog.example" }))).toBe(false);
    expect(isSameOriginPost(bag({ origin: "http://blog.example:8080", host: "blog.example" }))).toBe(false);
    expect(isSameOriginPost(bag({ origin: "null", host: "blog.example" }))).toBe(false);
    expect(isSameOriginPost(bag({ "sec-fetch-site": "cross-site", host: "blog.example" }))).toBe(false);
  });

  it("without Origin, believes Sec-Fetch-Site when there is one", () => {
    expect(isSameOriginPost(bag({ host: "blog.example" }))).toBe(true);
    expect(isSameOriginPost(bag({ host: "blog.example", "sec-fetch-site": "same-origin" }))).toBe(true);
    expect(isSameOriginPost(bag({ host: "blog.example", "sec-fetch-site": "same-site" }))).toBe(false);
  });
});
