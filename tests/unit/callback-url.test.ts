import { describe, expect, it } from "vitest";
import { pathFromSameOrigin, safeCallbackPath } from "@/lib/auth/callback-url";

const FB = "/fallback";
const SITE = "https://hearth.example";

/** Whether a redirect to `location` from a page on SITE stays on SITE (what a browser would do). */
function staysOnSite(location: string): boolean {
  return new URL(location, `${SITE}/some/page`).origin === SITE;
}

/** [description, input, expected] — expected FB means "refused, fall back". */
const TABLE: Array<[string, unknown, string]> = [
  // Plain same-site paths, kept as given (query and hash too).
  ["root", "/", "/"],
  ["a post", "/posts/hello-world", "/posts/hello-world"],
  ["query kept", "/posts/hello?page=2&sort=new", "/posts/hello?page=2&sort=new"],
  ["hash kept", "/posts/hello#comments", "/posts/hello#comments"],
  ["query and hash kept", "/posts/hello/comment-page/2?x=1#c-12", "/posts/hello/comment-page/2?x=1#c-12"],
  ["percent-encoded characters kept", "/tags/caf%C3%A9", "/tags/caf%C3%A9"],
  ["encoded slashes stay a same-site path", "/%2F%2Fevil.example", "/%2F%2Fevil.example"],
  ["surrounding spaces trimmed", "  /account  ", "/account"],
  ["dot segments resolved on the site", "/posts/../account", "/account"],
  ["a page whose name starts like an auth page", "/signing-off", "/signing-off"],
  ["another one", "/signup-tips?x=1", "/signup-tips?x=1"],
  // Anything that leaves the site.
  ["https URL", "https://evil.example", FB],
  ["http URL with path", "http://evil.example/posts/x", FB],
  ["absolute URL to the site itself (only paths are accepted)", `${SITE}/posts/x`, FB],
  ["javascript:", "javascript:alert(1)", FB],
  ["javascript: in mixed case", "JaVaScRiPt:alert(document.cookie)", FB],
  ["data:", "data:text/html,<script>alert(1)</script>", FB],
  ["protocol-relative", "//evil.example", FB],
  ["protocol-relative with path", "//evil.example/posts", FB],
  ["three slashes", "///evil.example", FB],
  ["slash backslash", "/\\evil.example", FB],
  ["backslash slash", "\\/evil", FB],
  ["two backslashes", "\\\\evil.example", FB],
  ["leading whitespace before //", " \t//evil.example", FB],
  ["tab inside (browsers drop it: //evil)", "/\t/evil.example", FB],
  ["newline inside", "/posts\n/x", FB],
  ["CR LF inside", "/\r\n/evil.example", FB],
  ["NUL inside", "/posts\u0000x", FB],
  ["DEL inside", "/posts\u007fx", FB],
  ["very long path", `/${"a".repeat(2000)}`, FB],
  ["relative path without a slash", "posts/x", FB],
  ["query only", "?next=/x", FB],
  ["hash only", "#top", FB],
  ["empty string", "", FB],
  ["only spaces", "   ", FB],
  // Not strings at all.
  ["number", 42, FB],
  ["null", null, FB],
  ["undefined", undefined, FB],
  ["object", { toString: () => "/posts/x" }, FB],
  ["array", ["/posts/x"], FB],
  ["File-like (FormData entry)", new Blob(["/x"]), FB],
  // Never back into the auth pages.
  ["/signin", "/signin", FB],
  ["/signin/", "/signin/", FB],
  ["/signin with a query", "/signin?callbackUrl=%2Faccount", FB],
  ["/signin sub-page", "/signin/check-email", FB],
  ["/signup?x", "/signup?x", FB],
  ["/signout", "/signout", FB],
  ["/signout with a hash", "/signout#now", FB],
  ["auth page reached through dot segments", "/posts/../signin", FB],
];

describe("safeCallbackPath", () => {
  it("has a table of at least 25 inputs", () => {
    expect(TABLE.length).toBeGreaterThanOrEqual(25);
  });

  it.each(TABLE)("%s: %j → %j", (_label, input, expected) => {
    expect(safeCallbackPath(input, FB)).toBe(expected);
  });

  it.each(TABLE)("%s: the result never leaves the site", (_label, input) => {
    expect(staysOnSite(safeCallbackPath(input, FB))).toBe(true);
  });

  it("keeps a path of exactly 2000 characters", () => {
    const path = `/${"a".repeat(1999)}`;
    expect(safeCallbackPath(path, FB)).toBe(path);
  });

  it("falls back to '/' by default", () => {
    expect(safeCallbackPath("https://evil.example")).toBe("/");
    expect(safeCallbackPath(undefined)).toBe("/");
    expect(safeCallbackPath("/posts/x")).toBe("/posts/x");
  });

  // Dot segments are resolved by the URL parser *after* the "//" check, so these turn into a
  // protocol-relative "//evil.example" that a browser (or router.push / location) follows off-site.
  it.each([
    "/.//evil.example",
    "/a/..//evil.example",
    "/%2e//evil.example",
    "/%2E%2E//evil.example",
    "/./\\evil.example",
    "/posts/../..//evil.example",
  ])("never returns a protocol-relative location for %j", (input) => {
    const result = safeCallbackPath(input, FB);
    expect(result).not.toMatch(/^[/\\]{2}/);
    expect(staysOnSite(result)).toBe(true);
  });
});

describe("pathFromSameOrigin", () => {
  it.each([
    [`${SITE}/posts/x?page=2#c-1`, "/posts/x?page=2#c-1"],
    [`${SITE}/`, "/"],
    [SITE, "/"],
    [`${SITE}/tags/t`, "/tags/t"],
    [`https://someone@hearth.example/account`, "/account"],
  ])("a referer on the site: %j → %j", (referer, expected) => {
    expect(pathFromSameOrigin(referer, SITE)).toBe(expected);
    expect(pathFromSameOrigin(referer, `${SITE}/`)).toBe(expected);
  });

  it.each([
    ["another site", "https://evil.example/posts/x"],
    ["another scheme", "http://hearth.example/posts/x"],
    ["another port", "https://hearth.example:8443/posts/x"],
    ["a subdomain", "https://www.hearth.example/posts/x"],
    ["a look-alike host", "https://hearth.example.evil.example/posts/x"],
    ["javascript:", "javascript:alert(1)"],
    ["data:", "data:text/html,hi"],
    ["a bare path (not a full URL)", "/posts/x"],
    ["garbage", "not a url"],
    ["empty", ""],
  ])("a referer from %s → null", (_label, referer) => {
    expect(pathFromSameOrigin(referer, SITE)).toBeNull();
  });

  it("is null without a referer", () => {
    expect(pathFromSameOrigin(null, SITE)).toBeNull();
    expect(pathFromSameOrigin(undefined, SITE)).toBeNull();
  });

  it("is null for the auth pages and for paths that would leave the site", () => {
    expect(pathFromSameOrigin(`${SITE}/signin?callbackUrl=/x`, SITE)).toBeNull();
    expect(pathFromSameOrigin(`${SITE}/signup`, SITE)).toBeNull();
    expect(pathFromSameOrigin(`${SITE}/signout`, SITE)).toBeNull();
    expect(pathFromSameOrigin(`${SITE}//evil.example/x`, SITE)).toBeNull();
    expect(pathFromSameOrigin(`${SITE}/.//evil.example/x`, SITE)).toBeNull();
  });

  it("is null when the origin itself cannot be parsed", () => {
    expect(pathFromSameOrigin(`${SITE}/posts/x`, "not an origin")).toBeNull();
  });
});
