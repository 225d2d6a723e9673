import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { resetEnvForTests } from "@/lib/env";
import { purgeHttpCaches } from "@/lib/cache/purge";

/** A cache that records the PURGE requests it gets, and can be made slow to answer. */
interface Received {
  at: number;
  keys: string[];
}
let received: Received[] = [];
let delayMs = 0;
let server: http.Server;

beforeAll(async () => {
  server = http.createServer((req, res) => {
    req.resume();
    received.push({ at: Date.now(), keys: String(req.headers["xkey-purge"] ?? "").split(" ") });
    setTimeout(() => res.end("Purged\n"), delayMs);
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
});
