import "server-only";
import http from "node:http";
import https from "node:https";
import { env } from "../env";

/** How long one cache may take to answer a purge before the write goes on without it. */
const PURGE_TIMEOUT_MS = 2000;
/**
 * A page whose render began before a write and ended after its purge would be stored with the
 * old content. The server's own cache refuses such a copy; a second purge a moment later removes
 * it from a cache in front (Varnish).
 */
const SECOND_PURGE_MS = 1000;

/** An idle connection to a cache is closed by this side first (Varnish closes at 5 s, `timeout_idle`). */
const IDLE_MS = 4000;

/**
 * Connections to the caches stay open between purges. Node's own client, not `fetch`: a purge
 * follows every write, and inside a request Next.js's instrumented `fetch` and undici's request
 * objects cost each write more than the purge itself (a profile of liking had `fetch` at ~4 % of
 * an instance's CPU).
 */
const transports = {
  "http:": { client: http, agent: new http.Agent({ keepAlive: true, timeout: IDLE_MS }) },
  "https:": { client: https, agent: new https.Agent({ keepAlive: true, timeout: IDLE_MS }) },
};

/**
 * Sends one PURGE; resolves once the cache answered, failed or timed out (a failure is logged).
 * A kept connection the cache closed just as it was reused is tried once more on a new one.
 */
function purgeOne(url: string, keys: string[], again = true): Promise<void> {
  const shown = keys.join(" ");
  return new Promise((resolve) => {
    let settled = false;
    const settle = (problem: string | null) => {
      if (settled) return;
      settled = true;
      if (problem) console.error(`Purging ${shown} at ${url} ${problem}`);
      resolve();
    };
    const target = new URL(url);
    const { client, agent } = transports[target.protocol === "https:" ? "https:" : "http:"];
    const request = client.request(target, { method: "PURGE", headers: { "xkey-purge": shown }, agent }, (response) => {
      const status = response.statusCode ?? 0;
      response.on("error", (error) => settle(`failed: ${error.message}`));
      response.on("end", () => settle(status >= 200 && status < 300 ? null : `answered ${status}`));
      response.resume();
    });
    request.setTimeout(PURGE_TIMEOUT_MS, () => request.destroy(new Error(`no answer within ${PURGE_TIMEOUT_MS} ms`)));
    request.on("error", (error: NodeJS.ErrnoException) => {
      if (again && !settled && request.reusedSocket && error.code === "ECONNRESET") {
        settled = true;
        resolve(purgeOne(url, keys, false));
      } else settle(`failed: ${error.message}`);
    });
    request.end();
  });
}

/** The HTTP caches in front of this instance (HEARTH_PURGE_URLS), besides its own. */
export function frontCacheUrls(): string[] {
  return env()
    .HEARTH_PURGE_URLS.split(",")
    .map((u) => u.trim())
    .filter(Boolean);
}

function purgeAll(urls: string[], keys: string[]): Promise<unknown> {
  return Promise.all(urls.map((url) => purgeOne(url, keys)));
}

/**
 * Purges that have not left yet. Every write joins the next purge that leaves after it asked
 * (never one already on its way: that one may have reached a cache before the write was
 * committed), so writes that finish together share one request per cache.
 */
let next: { keys: Set<string>; sent: Promise<unknown> } | null = null;

/**
 * Second purges due (./SECOND_PURGE_MS): when each key's is due, and whether a later write asked
 * for another one after it. A key is purged a second time at most about once a second however
 * often it is written, and never less than SECOND_PURGE_MS after any write that asked.
 */
const due = new Map<string, { at: number; again: number | null }>();
let timer: ReturnType<typeof setTimeout> | null = null;

function scheduleSecondPurge(keys: readonly string[], fronts: string[]): void {
  const at = Date.now() + SECOND_PURGE_MS;
  for (const key of keys) {
    const found = due.get(key);
    if (found) found.again = at;
    else due.set(key, { at, again: null });
  }
  armTimer(fronts);
}

function armTimer(fronts: string[]): void {
  if (timer || due.size === 0) return;
  const first = Math.min(...[...due.values()].map((d) => d.at));
  timer = setTimeout(
    () => {
      timer = null;
      const now = Date.now();
      const keys: string[] = [];
      for (const [key, d] of due) {
        if (d.at > now) continue;
        keys.push(key);
        if (d.again === null) due.delete(key);
        else due.set(key, { at: d.again, again: null });
      }
      if (keys.length > 0) void purgeAll(fronts, keys);
      armTimer(fronts);
    },
    Math.max(0, first - Date.now()),
  );
  timer.unref();
}

/**
 * Removes every copy of the pages tagged with `keys` from the HTTP caches, the way Varnish's xkey
 * does: `PURGE` with an `xkey-purge` header. Resolves once every cache answered (or timed out), so
 * the page a writer is sent to next is fresh; a cache that cannot be reached is logged, never
 * fails the write. The server's own cache refuses a copy rendered before the purge; the others
 * get the purge a second time a moment later.
 */
export function purgeHttpCaches(keys: string[]): Promise<void> {
  const local = env().HEARTH_LOCAL_CACHE_URL;
  const fronts = frontCacheUrls();
  const urls = [...(local ? [local] : []), ...fronts];
  if (keys.length === 0 || urls.length === 0) return Promise.resolve();
  if (!next) {
    const batchKeys = new Set<string>();
    const sent = new Promise((resolve) =>
      setImmediate(() => {
        next = null; // later writes wait for the next purge
        resolve(purgeAll(urls, [...batchKeys]));
      }),
    );
    next = { keys: batchKeys, sent };
  }
  for (const key of keys) next.keys.add(key);
  if (fronts.length > 0) scheduleSecondPurge(keys, fronts);
  return next.sent.then(() => undefined);
}
