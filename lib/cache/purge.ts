import "server-only";
import { env } from "../env";

/** How long one cache may take to answer a purge before the write goes on without it. */
const PURGE_TIMEOUT_MS = 2000;
/**
 * A page whose render began before a write and ended after its purge would be stored with the
 * old content. The server's own cache refuses such a copy; a second purge a moment later removes
 * it from a cache in front (Varnish).
 */
const SECOND_PURGE_MS = 1000;

async function purgeOne(url: string, keys: string[]): Promise<void> {
  try {
    const response = await fetch(url, {
      method: "PURGE",
      headers: { "xkey-purge": keys.join(" ") },
      signal: AbortSignal.timeout(PURGE_TIMEOUT_MS),
    });
    await response.arrayBuffer();
    if (!response.ok) console.error(`Purging ${keys.join(" ")} at ${url} answered ${response.status}`);
  } catch (error) {
    console.error(`Purging ${keys.join(" ")} at ${url} failed: ${(error as Error).message}`);
  }
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
