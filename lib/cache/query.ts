import "server-only";
import { unstable_cache } from "next/cache";
import { env } from "../env";
import { tagGenerationKey } from "./generations";
import { sharing } from "./shared-expiry";

/**
 * A database read kept by Next's data cache (in memory) until a write expires one of `tags`
 * (./tags.ts, ./generations.ts, ./revalidate.ts), or for `revalidate` seconds when given. Next
 * keeps that cache per process; on PostgreSQL, where several instances may share the database,
 * their expiries reach each other through ./shared-expiry.ts, and while that is not possible
 * every read goes to the database. HEARTH_QUERY_CACHE=off reads the database every time.
 */
export function cachedQuery<A extends unknown[], R>(
  read: (...args: A) => Promise<R>,
  keyParts: string[],
  options: { tags: string[]; revalidate?: number },
): (...args: A) => Promise<R> {
  // The generation is an argument, so it is part of the entry's key; the read ignores it.
  const cached = unstable_cache((_generation: string, ...args: A) => read(...args), keyParts, {
    revalidate: options.revalidate,
  });
  return (...args: A) =>
    env().HEARTH_QUERY_CACHE === "off" || !sharing() ? read(...args) : cached(tagGenerationKey(options.tags), ...args);
}
