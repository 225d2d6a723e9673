// Server render time of a page: the time to the last byte of the first request after its
// cache tags were revalidated (so Next renders it, and its cached queries run, again).
import { median, type RenderResult } from "./format";
import { get, request } from "./http";

/** Drops Next's cached pages and data for `tags` (POST /api/revalidate). */
export async function revalidate(base: string, secret: string, tags: string[]): Promise<void> {
  const res = await request(`${base}/api/revalidate`, {
    method: "POST",
    headers: { authorization: `Bearer ${secret}`, "content-type": "application/json" },
    body: JSON.stringify({ tags }),
  });
  if (res.status !== 200)
    throw new Error(`POST /api/revalidate answered ${res.status}: ${res.body.toString("utf8").slice(0, 300)}`);
}

const pause = (ms: number) => new Promise((r) => setTimeout(r, ms));

export async function measureRender(
  base: string,
  secret: string,
  page: { name: string; path: string; postId: string },
  runs: number,
): Promise<RenderResult> {
  const samples: number[] = [];
  const ttfb: number[] = [];
  const cached: number[] = [];
  for (let i = 0; i < runs; i++) {
    await revalidate(base, secret, [`post:${page.postId}`]);
    const res = await get(`${base}${page.path}`);
    const state = res.headers["x-nextjs-cache"];
    const header = typeof state === "string" ? state : null;
    // An answer from a cache would not measure a render: X-Cache HIT or STALE (server.mjs's cache,
    // Varnish), Next's own HIT or STALE, or, from a cache that sends no X-Cache, an Age header
    // (RFC 9111). server.mjs sends a fresh render as "X-Cache: MISS" with "Age: 0".
    const xCache = res.headers["x-cache"];
    const fromCache =
      header === "HIT" ||
      header === "STALE" ||
      (xCache !== undefined ? /HIT|STALE/i.test(String(xCache)) : res.headers.age !== undefined);
    if (fromCache) {
      throw new Error(
        `${page.path} was served from a cache right after revalidation (x-cache: ${String(xCache)}, age: ${String(res.headers.age)}, x-nextjs-cache: ${header})`,
      );
    }
    samples.push(res.totalMs);
    ttfb.push(res.ttfbMs);
    cached.push((await get(`${base}${page.path}`)).totalMs);
    await pause(100);
  }
  return {
    name: page.name,
    path: page.path,
    runs,
    medianMs: median(samples),
    minMs: Math.min(...samples),
    maxMs: Math.max(...samples),
    medianTtfbMs: median(ttfb),
    cachedMedianMs: median(cached),
    samplesMs: samples,
  };
}
