// @ts-check
/**
 * The HTTP cache in front of Next.js in `npm start` (one process, no other service): a shared
 * cache that follows the headers the app sends, the same rules Varnish follows in deploy/
 * (docs/decisions/017-http-caching.md). Freshness, `Vary` and stale-while-revalidate are decided
 * by http-cache-semantics (RFC 9111 / 5861); this module only keeps the bytes, answers
 * conditional requests, lets one request at a time fetch a missing page (the others wait for it),
 * and forgets pages by surrogate key (`Cache-Tag`) when the app purges them.
 */
import CachePolicy from "http-cache-semantics";

/** Statuses worth keeping (what Varnish keeps by default, less the redirects that name a session). */
const STORED_STATUSES = new Set([200, 203, 204, 300, 301, 308, 404, 410]);

/**
 * @typedef {{ url: string, method: string, headers: Record<string, string | string[] | undefined> }} RequestLike
 * @typedef {{ status: number, headers: Record<string, string | string[] | undefined> }} ResponseHead
 * @typedef {{ identity: string[], gzip: string[] | null, notModified: string[] }} Wire
 *   A copy's headers as `writeHead` takes them (flat name/value lists, without Age), per answer:
 *   the identity body, the gzip body, 304.
 * @typedef {{ status: number, etag: string, identity: Buffer, gzip: Buffer | null, wire: Wire, initialAge: number, storedAt: number }} Copy
 *   What a response is sent from: its status, header lists, both encodings, and its age when it arrived.
 * @typedef {Copy & { policy: CachePolicy, keys: string[], bytes: number, freshUntil: number, varyNames: string[] | null, varyValues: (string | string[] | undefined)[] }} Entry
 */

/** The surrogate keys a response names (`Cache-Tag: a b c`). */
export function surrogateKeys(headers) {
  const value = headers["cache-tag"];
  return String(Array.isArray(value) ? value.join(" ") : (value ?? ""))
    .split(/[\s,]+/)
    .filter(Boolean);
}

/**
 * The header lists a copy is sent with, built once when the copy is made: a hit adds only `Age`
 * (and `X-Cache`) to one of them.
 * @param {Record<string, string | string[] | number | undefined>} headers the response's, as sent
 * @param {Buffer} identity
 * @param {Buffer | null} gzip
 * @returns {Wire}
 */
export function wireHeaders(headers, identity, gzip) {
  /** @type {string[]} */
  const base = [];
  for (const [name, value] of Object.entries(headers)) {
    if (value === undefined || name === "content-length" || name === "content-encoding" || name === "age") continue;
    if (Array.isArray(value)) for (const v of value) base.push(name, v);
    else base.push(name, String(value));
  }
  return {
    identity: [...base, "content-length", String(identity.length)],
    gzip: gzip === null ? null : [...base, "content-encoding", "gzip", "content-length", String(gzip.length)],
    notModified: base,
  };
}

/**
 * A GET as the cache sees it: a stored page holds both an identity and a gzip copy, so
 * `Accept-Encoding` never tells two copies apart (as Varnish normalizes it).
 * @param {{ url?: string, headers: Record<string, string | string[] | undefined> }} req
 * @returns {RequestLike}
 */
export function cacheRequest(req) {
  const headers = { ...req.headers };
  delete headers["accept-encoding"];
  return { url: req.url ?? "/", method: "GET", headers };
}

export class HttpCache {
  /**
   * Time is Date.now(), as http-cache-semantics reads it.
   * @param {{ maxBytes?: number }} [options]
   */
  constructor(options = {}) {
    this.maxBytes = options.maxBytes ?? 128 * 1024 * 1024;
    /** Variants per URL (one per distinct `Vary` match), most recently used URL last. @type {Map<string, Entry[]>} */
    this.entries = new Map();
    this.bytes = 0;
    /** When each surrogate key was last purged (ms): a fetch begun before then is not stored. @type {Map<string, number>} */
    this.purgedAt = new Map();
    /** When everything was last purged. */
    this.allPurgedAt = -Infinity;
    /** Fetches in flight, by URL: later requests for it wait for the first. @type {Map<string, Promise<unknown>>} */
    this.inFlight = new Map();
  }

  /**
   * The stored response that may answer `req`: `fresh` may be sent as it is; `stale` may be sent
   * while it is fetched again (stale-while-revalidate); otherwise there is none.
   * @param {RequestLike} req
   * @returns {{ kind: "fresh" | "stale", entry: Entry } | null}
   */
  lookup(req) {
    const variants = this.entries.get(req.url);
    if (!variants) return null;
    // The common case answered without building anything: a request that asks nothing of caches
    // itself (no Cache-Control, Pragma or Authorization), for a copy still fresh whose `Vary`
    // headers it matches. It is the same decision http-cache-semantics makes (below) for it.
    const h = req.headers;
    if (h["cache-control"] === undefined && h.pragma === undefined && h.authorization === undefined) {
      const now = Date.now();
      for (const entry of variants) {
        if (entry.varyNames !== null && now < entry.freshUntil && entry.varyNames.every((n, i) => h[n] === entry.varyValues[i])) {
          return { kind: "fresh", entry };
        }
      }
    }
    const normalized = cacheRequest(req);
    for (const entry of variants) {
      const { revalidation } = entry.policy.evaluateRequest(normalized);
      if (!revalidation) return { kind: "fresh", entry };
      if (!revalidation.synchronous) return { kind: "stale", entry };
    }
    return null;
  }

  /**
   * Whether a response may be stored, decided as a shared cache does.
   * @param {RequestLike} req
   * @param {ResponseHead} res
   */
  policyFor(req, res) {
    if (!STORED_STATUSES.has(res.status) || res.headers["set-cookie"] !== undefined) return null;
    const policy = new CachePolicy(req, res, { shared: true, cacheHeuristic: 0 });
    return policy.storable() && policy.timeToLive() > 0 ? policy : null;
  }

  /**
   * Keeps a response fetched from `begunAt` on, unless one of its keys was purged since then
   * (it may show what the purge was about to remove).
   * @param {RequestLike} req
   * @param {CachePolicy} policy
   * @param {{ status: number, keys: string[], etag: string, identity: Buffer, gzip: Buffer | null }} response
   * @param {number} begunAt
   */
  store(req, policy, response, begunAt) {
    if (this.allPurgedAt >= begunAt) return false;
    if (response.keys.some((k) => (this.purgedAt.get(k) ?? 0) >= begunAt)) return false;
    const bytes = response.identity.length + (response.gzip?.length ?? 0);
    if (bytes > this.maxBytes / 8) return false;
    const storedAt = Date.now();
    const headers = /** @type {Record<string, string | string[] | undefined>} */ (policy.responseHeaders());
    const initialAge = Number(headers.age ?? 0) || 0;
    // `Vary` names but Accept-Encoding (every stored page holds both encodings); "*" matches no
    // request, so such a copy always takes the full check.
    const vary = String(headers.vary ?? "")
      .toLowerCase()
      .split(",")
      .map((v) => v.trim())
      .filter((v) => v && v !== "accept-encoding");
    const varyNames = vary.includes("*") ? null : vary;
    /** @type {Entry} */
    const entry = {
      policy,
      ...response,
      bytes,
      storedAt,
      wire: wireHeaders(headers, response.identity, response.gzip),
      initialAge,
      freshUntil: storedAt + Math.max(0, policy.maxAge() - policy.age()) * 1000,
      varyNames,
      varyValues: (varyNames ?? []).map((n) => req.headers[n]),
    };
    const variants = (this.entries.get(req.url) ?? []).filter((old) => {
      // A variant this response replaces (it answers the same requests) goes.
      const same = old.policy.satisfiesWithoutRevalidation(req);
      if (same) this.bytes -= old.bytes;
      return !same;
    });
    variants.unshift(entry);
    this.entries.delete(req.url);
    this.entries.set(req.url, variants);
    this.bytes += bytes;
    this.evict();
    return true;
  }

  /** Drops the least recently stored URLs until the cache fits. */
  evict() {
    for (const [url, variants] of this.entries) {
      if (this.bytes <= this.maxBytes) break;
      for (const v of variants) this.bytes -= v.bytes;
      this.entries.delete(url);
    }
  }

  /**
   * Forgets every stored response tagged with one of `keys` (all of them when `keys` is empty).
   * @param {string[]} keys
   * @returns {number} how many responses were dropped
   */
  purge(keys) {
    const at = Date.now();
    let dropped = 0;
    if (keys.length === 0) {
      this.allPurgedAt = at;
      for (const variants of this.entries.values()) dropped += variants.length;
      this.entries.clear();
      this.bytes = 0;
      return dropped;
    }
    const wanted = new Set(keys);
    for (const key of wanted) this.purgedAt.set(key, at);
    for (const [url, variants] of this.entries) {
      const kept = variants.filter((v) => {
        const hit = v.keys.some((k) => wanted.has(k));
        if (hit) {
          this.bytes -= v.bytes;
          dropped++;
        }
        return !hit;
      });
      if (kept.length === 0) this.entries.delete(url);
      else if (kept.length !== variants.length) this.entries.set(url, kept);
    }
    return dropped;
  }

  /**
   * Runs `fetch` for `url` unless one is already running, in which case it waits for that one.
   * @template T
   * @param {string} url
   * @param {() => Promise<T>} fetch
   * @returns {{ leader: boolean, done: Promise<T> }}
   */
  coalesce(url, fetch) {
    const running = this.inFlight.get(url);
    if (running) return { leader: false, done: /** @type {Promise<T>} */ (running) };
    const done = fetch().finally(() => this.inFlight.delete(url));
    this.inFlight.set(url, done);
    return { leader: true, done };
  }
}
