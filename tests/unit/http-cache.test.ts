import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { HttpCache, surrogateKeys, wireHeaders } from "../../server/http-cache.mjs";

const SHARED = "public, max-age=0, s-maxage=3600, stale-while-revalidate=60";

beforeEach(() => {
  vi.useFakeTimers({ now: new Date("2026-12-01T12:00:00Z"), toFake: ["Date"] });
});
afterEach(() => {
  vi.useRealTimers();
});

function setup() {
  const cache = new HttpCache();
  const clock = { advance: (ms: number) => vi.setSystemTime(Date.now() + ms), now: () => Date.now() };
  const req = (url: string, headers: Record<string, string> = {}) => ({ url, method: "GET", headers });
  const page = (cacheControl: string, extra: Record<string, string> = {}) => ({
    status: 200,
    headers: { "cache-control": cacheControl, "cache-tag": "site essays essay:a", vary: "Cookie", date: new Date().toUTCString(), ...extra },
  });
  const keep = (url: string, cacheControl = SHARED, begunAt = Date.now(), extra: Record<string, string> = {}) => {
    const request = req(url);
    const response = page(cacheControl, extra);
    const policy = cache.policyFor(request, response);
    if (!policy) return false;
    return cache.store(request, policy, { status: 200, keys: surrogateKeys(response.headers), etag: 'W/"x"', identity: Buffer.from(url), gzip: null }, begunAt);
  };
  return { cache, clock, req, keep };
}

describe("the in-process HTTP cache", () => {
  it("keeps a shared page and answers the same anonymous request with it", () => {
    const { cache, req, keep } = setup();
    expect(keep("/posts/a")).toBe(true);
    expect(cache.lookup(req("/posts/a"))?.kind).toBe("fresh");
    expect(cache.lookup(req("/posts/b"))).toBeNull();
  });

  it("never answers a request with cookies from the anonymous copy (Vary: Cookie)", () => {
    const { cache, req, keep } = setup();
    keep("/posts/a");
    expect(cache.lookup(req("/posts/a", { cookie: "authjs.session-token=x" }))).toBeNull();
  });

  it("takes a request that asks the cache to revalidate through the full rules", () => {
    const { cache, req, keep } = setup();
    keep("/posts/a");
    expect(cache.lookup(req("/posts/a", { "cache-control": "no-cache" }))).toBeNull();
    expect(cache.lookup(req("/posts/a", { "accept-encoding": "gzip" }))?.kind).toBe("fresh");
  });

  it("keeps nothing private, nothing that sets a cookie, no error, nothing without a lifetime", () => {
    const { cache, req } = setup();
    const ask = (status: number, headers: Record<string, string>) => cache.policyFor(req("/x"), { status, headers });
    expect(ask(200, { "cache-control": "private, no-store" })).toBeNull();
    expect(ask(200, { "cache-control": SHARED, "set-cookie": "a=b" })).toBeNull();
    expect(ask(500, { "cache-control": SHARED })).toBeNull();
    expect(ask(200, {})).toBeNull();
    expect(ask(404, { "cache-control": SHARED })).not.toBeNull();
  });

  it("forgets the pages of a purged key, and only those", () => {
    const { cache, req, keep } = setup();
    keep("/posts/a");
    const other = req("/");
    const policy = cache.policyFor(other, { status: 200, headers: { "cache-control": SHARED, "cache-tag": "site listing" } })!;
    cache.store(other, policy, { status: 200, keys: ["site", "listing"], etag: 'W/"y"', identity: Buffer.from("home"), gzip: null }, Date.now());
    expect(cache.purge(["essay:a"])).toBe(1);
    expect(cache.lookup(req("/posts/a"))).toBeNull();
    expect(cache.lookup(other)?.kind).toBe("fresh");
    expect(cache.purge([])).toBe(1);
    expect(cache.bytes).toBe(0);
  });

  it("refuses a page whose fetch began before a purge of one of its keys (it may be the old content)", () => {
    const { cache, clock, req, keep } = setup();
    const begun = clock.now();
    clock.advance(5);
    cache.purge(["essay:a"]);
    clock.advance(5);
    expect(keep("/posts/a", SHARED, begun)).toBe(false);
    expect(cache.lookup(req("/posts/a"))).toBeNull();
    expect(keep("/posts/a", SHARED, clock.now())).toBe(true);
  });

  it("serves a page past its s-maxage stale within stale-while-revalidate, then not at all", () => {
    const { cache, clock, req, keep } = setup();
    keep("/posts/a", "public, max-age=0, s-maxage=10, stale-while-revalidate=60");
    clock.advance(11_000);
    expect(cache.lookup(req("/posts/a"))?.kind).toBe("stale");
    clock.advance(60_000);
    expect(cache.lookup(req("/posts/a"))).toBeNull();
  });

  it("lets one request fetch a missing page while the others wait for it", async () => {
    const { cache } = setup();
    let fetches = 0;
    let finish: () => void = () => {};
    const fetch = () => new Promise<void>((resolve) => ((fetches += 1), (finish = resolve)));
    const first = cache.coalesce("/posts/a", fetch);
    const second = cache.coalesce("/posts/a", fetch);
    expect([first.leader, second.leader, fetches]).toEqual([true, false, 1]);
    finish();
    await second.done;
    expect(cache.coalesce("/posts/a", async () => {}).leader).toBe(true);
  });

  it("reads surrogate keys separated by spaces or commas", () => {
    expect(surrogateKeys({ "cache-tag": "site, essays essay:a" })).toEqual(["site", "essays", "essay:a"]);
    expect(surrogateKeys({})).toEqual([]);
  });
});

describe("wireHeaders", () => {
  it("lists a copy's headers once per answer, with its own length and encoding, never Age", () => {
    const identity = Buffer.from("x".repeat(2000));
    const gzip = Buffer.from("z".repeat(40));
    const wire = wireHeaders(
      {
        "content-type": "text/html",
        age: "5",
        "content-length": "9",
        "content-encoding": "br",
        "set-cookie": ["a=1", "b=2"],
        etag: 'W/"e"',
      },
      identity,
      gzip,
    );
    expect(wire.notModified).toEqual(["content-type", "text/html", "set-cookie", "a=1", "set-cookie", "b=2", "etag", 'W/"e"']);
    expect(wire.identity).toEqual([...wire.notModified, "content-length", "2000"]);
    expect(wire.gzip).toEqual([...wire.notModified, "content-encoding", "gzip", "content-length", "40"]);
    expect(wireHeaders({ "content-type": "text/plain" }, identity, null).gzip).toBeNull();
  });
});
