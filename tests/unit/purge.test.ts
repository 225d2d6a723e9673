import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { resetEnvForTests } from "@/lib/env";
import { purgeHttpCaches } from "@/lib/cache/purge";

/** A cache that records the PURGE requests it gets, and can be made slow to answer. */
interface Received {
  at: number;
  keys: string[];
}
let received: Received[] = [];
let delayMs = 0;
let status = 200;
/** Drop a kept connection's next request unanswered, as a cache that closed it meanwhile would. */
let dropReused = false;
let dropped = 0;
const served = new WeakMap<object, number>();
let server: http.Server;

beforeAll(async () => {
  server = http.createServer((req, res) => {
    req.resume();
    const before = served.get(req.socket) ?? 0;
    served.set(req.socket, before + 1);
    if (dropReused && before > 0) {
      dropped++;
      return req.socket.destroy();
    }
    received.push({ at: Date.now(), keys: String(req.headers["xkey-purge"] ?? "").split(" ") });
    setTimeout(() => {
      res.statusCode = status;
      res.end("Purged\n");
    }, delayMs);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  process.env.HEARTH_PURGE_URLS = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
  delete process.env.HEARTH_LOCAL_CACHE_URL;
  resetEnvForTests();
});

afterAll(async () => {
  delete process.env.HEARTH_PURGE_URLS;
  resetEnvForTests();
  await new Promise((resolve) => server.close(resolve));
});

beforeEach(async () => {
  // Whatever an earlier test left due has been sent.
  await new Promise((resolve) => setTimeout(resolve, 2100));
  received = [];
  delayMs = 0;
  status = 200;
  dropReused = false;
  dropped = 0;
});

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe("purging the HTTP caches after writes", () => {
  it("sends the keys of writes that finish together in one PURGE, and each waits for its answer", async () => {
    delayMs = 100;
    const started = Date.now();
    let answered = 0;
    await Promise.all(
      [["essay:a"], ["essay:b", "comments"], ["essay:a"]].map((keys) => purgeHttpCaches(keys).then(() => answered++)),
    );
    expect(answered).toBe(3);
    expect(Date.now() - started).toBeGreaterThanOrEqual(95);
    expect(received).toHaveLength(1);
    expect(received[0]!.keys.sort()).toEqual(["comments", "essay:a", "essay:b"]);
  });

  it("never lets a write join a purge already on its way: it gets one of its own", async () => {
    delayMs = 200;
    const first = purgeHttpCaches(["essay:a"]);
    await sleep(50); // the first PURGE has left and waits for its answer
    const second = purgeHttpCaches(["essay:a"]);
    await Promise.all([first, second]);
    expect(received).toHaveLength(2);
    expect(received[1]!.at).toBeGreaterThan(received[0]!.at);
  });

  it("purges each key again at least a second after every write of it, at most about once a second", async () => {
    const writes: { key: string; at: number }[] = [];
    const write = async (key: string) => {
      writes.push({ key, at: Date.now() });
      await purgeHttpCaches([key]);
    };
    await Promise.all([write("essay:a"), write("essay:a"), write("essay:a")]);
    await sleep(300);
    await Promise.all([write("essay:a"), write("essay:b")]);
    await sleep(2000);
    const firsts = received.slice(0, 2);
    const seconds = received.slice(2);
    expect(firsts.map((r) => r.keys.sort())).toEqual([["essay:a"], ["essay:a", "essay:b"]]);
    for (const w of writes) {
      expect(seconds.some((r) => r.keys.includes(w.key) && r.at >= w.at + 1000)).toBe(true);
    }
    // Five writes, two keys: one second purge for the first three, one or two for the last two.
    expect(seconds.length).toBeGreaterThanOrEqual(2);
    expect(seconds.length).toBeLessThanOrEqual(3);
  });

  it("a cache that refuses or does not answer is logged, and holds the write at most two seconds", async () => {
    const logged = vi.spyOn(console, "error").mockImplementation(() => {});
    try {
      status = 500;
      await purgeHttpCaches(["essay:refused"]);
      expect(logged).toHaveBeenCalledWith(
        expect.stringMatching(/^Purging essay:refused at http:\/\/127\.0\.0\.1:\d+\/ answered 500$/),
      );

      status = 200;
      delayMs = 5000;
      const started = Date.now();
      await purgeHttpCaches(["essay:silent"]);
      const waited = Date.now() - started;
      expect(waited).toBeGreaterThanOrEqual(1900);
      expect(waited).toBeLessThan(3500);
      expect(logged).toHaveBeenCalledWith(expect.stringMatching(/^Purging essay:silent at .* failed: no answer within 2000 ms$/));
    } finally {
      logged.mockRestore();
    }
  }, 15_000);

  it("a kept connection the cache closed is tried again once, on a new one", async () => {
    const logged = vi.spyOn(console, "error").mockImplementation(() => {});
    try {
      dropReused = true;
      await purgeHttpCaches(["essay:one"]);
      await purgeHttpCaches(["essay:two"]); // its kept connection is dropped; it goes again
      expect(received.map((r) => r.keys[0])).toEqual(["essay:one", "essay:two"]);
      expect(dropped).toBeGreaterThanOrEqual(1);
      expect(logged).not.toHaveBeenCalled();
    } finally {
      logged.mockRestore();
    }
  });
});
