import "server-only";
import { unstable_cache } from "next/cache";
import { env } from "../env";

/**
 * A database read kept by Next's data cache under `tags` (./tags.ts) until a write expires them
 * (./revalidate.ts). Next keeps that cache per process, so when several instances serve one
 * database (deploy/) HEARTH_QUERY_CACHE=off reads the database every time: each instance would
 * otherwise keep its own copy, and a write on one would not expire the others'. The shared HTTP
 * cache in front of them (Varnish) is what spares the database there.
 */
export function cachedQuery<A extends unknown[], R>(
  read: (...args: A) => Promise<R>,
  keyParts: string[],
  options: { tags: string[]; revalidate?: number },
): (...args: A) => Promise<R> {
  const cached = unstable_cache(read, keyParts, options);
  return (...args: A) => (env().HEARTH_QUERY_CACHE === "off" ? read(...args) : cached(...args));
}
