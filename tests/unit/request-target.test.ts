import { describe, expect, it } from "vitest";
import { badPathPage, crossSiteAction, crossSitePage, undecodablePath } from "../../server/request-target.mjs";

describe("undecodablePath", () => {
  it("finds paths with a broken escape or bytes that are not UTF-8", () => {
    for (const target of ["/posts/%", "/posts/%FF", "/tags/%E0%A4%A", "/a/%C0%AF", "/x%zz", "/uploads/%FF/x.png?ok=1"]) {
      expect(undecodablePath(target), target).toBe(true);
    }
  });

  it("leaves every decodable path alone, and the query string to the pages", () => {
    for (const target of ["/", "/posts/my-essay", "/posts/%25", "/tags/caf%C3%A9", "/posts/a%00b", "/?q=%FF", undefined]) {
      expect(undecodablePath(target), String(target)).toBe(false);
    }
  });
});

describe("crossSiteAction", () => {
  const post = (headers: Record<string, string>, url = "/posts/my-essay") => ({
    method: "POST",
    url,
    headers: { host: "blog.example", "content-type": "multipart/form-data; boundary=x", ...headers },
  });

  it("finds a form posted to a page from another site", () => {
    expect(crossSiteAction(post({ origin: "https://evil.example" }))).toBe(true);
    expect(crossSiteAction(post({ origin: "not a url" }))).toBe(true);
    expect(crossSiteAction(post({ origin: "https://blog.example.evil.example" }))).toBe(true);
  });

  it("finds a server action called from another site, whatever its body", () => {
    expect(crossSiteAction(post({ origin: "https://evil.example", "content-type": "text/plain", "next-action": "abc" }))).toBe(
      true,
    );
  });

  it("compares with the forwarded host when there is one, as Next does", () => {
    expect(
      crossSiteAction(post({ origin: "https://blog.example", host: "127.0.0.1:3000", "x-forwarded-host": "blog.example" })),
    ).toBe(false);
    expect(
      crossSiteAction(post({ origin: "https://127.0.0.1:3000", host: "127.0.0.1:3000", "x-forwarded-host": "blog.example" })),
    ).toBe(true);
  });

  it("leaves alone same-site posts, posts without an Origin, other methods and route handlers", () => {
    expect(crossSiteAction(post({ origin: "https://blog.example" }))).toBe(false);
    expect(crossSiteAction(post({ origin: "https://BLOG.example" }))).toBe(false);
    expect(crossSiteAction(post({}))).toBe(false);
    expect(crossSiteAction(post({ origin: "null" }))).toBe(false);
    expect(crossSiteAction({ ...post({ origin: "https://evil.example" }), method: "GET" })).toBe(false);
    expect(crossSiteAction(post({ origin: "https://evil.example" }, "/comments/12/like"))).toBe(false);
    expect(crossSiteAction(post({ origin: "https://evil.example" }, "/api/revalidate"))).toBe(false);
    expect(crossSiteAction(post({ origin: "https://evil.example", "content-type": "application/x-www-form-urlencoded" }))).toBe(
      false,
    );
  });
});

describe("the pages", () => {
  it("are complete HTML without script that say what happened", () => {
    for (const [html, heading] of [
      [badPathPage(), "That address is broken"],
      [crossSitePage(), "This form was sent from another site"],
    ] as const) {
      expect(html).toMatch(/^<!DOCTYPE html>/);
      expect(html).toContain(`<h1>${heading}</h1>`);
      expect(html).not.toMatch(/<script/i);
    }
  });
});
