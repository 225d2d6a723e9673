import http from "node:http";
import { describe, expect, it } from "vitest";
import { backLink, exceedsBodyLimit, hasUnannouncedBody, holdBody, tooLargePage } from "../../server/body-limit.mjs";
import { COVER_MAX_BYTES, REQUEST_BODY_MAX_BYTES } from "@/lib/uploads/limits.mjs";

const MB = 1024 * 1024;

describe("the request size limits", () => {
  it("are 5 MB for a cover and 6 MB for a whole request (what Next's “6mb” meant)", () => {
    expect(COVER_MAX_BYTES).toBe(5 * MB);
    expect(REQUEST_BODY_MAX_BYTES).toBe(6 * MB);
  });
});

describe("exceedsBodyLimit", () => {
  const post = (length?: string) => ({ method: "POST", headers: length === undefined ? {} : { "content-length": length } });

  it("refuses a POST announcing more than the limit, and nothing else", () => {
    expect(exceedsBodyLimit(post(String(6 * MB + 1)), 6 * MB)).toBe(true);
    expect(exceedsBodyLimit(post(String(7 * MB)), 6 * MB)).toBe(true);
    expect(exceedsBodyLimit(post(String(6 * MB)), 6 * MB)).toBe(false);
    expect(exceedsBodyLimit(post("0"), 6 * MB)).toBe(false);
  });

  it("leaves requests without a usable Content-Length to Next", () => {
    expect(exceedsBodyLimit(post(), 6 * MB)).toBe(false);
    expect(exceedsBodyLimit(post("lots"), 6 * MB)).toBe(false);
    expect(exceedsBodyLimit(post("-1"), 6 * MB)).toBe(false);
  });

  it("only looks at POSTs", () => {
    expect(exceedsBodyLimit({ method: "GET", headers: { "content-length": String(7 * MB) } }, 6 * MB)).toBe(false);
    expect(exceedsBodyLimit({ method: "HEAD", headers: { "content-length": String(7 * MB) } }, 6 * MB)).toBe(false);
  });
});

describe("backLink", () => {
  it("goes back to the page the form was on when the Referer is this site", () => {
    const headers = { host: "blog.example", referer: "https://blog.example/dashboard/posts/abc/edit?notice=saved" };
    expect(backLink(headers, "/dashboard/posts/abc/edit")).toBe("/dashboard/posts/abc/edit?notice=saved");
    expect(backLink({ host: "Blog.Example:8080", referer: "http://blog.example:8080/dashboard/import" }, "/x")).toBe(
      "/dashboard/import",
    );
    // Behind a proxy the public host is X-Forwarded-Host.
    expect(
      backLink(
        { host: "127.0.0.1:3000", "x-forwarded-host": "blog.example", referer: "https://blog.example/account" },
        "/account",
      ),
    ).toBe("/account");
  });

  it("otherwise uses the path the form was sent to", () => {
    expect(backLink({ host: "blog.example", referer: "https://elsewhere.example/page" }, "/dashboard/import")).toBe(
      "/dashboard/import",
    );
    expect(backLink({ host: "blog.example", referer: "http://blog.example:8080/x" }, "/dashboard/import")).toBe(
      "/dashboard/import",
    );
    expect(backLink({ host: "blog.example" }, "/dashboard/posts/new?x=1")).toBe("/dashboard/posts/new");
    expect(backLink({ host: "blog.example", referer: "not a url" }, "/account")).toBe("/account");
    expect(backLink({ host: "blog.example", referer: "javascript:alert(1)" }, "/account")).toBe("/account");
    expect(backLink({}, undefined)).toBe("/");
  });

  it("never leads to another site", () => {
    expect(backLink({ host: "blog.example", referer: "https://blog.example//evil.example/x" }, "/")).toBe("/evil.example/x");
    expect(backLink({ host: "blog.example" }, "//evil.example/x")).toBe("/evil.example/x");
    expect(backLink({ host: "blog.example" }, "/\\evil.example/x")).toBe("/evil.example/x");
    for (const url of ["//evil.example", "/\\evil.example", "///evil.example"]) {
      expect(backLink({ host: "blog.example" }, url)).toMatch(/^\/(?![/\\])/);
    }
  });
});

describe("tooLargePage", () => {
  const html = tooLargePage({ limitBytes: 6 * MB, imageMaxBytes: 5 * MB, sentBytes: 7 * MB + 300, back: "/dashboard/posts/new" });

  it("says what was refused, names the limits and links back", () => {
    expect(html).toMatch(/^<!DOCTYPE html>/);
    expect(html).toContain("<h1>That upload is too large</h1>");
    expect(html).toContain("at most 6 MB in one form, and this one was 7.0 MB. Nothing was saved.");
    expect(html).toContain("Images may be at most 5 MB");
    expect(html).toContain('<a href="/dashboard/posts/new">Back to the form</a>');
    expect(html).not.toContain("<script");
  });

  it("escapes the link", () => {
    const page = tooLargePage({
      limitBytes: 6 * MB,
      imageMaxBytes: 5 * MB,
      sentBytes: 7 * MB,
      back: '/a?b="><script>x</script>',
    });
    expect(page).toContain('href="/a?b=&quot;&gt;&lt;script&gt;x&lt;/script&gt;"');
    expect(page).not.toContain("<script");
  });
});

describe("holdBody (bodies without a Content-Length)", () => {
  /**
   * A server that holds each chunked body to `limit` bytes, then either reads it (answering
   * with its length) or answers 413, as server.mjs does.
   */
  async function withServer(limit: number, fn: (port: number) => Promise<void>) {
    const server = http.createServer((req, res) => {
      expect(hasUnannouncedBody(req)).toBe(true);
      holdBody(req, limit, (withinLimit) => {
        if (!withinLimit) {
          res.writeHead(413);
          res.end("too large");
          req.resume();
          return;
        }
        let read = 0;
        req.on("data", (chunk: Buffer) => (read += chunk.length));
        req.on("end", () => res.end(String(read)));
      });
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    try {
      await fn((server.address() as { port: number }).port);
    } finally {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    }
  }

  /** Sends `chunks` chunked (no Content-Length); resolves with the status and body. */
  function sendChunked(port: number, chunks: Buffer[]): Promise<{ status: number; body: string }> {
    return new Promise((resolve, reject) => {
      const req = http.request(
        { port, host: "127.0.0.1", method: "POST", path: "/", headers: { "transfer-encoding": "chunked" } },
        (res) => {
          let body = "";
          res.setEncoding("utf8");
          res.on("data", (c: string) => (body += c));
          res.on("end", () => resolve({ status: res.statusCode ?? 0, body }));
        },
      );
      // The server may stop reading and close early: what matters is its answer.
      req.on("error", (error: NodeJS.ErrnoException) =>
        error.code === "EPIPE" || error.code === "ECONNRESET" ? undefined : reject(error),
      );
      for (const c of chunks) req.write(c);
      req.end();
    });
  }

  it("hands a body within the limit on whole, in order", async () => {
    await withServer(1000, async (port) => {
      expect(await sendChunked(port, [Buffer.alloc(300, 1), Buffer.alloc(300, 2), Buffer.alloc(400, 3)])).toEqual({
        status: 200,
        body: "1000",
      });
      expect(await sendChunked(port, [])).toEqual({ status: 200, body: "0" });
    });
  });

  it("refuses a body that grows past the limit, without reading the rest", async () => {
    await withServer(1000, async (port) => {
      const answer = await sendChunked(port, [
        Buffer.alloc(600),
        Buffer.alloc(600),
        ...Array.from({ length: 50 }, () => Buffer.alloc(64 * 1024)),
      ]);
      expect(answer).toEqual({ status: 413, body: "too large" });
    });
  });

  it("does not hold requests that announce their length", () => {
    expect(hasUnannouncedBody({ headers: { "content-length": "10" } })).toBe(false);
    expect(hasUnannouncedBody({ headers: {} })).toBe(false);
    expect(hasUnannouncedBody({ headers: { "transfer-encoding": "chunked" } })).toBe(true);
  });
});
