// @ts-check
/**
 * A small in-process cache in front of Next.js for anonymous page views.
 *
 * Next's own ISR cache already spares the database, but serving a cached page still costs
 * Next ~2 ms of CPU for a 150 KB essay; this cache answers a repeat anonymous GET in a few
 * microseconds. It stores only what Next itself marked as publicly cacheable (an ISR page with
 * `s-maxage`, freshly rendered or a cache hit, never a stale one), only for requests that carry
 * no viewer state (no session or Hearth cookie, no query string, no RSC/router headers), and it
 * is emptied by every request that can change data (any method other than GET/HEAD: server
 * actions, sign-in, the revalidation API). See docs/decisions/004-front-cache.md.
 *
 * "Emptied" means marked stale: a stale copy is never served to a page that changes now and
 * then (the next request renders it afresh), but a page that keeps being changed while it is
 * read (comments pouring in) is "hot": its readers keep getting the last copy while one
 * background request at a time, at most once per `refreshIntervalMs`, renders the next one
 * (stale-while-revalidate; see docs/decisions/011-busy-pages.md).
 */

/** Cookies whose presence makes a page viewer-specific. */
const VIEWER_COOKIE = /(?:^|;\s*)(?:__Secure-|__Host-)?(?:authjs\.|next-auth\.|hearth_)/;
/** Request headers Next uses for client-side navigation payloads. */
const RSC_HEADERS = ["rsc", "next-router-state-tree", "next-router-prefetch", "next-router-segment-prefetch", "next-action"];
/** Response headers that must not be replayed to another viewer. */
const PRIVATE_RESPONSE_HEADERS = new Set(["set-cookie"]);

/**
 * @typedef {{ status: number, headers: Record<string, string | string[]>, body: Buffer, storedAt: number, expiresAt: number, encoding: string | null, stale: boolean, invalidations: number[], refreshedAt: number | null }} Entry
 * @typedef {{ kind: "hit", entry: Entry } | { kind: "stale", entry: Entry, refreshAt: number } | { kind: "miss" }} Lookup
 * @typedef {{ method?: string, url?: string, headers: Record<string, string | string[] | undefined> }} RequestLike
 */

export class FrontCache {
  /**
   * @param {{ maxEntries?: number, maxBytes?: number, ttlMs?: number, now?: () => number, hotInvalidations?: number, hotWindowMs?: number, invalidationGapMs?: number, refreshIntervalMs?: number }} [options]
   *   A page is hot when it was changed hotInvalidations times within hotWindowMs (changes
   *   closer than invalidationGapMs count once: one write clears several times) and was
   *   rendered again after a change within that window too (0: never serve a stale copy);
   *   a hot page is rendered again at most once per refreshIntervalMs.
   */
  constructor(options = {}) {
    this.maxEntries = options.maxEntries ?? 1000;
    this.maxBytes = options.maxBytes ?? 64 * 1024 * 1024;
    this.ttlMs = options.ttlMs ?? 60_000;
    this.now = options.now ?? Date.now;
    this.hotInvalidations = options.hotInvalidations ?? 5;
    this.hotWindowMs = options.hotWindowMs ?? 2000;
    this.invalidationGapMs = options.invalidationGapMs ?? 100;
    this.refreshIntervalMs = options.refreshIntervalMs ?? 1000;
    /** @type {Map<string, Entry>} */
    this.entries = new Map();
    this.bytes = 0;
    /** Bumped by every clear(); a response rendered before a clear is not stored after it. */
    this.generation = 0;
  }

  /**
   * The cache key for a request, or null when the request must go to Next.
   * @param {RequestLike} req
   */
  keyFor(req) {
    if (req.method !== "GET" && req.method !== "HEAD") return null;
    const url = req.url ?? "";
    if (!url.startsWith("/") || url.includes("?") || url.startsWith("/_next/") || url.startsWith("/api/")) return null;
    const cookie = req.headers.cookie;
    if (typeof cookie === "string" && VIEWER_COOKIE.test(cookie)) return null;
    if (req.headers.authorization) return null;
    for (const h of RSC_HEADERS) if (req.headers[h] !== undefined) return null;
    const accept = String(req.headers["accept-encoding"] ?? "");
    return `${/\bgzip\b/.test(accept) ? "gzip" : "identity"} ${url}`;
  }

  /**
   * The fresh copy stored under `key`, if any.
   * @param {string} key
   */
  get(key) {
    const found = this.lookup(key);
    return found.kind === "hit" ? found.entry : undefined;
  }

  /**
   * What to answer for `key`: a fresh copy ("hit"); the last copy of a hot page that changed
   * since ("stale": serve it, and have it rendered again at `refreshAt`); or nothing ("miss":
   * let Next render it).
   * @param {string} key
   * @returns {Lookup}
   */
  lookup(key) {
    const entry = this.entries.get(key);
    if (!entry) return { kind: "miss" };
    const now = this.now();
    if (entry.expiresAt <= now) {
      this.delete(key);
      return { kind: "miss" };
    }
    // Refresh LRU position.
    this.entries.delete(key);
    this.entries.set(key, entry);
    if (!entry.stale) return { kind: "hit", entry };
    if (!this.isHot(entry, now)) return { kind: "miss" };
    return { kind: "stale", entry, refreshAt: Math.max(now, entry.storedAt + this.refreshIntervalMs) };
  }

  /**
   * @param {Entry} entry
   * @param {number} now
   */
  isHot(entry, now) {
    if (this.hotInvalidations <= 0) return false;
    const since = now - this.hotWindowMs;
    if (entry.refreshedAt === null || entry.refreshedAt <= since) return false;
    return entry.invalidations.filter((t) => t > since).length >= this.hotInvalidations;
  }

  /** @param {string} key */
  delete(key) {
    const entry = this.entries.get(key);
    if (entry) {
      this.bytes -= entry.body.length;
      this.entries.delete(key);
    }
  }

  /**
   * Decides whether a finished response may be stored, and for how long (ms); 0 = do not store.
   * @param {number} status
   * @param {Record<string, string | string[] | number | undefined>} headers lower-case names
   */
  ttlFor(status, headers) {
    if (status !== 200) return 0;
    if (headers["set-cookie"] !== undefined) return 0;
    const nextCache = String(headers["x-nextjs-cache"] ?? "");
    if (nextCache !== "HIT" && nextCache !== "MISS") return 0;
    const cc = String(headers["cache-control"] ?? "");
    if (/\b(private|no-store|no-cache)\b/.test(cc)) return 0;
    const match = /s-maxage=(\d+)/.exec(cc);
    if (!match) return 0;
    return Math.min(Number(match[1]) * 1000, this.ttlMs);
  }

  /**
   * @param {string} key
   * @param {number} generation the generation seen when the request arrived
   * @param {{ status: number, headers: Record<string, string | string[] | number | undefined>, body: Buffer }} response
   */
  store(key, generation, response) {
    const previous = this.entries.get(key);
    // Rendered before a change: only worth keeping in place of a stale copy (it is not older
    // than that), and it stays stale.
    const outdated = generation !== this.generation;
    if (outdated && !(previous?.stale && this.isHot(previous, this.now()))) return false;
    const ttl = this.ttlFor(response.status, response.headers);
    if (ttl <= 0 || response.body.length > this.maxBytes / 8) return false;
    /** @type {Record<string, string | string[]>} */
    const headers = {};
    for (const [name, value] of Object.entries(response.headers)) {
      if (value === undefined || PRIVATE_RESPONSE_HEADERS.has(name)) continue;
      headers[name] = typeof value === "number" ? String(value) : value;
    }
    this.delete(key);
    const now = this.now();
    const encoding = typeof headers["content-encoding"] === "string" ? headers["content-encoding"] : null;
    this.entries.set(key, {
      status: response.status,
      headers,
      body: response.body,
      storedAt: now,
      expiresAt: now + ttl,
      encoding,
      stale: outdated,
      invalidations: previous ? previous.invalidations : [],
      // Rendered again after a change (the page is being read while it changes).
      refreshedAt: previous?.stale ? now : (previous?.refreshedAt ?? null),
    });
    this.bytes += response.body.length;
    while (this.entries.size > this.maxEntries || this.bytes > this.maxBytes) {
      const oldest = this.entries.keys().next().value;
      if (oldest === undefined) break;
      this.delete(oldest);
    }
    return true;
  }

  /**
   * Forgets every stored page, hot or not: an explicit purge (POST /api/revalidate after the
   * database was changed outside the app) promises that the next request sees the change.
   */
  purge() {
    this.generation++;
    this.entries.clear();
    this.bytes = 0;
  }

  /**
   * Marks everything stale (after any request that may have changed data), or only the entries
   * whose URL `drop` selects. A stale entry is not served again unless its page is hot.
   * @param {(url: string) => boolean} [drop] which URLs; all when omitted
   */
  clear(drop) {
    this.generation++;
    const now = this.now();
    for (const [key, entry] of this.entries) {
      if (drop && !drop(key.slice(key.indexOf(" ") + 1))) continue;
      entry.stale = true;
      const last = entry.invalidations[entry.invalidations.length - 1];
      if (last !== undefined && now - last < this.invalidationGapMs) continue;
      // Keep only what hotness looks at.
      if (entry.invalidations.length >= 4 * Math.max(1, this.hotInvalidations)) entry.invalidations.shift();
      entry.invalidations.push(now);
    }
  }
}

/**
 * What a write posted to `path` may have changed. A form on an essay (a comment, a like) changes
 * that essay's pages and the listings that show comment counts, not the other essays' pages;
 * anything else (accounts, settings, sign-in) may change every page.
 * @param {string} path the POST's path, without query
 * @returns {((url: string) => boolean) | undefined} which cached URLs to drop (undefined: all)
 */
export function affectedBy(path) {
  const essay = /^\/posts\/([^/?#]+)/.exec(path);
  if (!essay) return undefined;
  const prefix = `/posts/${essay[1]}`;
  return (url) => url === prefix || url.startsWith(`${prefix}/`) || url.startsWith(`${prefix}#`) || !url.startsWith("/posts/");
}
