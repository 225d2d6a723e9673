// Types for server/front-cache.mjs (plain JavaScript with JSDoc; the project does not enable
// allowJs), so tests can import it under `strict`. Mirrors the JSDoc of that file.
declare module "*/server/front-cache.mjs" {
  export interface FrontCacheEntry {
    status: number;
    headers: Record<string, string | string[]>;
    body: Buffer;
    storedAt: number;
    expiresAt: number;
    encoding: string | null;
    stale: boolean;
    invalidations: number[];
    refreshedAt: number | null;
  }

  export type FrontCacheLookup =
    | { kind: "hit"; entry: FrontCacheEntry }
    | { kind: "stale"; entry: FrontCacheEntry; refreshAt: number }
    | { kind: "miss" };

  export interface FrontCacheRequest {
    method?: string;
    url?: string;
    headers: Record<string, string | string[] | undefined>;
  }

  export type FrontCacheResponseHeaders = Record<string, string | string[] | number | undefined>;

  export class FrontCache {
    constructor(options?: {
      maxEntries?: number;
      maxBytes?: number;
      ttlMs?: number;
      now?: () => number;
      hotInvalidations?: number;
      hotWindowMs?: number;
      invalidationGapMs?: number;
      refreshIntervalMs?: number;
    });
    maxEntries: number;
    maxBytes: number;
    ttlMs: number;
    now: () => number;
    entries: Map<string, FrontCacheEntry>;
    bytes: number;
    generation: number;
    keyFor(req: FrontCacheRequest): string | null;
    hotInvalidations: number;
    hotWindowMs: number;
    invalidationGapMs: number;
    refreshIntervalMs: number;
    get(key: string): FrontCacheEntry | undefined;
    lookup(key: string): FrontCacheLookup;
    isHot(entry: FrontCacheEntry, now: number): boolean;
    delete(key: string): void;
    ttlFor(status: number, headers: FrontCacheResponseHeaders): number;
    store(
      key: string,
      generation: number,
      response: { status: number; headers: FrontCacheResponseHeaders; body: Buffer },
    ): boolean;
    clear(drop?: (url: string) => boolean): void;
    purge(): void;
  }
  export function affectedBy(path: string): ((url: string) => boolean) | undefined;
}
