import { describe, expect, it } from "vitest";
import { FrontCache } from "../../server/front-cache.mjs";

type Headers = Record<string, string | string[] | undefined>;
const req = (url: string, headers: Headers = {}, method = "GET") => ({ method, url, headers });

/** A response Next marked as publicly cacheable. */
const cacheable = (body = "<html>page</html>", extra: Record<string, string | string[] | number | undefined> = {}) => ({
  status: 200,
  headers: {
    "content-type": "text/html; charset=utf-8",
    "cache-control": "s-maxage=3600, stale-while-revalidate=31535000",
    "x-nextjs-cache": "HIT",
    ...extra,
  },
  body: Buffer.from(body),
});

/** A cache whose clock the test moves. */
function clocked(options: { maxEntries?: number; maxBytes?: number; ttlMs?: number } = {}) {
  const clock = { t: 1_000_000 };
  const cache = new FrontCache({ ...options, now: () => clock.t });
  return { cache, clock };
}

describe("FrontCache.keyFor", () => {
  const cache = new FrontCache();

  it("keys anonymous GET and HEAD requests by encoding and path", () => {
    expect(cache.keyFor(req("/posts/hello", { "accept-encoding": "gzip, deflate, br" }))).toBe("gzip /posts/hello");
    expect(cache.keyFor(req("/posts/hello", {}))).toBe("identity /posts/hello");
    expect(cache.keyFor(req("/posts/hello", { "accept-encoding": "br" }))).toBe("identity /posts/hello");
    expect(cache.keyFor(req("/posts/hello", { "accept-encoding": "deflate" }))).toBe("identity /posts/hello");
    expect(cache.keyFor(req("/", { "accept-encoding": "gzip" }, "HEAD"))).toBe("gzip /");
    expect(cache.keyFor(req("/posts/hello", { "accept-encoding": "gzip" }))).not.toBe(cache.keyFor(req("/posts/hello", {})));
  });

  it("bypasses every other method", () => {
    for (const method of ["POST", "PUT", "PATCH", "DELETE", "OPTIONS", "get", undefined]) {
      expect(cache.keyFor({ method, url: "/", headers: {} }), String(method)).toBeNull();
    }
  });

  it("bypasses query strings, Next's assets, the API and odd URLs", () => {
    expect(cache.keyFor(req("/?page=2"))).toBeNull();
    expect(cache.keyFor(req("/posts/hello?utm_source=x"))).toBeNull();
    expect(cache.keyFor(req("/posts/hello?"))).toBeNull();
    expect(cache.keyFor(req("/_next/static/chunks/app.js"))).toBeNull();
    expect(cache.keyFor(req("/_next/image"))).toBeNull();
    expect(cache.keyFor(req("/api/auth/session"))).toBeNull();
    expect(cache.keyFor(req("/api/revalidate"))).toBeNull();
    expect(cache.keyFor(req("http://example.com/"))).toBeNull();
    expect(cache.keyFor(req("*"))).toBeNull();
    expect(cache.keyFor({ method: "GET", headers: {} })).toBeNull();
  });

  it("bypasses requests carrying a session or Hearth cookie", () => {
    for (const cookie of [
      "authjs.session-token=abc",
      "__Secure-authjs.session-token=abc",
      "__Host-authjs.csrf-token=abc",
      "authjs.callback-url=%2F",
      "next-auth.session-token=abc",
      "__Secure-next-auth.session-token=abc",
      "hearth_remember=1",
      "hearth_guest=abc",
      "theme=dark; authjs.session-token=abc",
      "theme=dark;authjs.session-token=abc",
      "a=1; b=2; hearth_remember=1",
    ]) {
      expect(cache.keyFor(req("/", { cookie })), cookie).toBeNull();
    }
  });

  it("does not bypass for unrelated cookies", () => {
    for (const cookie of ["theme=dark", "theme=dark; lang=en", "_ga=GA1.2.3", "myauthjs.session-token=x", "xhearth_remember=1"]) {
      expect(cache.keyFor(req("/posts/hello", { cookie })), cookie).toBe("identity /posts/hello");
    }
  });

  it("bypasses authorization and client-navigation headers", () => {
    expect(cache.keyFor(req("/", { authorization: "Bearer x" }))).toBeNull();
    for (const h of ["rsc", "next-router-state-tree", "next-router-prefetch", "next-router-segment-prefetch", "next-action"]) {
      expect(cache.keyFor(req("/", { [h]: "1" })), h).toBeNull();
      // Present even when empty.
      expect(cache.keyFor(req("/", { [h]: "" })), `${h} (empty)`).toBeNull();
    }
  });
});

describe("FrontCache.ttlFor", () => {
  const cache = new FrontCache({ ttlMs: 60_000 });
  const headers = (over: Record<string, string | string[] | number | undefined> = {}) => ({
    "cache-control": "s-maxage=30, stale-while-revalidate=31535000",
    "x-nextjs-cache": "HIT",
    ...over,
  });

  it("stores fresh ISR responses (HIT or MISS) for their s-maxage", () => {
    expect(cache.ttlFor(200, headers())).toBe(30_000);
    expect(cache.ttlFor(200, headers({ "x-nextjs-cache": "MISS" }))).toBe(30_000);
    expect(cache.ttlFor(200, headers({ "cache-control": "public, max-age=0, s-maxage=5" }))).toBe(5_000);
  });

  it("caps the lifetime at ttlMs", () => {
    expect(cache.ttlFor(200, headers({ "cache-control": "s-maxage=31536000" }))).toBe(60_000);
    expect(new FrontCache({ ttlMs: 1_000 }).ttlFor(200, headers())).toBe(1_000);
  });

  it("only stores 200 responses", () => {
    for (const status of [201, 204, 301, 304, 404, 500]) expect(cache.ttlFor(status, headers()), String(status)).toBe(0);
  });

  it("refuses stale and non-ISR responses", () => {
    expect(cache.ttlFor(200, headers({ "x-nextjs-cache": "STALE" }))).toBe(0);
    expect(cache.ttlFor(200, headers({ "x-nextjs-cache": undefined }))).toBe(0);
    expect(cache.ttlFor(200, headers({ "x-nextjs-cache": "hit" }))).toBe(0);
  });

  it("needs s-maxage and refuses private, no-store and no-cache", () => {
    expect(cache.ttlFor(200, headers({ "cache-control": "public, max-age=3600" }))).toBe(0);
    expect(cache.ttlFor(200, headers({ "cache-control": undefined }))).toBe(0);
    expect(cache.ttlFor(200, headers({ "cache-control": "s-maxage=0" }))).toBe(0);
    expect(cache.ttlFor(200, headers({ "cache-control": "private, s-maxage=30" }))).toBe(0);
    expect(cache.ttlFor(200, headers({ "cache-control": "s-maxage=30, no-store" }))).toBe(0);
    expect(cache.ttlFor(200, headers({ "cache-control": "no-cache, s-maxage=30" }))).toBe(0);
    expect(cache.ttlFor(200, headers({ "cache-control": "private, no-cache, no-store, max-age=0, must-revalidate" }))).toBe(0);
  });

  it("refuses responses that set a cookie", () => {
    expect(cache.ttlFor(200, headers({ "set-cookie": "a=b" }))).toBe(0);
    expect(cache.ttlFor(200, headers({ "set-cookie": ["a=b", "c=d"] }))).toBe(0);
    expect(cache.ttlFor(200, headers({ "set-cookie": [] }))).toBe(0);
  });
});

describe("FrontCache store and get", () => {
  it("returns what was stored until it expires", () => {
    const { cache, clock } = clocked({ ttlMs: 60_000 });
    const key = "gzip /posts/hello";
    expect(cache.get(key)).toBeUndefined();
    expect(cache.store(key, cache.generation, cacheable("hello", { "content-encoding": "gzip", "content-length": 5 }))).toBe(
      true,
    );
    const entry = cache.get(key);
    expect(entry?.status).toBe(200);
    expect(entry?.body.toString()).toBe("hello");
    expect(entry?.storedAt).toBe(clock.t);
    expect(entry?.expiresAt).toBe(clock.t + 60_000);
    expect(entry?.encoding).toBe("gzip");
    // Numbers are stored as strings.
    expect(entry?.headers["content-length"]).toBe("5");
    expect(entry?.headers["content-type"]).toBe("text/html; charset=utf-8");

    clock.t += 59_999;
    expect(cache.get(key)).toBeDefined();
    clock.t += 1;
    expect(cache.get(key)).toBeUndefined();
    // An expired entry is dropped and its bytes released.
    expect(cache.entries.size).toBe(0);
    expect(cache.bytes).toBe(0);
  });

  it("uses s-maxage when it is shorter than ttlMs", () => {
    const { cache, clock } = clocked({ ttlMs: 60_000 });
    cache.store("k", cache.generation, cacheable("x", { "cache-control": "s-maxage=10" }));
    clock.t += 9_999;
    expect(cache.get("k")).toBeDefined();
    clock.t += 1;
    expect(cache.get("k")).toBeUndefined();
  });

  it("records no encoding for an identity body", () => {
    const { cache } = clocked();
    cache.store("identity /", cache.generation, cacheable());
    expect(cache.get("identity /")?.encoding).toBeNull();
  });

  it("does not store what ttlFor refuses", () => {
    const { cache } = clocked();
    expect(cache.store("a", cache.generation, { ...cacheable(), status: 404 })).toBe(false);
    expect(cache.store("b", cache.generation, cacheable("x", { "x-nextjs-cache": "STALE" }))).toBe(false);
    expect(cache.store("c", cache.generation, cacheable("x", { "cache-control": "private, s-maxage=60" }))).toBe(false);
    expect(cache.entries.size).toBe(0);
    expect(cache.bytes).toBe(0);
  });

  it("never stores a response that sets a cookie, nor replays a set-cookie header", () => {
    const { cache } = clocked();
    expect(cache.store("k", cache.generation, cacheable("x", { "set-cookie": ["hearth_remember=1; HttpOnly"] }))).toBe(false);
    expect(cache.get("k")).toBeUndefined();
    // Even if the decision were bypassed, the header is filtered out of what is kept.
    const original = cache.ttlFor.bind(cache);
    cache.ttlFor = () => 60_000;
    expect(cache.store("k", cache.generation, cacheable("x", { "set-cookie": "a=b" }))).toBe(true);
    cache.ttlFor = original;
    const entry = cache.get("k");
    expect(entry?.headers).not.toHaveProperty("set-cookie");
    expect(JSON.stringify(entry?.headers)).not.toContain("a=b");
  });

  it("drops undefined header values", () => {
    const { cache } = clocked();
    cache.store("k", cache.generation, cacheable("x", { etag: undefined }));
    expect(cache.get("k")?.headers).not.toHaveProperty("etag");
  });

  it("replaces an entry stored under the same key and keeps the byte count right", () => {
    const { cache } = clocked();
    cache.store("k", cache.generation, cacheable("12345"));
    cache.store("k", cache.generation, cacheable("12"));
    expect(cache.get("k")?.body.toString()).toBe("12");
    expect(cache.entries.size).toBe(1);
    expect(cache.bytes).toBe(2);
  });

  it("refuses a response rendered before a clear()", () => {
    const { cache } = clocked();
    const seen = cache.generation;
    cache.clear();
    expect(cache.generation).toBe(seen + 1);
    expect(cache.store("k", seen, cacheable())).toBe(false);
    expect(cache.get("k")).toBeUndefined();
    expect(cache.store("k", cache.generation, cacheable())).toBe(true);
    expect(cache.get("k")).toBeDefined();
  });

  it("clear() makes every entry stale: no longer served", () => {
    const { cache } = clocked();
    cache.store("a", cache.generation, cacheable("aaa"));
    cache.store("b", cache.generation, cacheable("bbb"));
    expect(cache.bytes).toBe(6);
    cache.clear();
    expect(cache.get("a")).toBeUndefined();
    expect(cache.get("b")).toBeUndefined();
    expect(cache.lookup("a")).toEqual({ kind: "miss" });
    // A new copy replaces the stale one, bytes counted once.
    expect(cache.store("a", cache.generation, cacheable("AAAA"))).toBe(true);
    expect(cache.get("a")?.body.toString()).toBe("AAAA");
    expect(cache.bytes).toBe(7);
  });

  it("delete() removes one entry and its bytes", () => {
    const { cache } = clocked();
    cache.store("a", cache.generation, cacheable("aaa"));
    cache.store("b", cache.generation, cacheable("bbbb"));
    cache.delete("a");
    cache.delete("missing");
    expect(cache.get("a")).toBeUndefined();
    expect(cache.get("b")).toBeDefined();
    expect(cache.bytes).toBe(4);
  });
});

describe("FrontCache eviction", () => {
  it("evicts the least recently used entry beyond maxEntries", () => {
    const { cache } = clocked({ maxEntries: 3 });
    for (const k of ["a", "b", "c"]) cache.store(k, cache.generation, cacheable(k));
    // Reading "a" makes "b" the least recently used.
    expect(cache.get("a")).toBeDefined();
    cache.store("d", cache.generation, cacheable("d"));
    expect(cache.entries.size).toBe(3);
    expect(cache.get("b")).toBeUndefined();
    expect(cache.get("a")).toBeDefined();
    expect(cache.get("c")).toBeDefined();
    expect(cache.get("d")).toBeDefined();
    expect(cache.bytes).toBe(3);
  });

  it("evicts least recently used entries beyond maxBytes", () => {
    const { cache } = clocked({ maxBytes: 800 });
    const body = (c: string) => c.repeat(100);
    for (const k of ["a", "b", "c", "d", "e", "f", "g", "h"]) {
      expect(cache.store(k, cache.generation, cacheable(body(k)))).toBe(true);
    }
    expect(cache.bytes).toBe(800);
    cache.get("a");
    cache.store("i", cache.generation, cacheable(body("i")));
    expect(cache.bytes).toBe(800);
    expect(cache.get("b")).toBeUndefined();
    expect(cache.get("a")).toBeDefined();
    expect(cache.get("i")).toBeDefined();
    expect(cache.bytes).toBeLessThanOrEqual(800);
  });

  it("refuses a single body larger than an eighth of maxBytes", () => {
    const { cache } = clocked({ maxBytes: 800 });
    expect(cache.store("big", cache.generation, cacheable("x".repeat(101)))).toBe(false);
    expect(cache.store("ok", cache.generation, cacheable("x".repeat(100)))).toBe(true);
    expect(cache.bytes).toBe(100);
  });
});

describe("FrontCache on a page that changes many times a second (stale-while-revalidate)", () => {
  const hotCache = () => {
    const clock = { t: 1_000_000 };
    const cache = new FrontCache({
      now: () => clock.t,
      hotInvalidations: 3,
      hotWindowMs: 1000,
      invalidationGapMs: 20,
      refreshIntervalMs: 500,
    });
    return { cache, clock };
  };

  /** Stores a copy, then changes and re-renders it once, so it has been read while changing. */
  const readWhileChanging = (cache: InstanceType<typeof FrontCache>, clock: { t: number }) => {
    cache.store("k", cache.generation, cacheable("v0"));
    clock.t += 50;
    cache.clear();
    expect(cache.lookup("k")).toEqual({ kind: "miss" });
    expect(cache.store("k", cache.generation, cacheable("v1"))).toBe(true);
    return clock.t;
  };

  /** `n` changes, `gap` ms apart. */
  const changes = (cache: InstanceType<typeof FrontCache>, clock: { t: number }, n: number, gap = 50) => {
    for (let i = 0; i < n; i++) {
      clock.t += gap;
      cache.clear();
    }
  };

  it("forgets even a hot page's copies on an explicit purge (the next reader sees the change)", () => {
    const { cache, clock } = hotCache();
    readWhileChanging(cache, clock);
    changes(cache, clock, 3);
    expect(cache.lookup("k").kind).toBe("stale");
    const generation = cache.generation;
    cache.purge();
    expect(cache.lookup("k")).toEqual({ kind: "miss" });
    // A render that started before the purge is not stored after it.
    expect(cache.store("k", generation, cacheable("old"))).toBe(false);
    expect(cache.lookup("k")).toEqual({ kind: "miss" });
  });

  it("never serves a stale copy of a page changed now and then", () => {
    const { cache, clock } = hotCache();
    readWhileChanging(cache, clock);
    changes(cache, clock, 1);
    expect(cache.lookup("k")).toEqual({ kind: "miss" });
    // Spread-out changes never make it hot either.
    clock.t += 2000;
    changes(cache, clock, 1);
    expect(cache.lookup("k")).toEqual({ kind: "miss" });
  });

  it("never serves a stale copy of a page nobody read while it changed, however many changes", () => {
    const { cache, clock } = hotCache();
    cache.store("k", cache.generation, cacheable("v0"));
    changes(cache, clock, 10);
    expect(cache.lookup("k")).toEqual({ kind: "miss" });
  });

  it("counts the several clears of one write once", () => {
    const { cache, clock } = hotCache();
    readWhileChanging(cache, clock);
    // One write: cleared when it arrives, by the app, and when it is answered, within 20 ms.
    for (let i = 0; i < 6; i++) {
      clock.t += 3;
      cache.clear();
    }
    expect(cache.lookup("k")).toEqual({ kind: "miss" });
  });

  it("serves the last copy of a hot page and asks for the next one at most once per interval", () => {
    const { cache, clock } = hotCache();
    const refreshedAt = readWhileChanging(cache, clock);
    changes(cache, clock, 2);
    const found = cache.lookup("k");
    expect(found.kind).toBe("stale");
    expect(found.kind === "stale" && found.entry.body.toString()).toBe("v1");
    expect(found.kind === "stale" && found.refreshAt).toBe(refreshedAt + 500);
    // get() is for fresh copies only.
    expect(cache.get("k")).toBeUndefined();
    // The next copy arrives: served as fresh until the next change, and the page stays hot.
    expect(cache.store("k", cache.generation, cacheable("v2"))).toBe(true);
    expect(cache.lookup("k").kind).toBe("hit");
    clock.t += 30;
    cache.clear();
    const again = cache.lookup("k");
    expect(again.kind === "stale" && again.entry.body.toString()).toBe("v2");
    expect(again.kind === "stale" && again.refreshAt).toBe(clock.t - 30 + 500);
  });

  it("keeps a copy rendered during a change in place of an older stale one, still stale", () => {
    const { cache, clock } = hotCache();
    readWhileChanging(cache, clock);
    changes(cache, clock, 2);
    const seen = cache.generation;
    changes(cache, clock, 1); // a change while the next copy was being rendered
    expect(cache.store("k", seen, cacheable("v2"))).toBe(true);
    const found = cache.lookup("k");
    expect(found.kind).toBe("stale");
    expect(found.kind === "stale" && found.entry.body.toString()).toBe("v2");
    // Without a stale hot copy to replace, an outdated render is refused as before.
    expect(cache.store("other", seen, cacheable("x"))).toBe(false);
  });

  it("cools down: once the changes stop, the next request renders afresh", () => {
    const { cache, clock } = hotCache();
    readWhileChanging(cache, clock);
    changes(cache, clock, 4);
    expect(cache.lookup("k").kind).toBe("stale");
    clock.t += 1001;
    expect(cache.lookup("k")).toEqual({ kind: "miss" });
  });

  it("hotInvalidations 0 turns stale copies off", () => {
    const clock = { t: 1_000_000 };
    const cache = new FrontCache({ now: () => clock.t, hotInvalidations: 0 });
    cache.store("k", cache.generation, cacheable("v0"));
    for (let i = 0; i < 50; i++) {
      clock.t += 200;
      cache.clear();
      cache.store("k", cache.generation, cacheable(`v${i}`));
    }
    cache.clear();
    expect(cache.lookup("k")).toEqual({ kind: "miss" });
  });
});
