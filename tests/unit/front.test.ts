import { once } from "node:events";
import { mkdtempSync, rmSync } from "node:fs";
import http from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { STANDALONE_PAGE_CSP } from "../../lib/html/standalone-page.mjs";
import { startFront } from "../../server/front.mjs";

// The front on its own thread (`npm start`): writes cross Next's private socket as they come
// (proxy), and an answer Next never gives is a 502, read or write. Next here is a plain HTTP
// server on the socket that echoes what reached it.

const dir = mkdtempSync(join(tmpdir(), "hearth-front-"));
const socketPath = join(dir, "next.sock");
let front: http.Server;
let next: http.Server | null = null;
let base = "";

/** What the stand-in for Next answers: the request it got, as JSON, with a header of its own. */
function startNext(): Promise<http.Server> {
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      res.writeHead(201, { "content-type": "application/json", "x-from-next": "yes", connection: "keep-alive" });
      res.end(
        JSON.stringify({ method: req.method, url: req.url, headers: req.headers, body: Buffer.concat(chunks).toString("utf8") }),
      );
    });
  });
  return new Promise((resolve) => server.listen(socketPath, () => resolve(server)));
}

function stopNext(): Promise<void> {
  const server = next;
  next = null;
  if (!server) return Promise.resolve();
  server.closeAllConnections();
  return new Promise((resolve) => server.close(() => resolve()));
}

beforeAll(async () => {
  vi.spyOn(console, "log").mockImplementation(() => {});
  front = await startFront({
    port: 0,
    hostname: "127.0.0.1",
    socketPath,
    cacheEnabled: true,
    cacheMaxBytes: 1 << 20,
    handle: null,
  });
  base = `http://127.0.0.1:${(front.address() as AddressInfo).port}`;
});

afterAll(async () => {
  await stopNext();
  front.closeAllConnections();
  await new Promise((resolve) => front.close(resolve));
  rmSync(dir, { recursive: true, force: true });
  vi.restoreAllMocks();
});

describe("the front on its own thread", () => {
  it("hands a write to Next over its socket, body and answer as they are, with the client's address", async () => {
    next = await startNext();
    try {
      const response = await fetch(`${base}/comments/7/like?x=1`, {
        method: "POST",
        headers: { "content-type": "application/x-www-form-urlencoded", "x-hearth-client-ip": "203.0.113.9" },
        body: "like=1",
      });
      expect(response.status).toBe(201);
      expect(response.headers.get("x-from-next")).toBe("yes");
      const seen = (await response.json()) as { method: string; url: string; headers: Record<string, string>; body: string };
      expect(seen.method).toBe("POST");
      expect(seen.url).toBe("/comments/7/like?x=1");
      expect(seen.body).toBe("like=1");
      // The address is the connection's, never the client's claim.
      expect(seen.headers["x-hearth-client-ip"]).toBe("127.0.0.1");
    } finally {
      await stopNext();
    }
  });

  it("answers a write Next cannot take with a 502 that says to try again", async () => {
    const errors = vi.spyOn(console, "error").mockImplementation(() => {});
    const response = await fetch(`${base}/comments/7/like`, {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: "like=1",
    });
    expect(response.status).toBe(502);
    expect(response.headers.get("cache-control")).toBe("no-store");
    expect(await response.text()).toContain("Try again in a moment");
    expect(errors).toHaveBeenCalledWith(expect.stringContaining("Next.js did not answer POST /comments/7/like"));
    errors.mockRestore();
  });

  it("answers a read Next cannot take with the same 502", async () => {
    const errors = vi.spyOn(console, "error").mockImplementation(() => {});
    const response = await fetch(`${base}/posts/anything`);
    expect(response.status).toBe(502);
    expect(await response.text()).toContain("Try again in a moment");
    errors.mockRestore();
  });

  it("takes writes again once Next is back", async () => {
    next = await startNext();
    try {
      const request = http.request(`${base}/comments/8/like`, { method: "POST", headers: { "content-length": "6" } });
      request.end("like=0");
      const [answer] = (await once(request, "response")) as [http.IncomingMessage];
      expect(answer.statusCode).toBe(201);
      answer.resume();
    } finally {
      await stopNext();
    }
  });

  it("answers what it refuses itself (a path that does not decode, a body over the limit) with a standalone page and its headers", async () => {
    const refusals = [
      await fetch(`${base}/posts/%FF`),
      await fetch(`${base}/dashboard/posts/new`, {
        method: "POST",
        headers: { "content-type": "application/x-www-form-urlencoded" },
        body: "x=".padEnd(7 * 1024 * 1024, "a"),
      }),
    ];
    expect(refusals.map((r) => r.status)).toEqual([400, 413]);
    for (const response of refusals) {
      expect(response.headers.get("content-type")).toBe("text/html; charset=utf-8");
      expect(response.headers.get("cache-control")).toBe("no-store");
      expect(response.headers.get("content-security-policy")).toBe(STANDALONE_PAGE_CSP);
      expect(response.headers.get("x-content-type-options")).toBe("nosniff");
      expect(response.headers.get("x-frame-options")).toBe("SAMEORIGIN");
      expect(await response.text()).toMatch(/^<!DOCTYPE html>/);
    }
  });
});
