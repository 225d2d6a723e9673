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

/**
 * Removes every copy of the pages tagged with `keys` from the HTTP caches, the way Varnish's xkey
 * does: `PURGE` with an `xkey-purge` header. Resolves once every cache answered (or timed out), so
 * the page a writer is sent to next is fresh; a cache that cannot be reached is logged, never
 * fails the write. The server's own cache refuses a copy rendered before the purge; the others
 * get the purge a second time a moment later.
 */
export async function purgeHttpCaches(keys: string[]): Promise<void> {
  const local = env().HEARTH_LOCAL_CACHE_URL;
  const fronts = frontCacheUrls();
  if (keys.length === 0) return;
  await Promise.all([...(local ? [local] : []), ...fronts].map((url) => purgeOne(url, keys)));
  if (fronts.length > 0) {
    setTimeout(() => void Promise.all(fronts.map((url) => purgeOne(url, keys))), SECOND_PURGE_MS).unref();
  }
}
