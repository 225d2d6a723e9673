/**
 * How many times each tag has been expired in this process. A cached query's key holds the
 * current generation of its tags (./query.ts), so an expiry moves every reader to a new key at
 * once.
 *
 * This replaces Next's tag expiry (`revalidateTag`), which has a race: `unstable_cache` stamps an
 * entry with the time it was *stored*, not the time its read began. A read that began before a
 * write committed and was stored just after the write expired its tag counted as fresh, and the
 * old result was served until the next expiry (an essay's heading said "4 thoughts" above five
 * comments; docs/decisions/017-http-caching.md). Under a generation key that late result is
 * stored where nobody looks any more. A counter also works outside a request (a timer, a
 * background import), and other instances can advance it (./shared-expiry.ts).
 *
 * Kept on globalThis: Next loads this module once per bundle (pages, route handlers,
 * instrumentation), and all copies must count the same expiries. Not `server-only`, for
 * instrumentation.ts.
 */
interface Generations {
  /** Advanced for every tag at once (./shared-expiry.ts: expiries may have been missed). */
  all: number;
  byTag: Map<string, number>;
}

const generations: Generations = ((globalThis as { __hearthTagGenerations?: Generations }).__hearthTagGenerations ??= {
  all: 0,
  byTag: new Map(),
});

/** Moves every query cached under one of `tagList` to a new key (lib/cache/revalidate.ts). */
export function advanceTagGenerations(tagList: readonly string[]): void {
  for (const tag of tagList) generations.byTag.set(tag, (generations.byTag.get(tag) ?? 0) + 1);
}

/** Moves every cached query to a new key. */
export function advanceAllGenerations(): void {
  generations.all++;
}

/** The generations of `tagList`, as one key part. */
export function tagGenerationKey(tagList: readonly string[]): string {
  return [generations.all, ...tagList.map((tag) => generations.byTag.get(tag) ?? 0)].join(".");
}
