import { redirect } from "next/navigation";
import { describe, expect, it, vi } from "vitest";
import { sameSitePath, safeCallbackPath } from "@/lib/auth/callback-url";
import { backFromReferer, guardRoute, UNAVAILABLE_MESSAGE, unavailablePage, unavailableUrl } from "@/lib/http/unavailable";

// The 503 answers of lib/http/unavailable.ts: where "Back" leads (never off the site), the page,
// and the route wrapper (503 for storage failures only; everything else goes on as before).

/** A storage failure as better-sqlite3 reports it (its shape: an Error with a string code). */
function sqliteError(code: string, message: string): Error {
  return Object.assign(new Error(message), { code });
}

describe("where Back leads", () => {
  const headers = (h: Record<string, string>) => new Headers(h);

  it("is the page the form was on, when that is this site", () => {
    expect(backFromReferer(headers({ host: "blog.example", referer: "https://blog.example/posts/a?x=1#respond" }))).toBe(
      "/posts/a?x=1",
    );
    expect(
      backFromReferer(
        headers({ host: "127.0.0.1:3000", "x-forwarded-host": "blog.example", referer: "https://blog.example/account" }),
      ),
    ).toBe("/account");
    // The sign-in page is a page like any other here (unlike a callback URL).
    expect(backFromReferer(headers({ host: "blog.example", referer: "https://blog.example/signin?callbackUrl=%2F" }))).toBe(
      "/signin?callbackUrl=%2F",
    );
  });

  it("is the home page for another site, a bad Referer, or none", () => {
    for (const referer of ["https://evil.example/posts/a", "javascript:alert(1)", "not a url", "https://blog.example.evil/x"]) {
      expect(backFromReferer(headers({ host: "blog.example", referer }))).toBe("/");
    }
    expect(backFromReferer(headers({ host: "blog.example" }))).toBe("/");
  });

  it("keeps /unavailable's link on the site whatever ?back= says", () => {
    expect(unavailableUrl("/posts/a?b=1")).toBe("/unavailable?back=%2Fposts%2Fa%3Fb%3D1");
    expect(unavailableUrl("//evil.example")).toBe("/unavailable?back=%2F");
    for (const back of ["//evil.example", "/\\evil.example", "https://evil.example", "/.//evil.example", "javascript:x"]) {
      expect(unavailablePage(back)).toContain('<a href="/">Back to the page</a>');
    }
  });

  it("sameSitePath is safeCallbackPath without the refusal of the auth pages", () => {
    expect(sameSitePath("/signin?x=1")).toBe("/signin?x=1");
    expect(safeCallbackPath("/signin?x=1")).toBe("/");
    for (const raw of ["//evil.example", "/\\evil.example", "/.//evil.example", "https://evil.example", 42, null]) {
      expect(sameSitePath(raw)).toBe("/");
      expect(safeCallbackPath(raw)).toBe("/");
    }
  });
});

describe("the 503 page", () => {
  it("says what happened and escapes the link", () => {
    const html = unavailablePage('/posts/a?q="><script>');
    expect(html).toContain(UNAVAILABLE_MESSAGE);
    expect(html).not.toContain("<script>");
    expect(html).not.toMatch(/<script/i);
  });
});

describe("guardRoute", () => {
  const request = (accept = "text/html") =>
    new Request("http://blog.example/comments/1/like", {
      method: "POST",
      headers: { accept, referer: "http://blog.example/posts/a", host: "blog.example" },
    });

  it("answers a storage failure with the 503 page, or JSON when JSON was asked for", async () => {
    const quiet = vi.spyOn(console, "error").mockImplementation(() => undefined);
    try {
      const failing = guardRoute(async () => {
        throw sqliteError("SQLITE_READONLY", "attempt to write a readonly database");
      });
      const page = await failing(request());
      expect(page.status).toBe(503);
      expect(page.headers.get("retry-after")).toBe("60");
      expect(page.headers.get("cache-control")).toBe("no-store");
      const html = await page.text();
      expect(html).toContain('<a href="/posts/a">Back to the page</a>');
      expect(html).not.toContain("SQLITE");
      const json = await failing(request("application/json"));
      expect(json.status).toBe(503);
      expect(await json.json()).toEqual({ ok: false, status: 503, message: UNAVAILABLE_MESSAGE });
      expect(quiet).toHaveBeenCalledWith(expect.stringContaining("SQLITE_READONLY: attempt to write a readonly database"));
    } finally {
      quiet.mockRestore();
    }
  });

  it("lets other errors and Next's redirects through, and answers as the handler does otherwise", async () => {
    const bug = new TypeError("x is undefined");
    await expect(guardRoute(async () => Promise.reject(bug))(request())).rejects.toBe(bug);
    await expect(guardRoute(async () => redirect("/elsewhere"))(request())).rejects.toMatchObject({
      digest: expect.stringContaining("NEXT_REDIRECT"),
    });
    const ok = await guardRoute(async () => new Response("fine", { status: 200 }))(request());
    expect(await ok.text()).toBe("fine");
  });
});
