import "server-only";
import { unstable_cache } from "next/cache";
import { env } from "../env";

/**
 * How many times each tag has been expired in this process. A cached query's key holds the
 * current generation of its tags, so an expiry moves every reader to a new key at once.
 *
 * This replaces Next's tag expiry (`revalidateTag`), which has a race: `unstable_cache` stamps an
 * entry with the time it was *stored*, not the time its read began. A read that began before a
 * write committed and was stored just after the write expired its tag counted as fresh, and the
 * old result was served until the next expiry (an essay's heading said "4 thoughts" above five
 * comments; docs/decisions/017-http-caching.md). Under a generation key that late result is
 * stored where nobody looks any more. A counter also works outside a request (a timer, a
 * background import), which `revalidateTag` does not. Kept on globalThis: Next loads this module
 * once per bundle (pages, route handlers, instrumentation), and all copies must count the same
 * expiries.
 */
const generations: Map<string, number> = ((globalThis as { __hearthTagGenerations?: Map<string, number> })
  .__hearthTagGenerations ??= new Map());

/** Moves every query cached under one of `tagList` to a new key (lib/cache/revalidate.ts). */
export function advanceTagGenerations(tagList: readonly string[]): void {
  for (const tag of tagList) generations.set(tag, (generations.get(tag) ?? 0) + 1);
}

/** The generations of `tagList`, as one key part. */
export function tagGenerationKey(tagList: readonly string[]): string {
  return tagList.map((tag) => generations.get(tag) ?? 0).join(".");
}

/**
 * A database read kept by Next's data cache (in memory) until a write expires one of `tags`
 * (./tags.ts, ./revalidate.ts), or for `revalidate` seconds when given. Next keeps that cache
 * per process, so when several instances serve one database (deploy/) HEARTH_QUERY_CACHE=off
 * reads the database every time: each instance would otherwise keep its own copy, and a write on
 * one would not expire the others'. The shared HTTP cache in front of them (Varnish) is what
 * spares the database there.
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
    env().HEARTH_QUERY_CACHE === "off" ? read(...args) : cached(tagGenerationKey(options.tags), ...args);
}
