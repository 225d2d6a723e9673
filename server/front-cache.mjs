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
 */

/** Cookies whose presence makes a page viewer-specific. */
const VIEWER_COOKIE = /(?:^|;\s*)(?:__Secure-|__Host-)?(?:authjs\.|next-auth\.|hearth_)/;
/** Request headers Next uses for client-side navigation payloads. */
const RSC_HEADERS = ["rsc", "next-router-state-tree", "next-router-prefetch", "next-router-segment-prefetch", "next-action"];
/** Response headers that must not be replayed to another viewer. */
const PRIVATE_RESPONSE_HEADERS = new Set(["set-cookie"]);

/**
 * @typedef {{ status: number, headers: Record<string, string | string[]>, body: Buffer, storedAt: number, expiresAt: number, encoding: string | null }} Entry
 * @typedef {{ method?: string, url?: string, headers: Record<string, string | string[] | undefined> }} RequestLike
 */

export class FrontCache {
  /**
   * @param {{ maxEntries?: number, maxBytes?: number, ttlMs?: number, now?: () => number }} [options]
   */
  constructor(options = {}) {
    this.maxEntries = options.maxEntries ?? 1000;
    this.maxBytes = options.maxBytes ?? 64 * 1024 * 1024;
    this.ttlMs = options.ttlMs ?? 60_000;
    this.now = options.now ?? Date.now;
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

  /** @param {string} key */
  get(key) {
    const entry = this.entries.get(key);
    if (!entry) return undefined;
    if (entry.expiresAt <= this.now()) {
      this.delete(key);
      return undefined;
    }
    // Refresh LRU position.
    this.entries.delete(key);
    this.entries.set(key, entry);
    return entry;
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
    if (generation !== this.generation) return false;
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
   * Drops everything (after any request that may have changed data), or only the entries whose
   * URL `drop` selects.
   * @param {(url: string) => boolean} [drop] which URLs to drop; all when omitted
   */
  clear(drop) {
    this.generation++;
    if (!drop) {
      this.entries.clear();
      this.bytes = 0;
      return;
    }
    for (const key of [...this.entries.keys()]) {
      if (drop(key.slice(key.indexOf(" ") + 1))) this.delete(key);
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
