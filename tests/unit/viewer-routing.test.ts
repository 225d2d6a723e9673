import { describe, expect, it } from "vitest";
import { SESSION_COOKIES, viewerRoute } from "@/lib/auth/viewer-routing";

const REWRITTEN: Array<[string, string]> = [
  ["/", "/v/page/1"],
  ["/page/2", "/v/page/2"],
  ["/page/2/", "/v/page/2/"],
  ["/posts/x", "/v/posts/x"],
  ["/posts/hello-world/", "/v/posts/hello-world/"],
  ["/posts/x/comment-page/2", "/v/posts/x/comment-page/2"],
  ["/tags/t", "/v/tags/t"],
  ["/tags/caf%C3%A9", "/v/tags/caf%C3%A9"],
  ["/authors/a", "/v/authors/a"],
];

const PASSED = [
  "/account",
  "/account/password",
  "/signin",
  "/signup",
  "/api/x",
  "/api/auth/session",
  "/feed.xml",
  "/sitemap.xml",
  "/posts/x/y",
  "/posts/x/comment-page",
  "/posts/x/comment-page/2/extra",
  "/posts",
  "/posts/",
  "/page",
  "/page/1/2",
  "/tags",
  "/authors",
  "/v/posts/x",
  "/v/page/1",
  "/v",
  "/admin/users",
  "/pages/2",
  "/postsx/y",
];

describe("viewerRoute", () => {
  it("names the Auth.js session cookies", () => {
    expect(SESSION_COOKIES).toEqual(["authjs.session-token", "__Secure-authjs.session-token"]);
  });

  it.each([...REWRITTEN.map(([p]) => p), ...PASSED])("passes %j through for a signed-out visitor", (pathname) => {
    expect(viewerRoute(pathname, false)).toEqual({ kind: "pass" });
  });

  it.each(REWRITTEN)("rewrites %j to %j for a signed-in reader", (pathname, target) => {
    expect(viewerRoute(pathname, true)).toEqual({ kind: "rewrite", pathname: target });
  });

  it.each(PASSED)("passes %j through for a signed-in reader", (pathname) => {
    expect(viewerRoute(pathname, true)).toEqual({ kind: "pass" });
  });
});
