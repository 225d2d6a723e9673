// @ts-check
// Hearth's production server: Next.js behind a small front cache for anonymous page views.
// `npm start` runs it (through scripts/start.mjs); so do the end-to-end tests and the benchmarks.
import http from "node:http";
import { randomBytes } from "node:crypto";
import { rmSync } from "node:fs";
import path from "node:path";
import { gzipSync } from "node:zlib";
import next from "next";
import { COVER_MAX_BYTES, REQUEST_BODY_MAX_BYTES } from "./lib/uploads/limits.mjs";
import { backLink, exceedsBodyLimit, hasUnannouncedBody, holdBody, tooLargePage } from "./server/body-limit.mjs";
import { affectedBy, FrontCache } from "./server/front-cache.mjs";
import { badPathPage, crossSiteAction, crossSitePage, undecodablePath } from "./server/request-target.mjs";
import { canStripClientRuntime, stripClientRuntime } from "./server/reader-html.mjs";

// Sessions, forms and cookies are signed with AUTH_SECRET, and there is no fallback.
if (!process.env.AUTH_SECRET) {
  console.error("AUTH_SECRET is not set. Start Hearth with `npm start` (the demo) or `npm run serve` (production).");
  process.exit(1);
}

const port = Number(process.env.PORT || 3000);
const hostname = process.env.HOSTNAME || "0.0.0.0";
const frontCacheEnabled = process.env.FRONT_CACHE !== "off";
// Anonymous readers get pages without Next's client runtime (see docs/decisions/005).
const zeroJsReading = process.env.READER_JS !== "on";
const cache = new FrontCache({
  ttlMs: Number(process.env.FRONT_CACHE_TTL_SECONDS || 60) * 1000,
  // Serving the last copy of a page that changes many times a second: see docs/decisions/011.
  hotInvalidations: process.env.FRONT_CACHE_STALE === "off" ? 0 : 5,
});

// Next keeps pages rendered at run time (ISR) and cached query results on disk, inside the
// build folder. They belong to the database this process serves, which may not be the one the
// previous process served (tests, db:reset, another DATABASE_URL): start from an empty cache.
const distDir = path.join(import.meta.dirname, process.env.NEXT_DIST_DIR || ".next");
for (const dir of [path.join(distDir, "server", "route-cache"), path.join(distDir, "cache", "fetch-cache")]) {
  rmSync(dir, { recursive: true, force: true });
}

// Cache invalidations made inside the app (lib/cache/revalidate.ts) also empty this cache.
/** @type {any} */ (globalThis).__hearthFrontCacheClear = () => cache.clear();

const app = next({ dev: false, hostname, port, dir: import.meta.dirname });
const handle = app.getRequestHandler();
await app.prepare();

/**
 * Holds back everything Next writes (status, headers, body) and hands it to `onEnd` once the
 * response is complete, so it can be stored, rewritten and compressed before it is sent.
 * @param {http.ServerResponse} res
 * @param {(body: Buffer, send: (body: Buffer) => void) => void} onEnd
 */
function deferResponse(res, onEnd) {
  /** @type {Buffer[]} */
  const chunks = [];
  const original = { write: res.write, end: res.end, writeHead: res.writeHead, flushHeaders: res.flushHeaders };
  /** @param {any} chunk @param {any} encoding */
  const keep = (chunk, encoding) => {
    if (chunk == null || typeof chunk === "function") return;
    chunks.push(
      typeof chunk === "string" ? Buffer.from(chunk, typeof encoding === "string" ? encoding : "utf8") : Buffer.from(chunk),
    );
  };
  res.writeHead = /** @type {any} */ (
    function (/** @type {number} */ status, /** @type {any} */ reason, /** @type {any} */ headers) {
      res.statusCode = status;
      const h = typeof reason === "string" ? headers : reason;
      if (Array.isArray(h)) {
        const flat = Array.isArray(h[0]) ? h.flat() : h;
        for (let i = 0; i + 1 < flat.length; i += 2) res.setHeader(String(flat[i]), flat[i + 1]);
      } else if (h) {
        for (const [name, value] of Object.entries(h)) if (value !== undefined) res.setHeader(name, value);
      }
      return res;
    }
  );
  res.flushHeaders = () => {};
  res.write = /** @type {any} */ (
    function (/** @type {any} */ chunk, /** @type {any} */ encoding, /** @type {any} */ cb) {
      keep(chunk, encoding);
      const callback = typeof encoding === "function" ? encoding : cb;
      if (typeof callback === "function") process.nextTick(callback);
      return true;
    }
  );
  res.end = /** @type {any} */ (
    function (/** @type {any} */ chunk, /** @type {any} */ encoding, /** @type {any} */ cb) {
      keep(chunk, encoding);
      const callback = [chunk, encoding, cb].find((x) => typeof x === "function");
      Object.assign(res, original);
      onEnd(Buffer.concat(chunks), (body) => {
        res.removeHeader("transfer-encoding");
        res.setHeader("content-length", String(body.length));
        res.end(body, callback);
      });
      return res;
    }
  );
}

const COMPRESSIBLE = /^(text\/|application\/(json|xml|atom\+xml|rss\+xml|javascript|ld\+json)|image\/svg\+xml)/;

/**
 * @param {http.ServerResponse} res
 * @param {{ status: number, headers: Record<string, string | string[]>, body: Buffer, storedAt: number }} entry
 * @param {boolean} head
 */
function sendStored(res, entry, head) {
  res.writeHead(entry.status, {
    ...entry.headers,
    "content-length": String(entry.body.length),
    "x-hearth-cache": entry.stale ? "STALE" : "HIT",
    age: String(Math.floor((Date.now() - entry.storedAt) / 1000)),
  });
  res.end(head ? undefined : entry.body);
}

/** Background renders of hot pages: a header only this process knows asks for one. */
const REFRESH_HEADER = "x-hearth-refresh";
const refreshToken = randomBytes(16).toString("hex");
/** URLs whose next copy is scheduled or being rendered. */
const refreshing = new Set();

/**
 * Has `url` rendered again at `at` (ms since the epoch) by a request to this very server,
 * which stores the result like any other miss. One at a time per URL.
 * @param {string} url
 * @param {number} at
 */
function scheduleRefresh(url, at) {
  if (refreshing.has(url)) return;
  refreshing.add(url);
  setTimeout(
    () => {
      const address = server.address();
      const host =
        address && typeof address === "object" && address.address !== "0.0.0.0" && address.address !== "::"
          ? address.address
          : "127.0.0.1";
      const done = () => refreshing.delete(url);
      const request = http.get(
        {
          host,
          port: address && typeof address === "object" ? address.port : port,
          path: url,
          headers: { [REFRESH_HEADER]: refreshToken },
        },
        (response) => {
          response.resume();
          response.on("end", done);
          response.on("error", done);
        },
      );
      request.on("error", done);
      request.setTimeout(30_000, () => request.destroy());
    },
    Math.max(0, at - Date.now()),
  ).unref();
}

/**
 * Next (16.4) sometimes sends the Location of a redirect twice (the first time an old essay
 * address answers its 308). Browsers cope; other clients join the two into one broken URL.
 * Repeated identical values are sent once.
 * @param {http.ServerResponse} res
 */
function oneLocation(res) {
  const setHeader = res.setHeader;
  /** @param {unknown} value */
  const single = (value) => (Array.isArray(value) && new Set(value).size === 1 ? value[0] : value);
  res.setHeader = /** @type {any} */ (
    function (/** @type {string} */ name, /** @type {any} */ value) {
      return setHeader.call(res, name, name.toLowerCase() === "location" ? single(value) : value);
    }
  );
  const appendHeader = res.appendHeader;
  res.appendHeader = /** @type {any} */ (
    function (/** @type {string} */ name, /** @type {any} */ value) {
      if (name.toLowerCase() === "location" && res.getHeader("location") !== undefined) {
        const current = [res.getHeader("location")].flat().map(String);
        const added = [value].flat().map(String);
        if (added.every((v) => current.includes(v))) return res;
      }
      return appendHeader.call(res, name, value);
    }
  );
  const writeHead = res.writeHead;
  res.writeHead = /** @type {any} */ (
    function (/** @type {number} */ status, /** @type {any[]} */ ...rest) {
      for (const h of rest) {
        if (h && typeof h === "object" && !Array.isArray(h)) {
          for (const name of Object.keys(h)) if (name.toLowerCase() === "location") h[name] = single(h[name]);
        }
      }
      return writeHead.call(res, status, ...rest);
    }
  );
}

/** How long the rest of a refused request's body is still read (and dropped) after the 413. */
const LINGER_MS = 30_000;

/**
 * Answers a request whose body is larger than the server takes with a readable 413 page
 * (server/body-limit.mjs) instead of letting Next read it and fail. The body is never read
 * into memory: what the client still sends is discarded as it arrives, and a client waiting
 * for "100 Continue" never sends it (the connection closes after the answer).
 * @param {http.IncomingMessage} req
 * @param {http.ServerResponse} res
 */
function refuseTooLarge(req, res) {
  const body = Buffer.from(
    tooLargePage({
      limitBytes: REQUEST_BODY_MAX_BYTES,
      imageMaxBytes: COVER_MAX_BYTES,
      sentBytes: Number(req.headers["content-length"]),
      back: backLink(req.headers, req.url),
    }),
    "utf8",
  );
  /** @type {Record<string, string>} */
  const headers = {
    "content-type": "text/html; charset=utf-8",
    "content-length": String(body.length),
    "cache-control": "no-store",
    "content-security-policy": "default-src 'none'; style-src 'unsafe-inline'",
    "x-content-type-options": "nosniff",
    "referrer-policy": "strict-origin-when-cross-origin",
    "x-frame-options": "SAMEORIGIN",
  };
  // A client waiting for "100 Continue" sends no body: the connection closes after the answer.
  // A client already sending its body goes on sending while the answer arrives: what it still
  // sends is read and dropped, never kept, until its body ends (LINGER_MS at most). Closing the
  // connection under a client that is still writing resets it, and the reset can take the
  // answer with it before the client has read it ("lingering close", as web servers do).
  const waitsForContinue = /100-continue/i.test(String(req.headers.expect ?? ""));
  if (waitsForContinue) headers.connection = "close";
  res.writeHead(413, headers);
  res.end(body);
  req.resume();
  if (!waitsForContinue && !req.complete) {
    const linger = setTimeout(() => req.socket.destroy(), LINGER_MS);
    linger.unref();
    const stop = () => clearTimeout(linger);
    req.once("end", stop);
    req.socket.once("close", stop);
  }
}

/**
 * Answers a request Next would fail on (server/request-target.mjs) with `status` and a page,
 * without reading its body.
 * @param {http.IncomingMessage} req
 * @param {http.ServerResponse} res
 * @param {number} status
 * @param {string} html
 */
function refuseBeforeNext(req, res, status, html) {
  const body = Buffer.from(html, "utf8");
  res.writeHead(status, {
    "content-type": "text/html; charset=utf-8",
    "content-length": String(body.length),
    "cache-control": "no-store",
    "content-security-policy": "default-src 'none'; style-src 'unsafe-inline'",
    "x-content-type-options": "nosniff",
  });
  res.end(req.method === "HEAD" ? undefined : body);
  req.resume();
}

/** @param {http.IncomingMessage} req @param {http.ServerResponse} res */
function onRequest(req, res) {
  if (undecodablePath(req.url)) {
    refuseBeforeNext(req, res, 400, badPathPage());
    return;
  }
  if (crossSiteAction(req)) {
    refuseBeforeNext(req, res, 403, crossSitePage());
    return;
  }
  if (exceedsBodyLimit(req, REQUEST_BODY_MAX_BYTES)) {
    refuseTooLarge(req, res);
    return;
  }
  // A body without a Content-Length (chunked) is counted as it arrives and handed on only once
  // it ended within the limit.
  if (hasUnannouncedBody(req)) {
    holdBody(req, REQUEST_BODY_MAX_BYTES, (withinLimit) => (withinLimit ? serve(req, res) : refuseTooLarge(req, res)));
    return;
  }
  serve(req, res);
}

/** @param {http.IncomingMessage} req @param {http.ServerResponse} res */
function serve(req, res) {
  oneLocation(res);
  // The connection's address, for rate limits; never the client's own claim.
  req.headers["x-hearth-client-ip"] = req.socket.remoteAddress ?? "unknown";
  const method = req.method ?? "GET";
  if (method !== "GET" && method !== "HEAD") {
    // Anything that is not a read may change what pages show: forget the stored pages it may
    // have changed once it is done (and before, so nothing rendered meanwhile is stored).
    const path = (req.url ?? "/").split("?")[0] ?? "/";
    const drop = affectedBy(path);
    cache.clear(drop);
    // An explicit purge drops every copy, even of pages busy enough to be served stale.
    res.on("finish", () => (path === "/api/revalidate" && res.statusCode === 200 ? cache.purge() : cache.clear(drop)));
    handle(req, res);
    return;
  }
  const isRefresh = req.headers[REFRESH_HEADER] === refreshToken;
  delete req.headers[REFRESH_HEADER];
  const key = frontCacheEnabled ? cache.keyFor(req) : null;
  if (key === null) {
    handle(req, res);
    return;
  }
  const found = isRefresh ? { kind: "miss" } : cache.lookup(key);
  if (found.kind === "hit") {
    sendStored(res, found.entry, method === "HEAD");
    return;
  }
  if (found.kind === "stale") {
    sendStored(res, found.entry, method === "HEAD");
    scheduleRefresh(key.slice(key.indexOf(" ") + 1), found.refreshAt);
    return;
  }
  if (method === "HEAD") {
    handle(req, res);
    return;
  }
  const generation = cache.generation;
  const wantsGzip = key.startsWith("gzip ");
  const url = key.slice(key.indexOf(" ") + 1);
  // Next answers uncompressed; the page is compressed once here, not on every request.
  delete req.headers["accept-encoding"];
  deferResponse(res, (body, send) => {
    const headers = /** @type {Record<string, string | string[] | number | undefined>} */ (res.getHeaders());
    const cacheable = cache.ttlFor(res.statusCode, headers) > 0;
    const type = String(headers["content-type"] ?? "");
    let identity = body;
    if (cacheable && zeroJsReading && type.startsWith("text/html")) {
      const html = body.toString("utf8");
      if (canStripClientRuntime(html)) identity = Buffer.from(stripClientRuntime(html), "utf8");
    }
    const compress = COMPRESSIBLE.test(type) && identity.length > 1024 && !headers["content-encoding"];
    const gzipped = compress ? gzipSync(identity, { level: 6 }) : null;
    if (compress) {
      const vary = String(res.getHeader("vary") ?? "");
      if (!/\baccept-encoding\b/i.test(vary)) res.setHeader("vary", vary ? `${vary}, Accept-Encoding` : "Accept-Encoding");
    }
    if (cacheable) {
      const stored = { status: res.statusCode, headers: /** @type {typeof headers} */ (res.getHeaders()) };
      cache.store(`identity ${url}`, generation, { ...stored, body: identity });
      if (gzipped)
        cache.store(`gzip ${url}`, generation, {
          ...stored,
          headers: { ...stored.headers, "content-encoding": "gzip" },
          body: gzipped,
        });
    }
    if (wantsGzip && gzipped) {
      res.setHeader("content-encoding", "gzip");
      send(gzipped);
    } else {
      send(identity);
    }
  });
  handle(req, res);
}

const server = http.createServer(onRequest);
// A client that asks before sending a large body ("Expect: 100-continue", as curl does) is
// told to go ahead only when the body is within the limit.
server.on("checkContinue", (req, res) => {
  if (!exceedsBodyLimit(req, REQUEST_BODY_MAX_BYTES)) res.writeContinue();
  onRequest(req, res);
});
server.keepAliveTimeout = 65_000;
server.listen(port, hostname, () => {
  console.log(`Hearth is serving on http://${hostname === "0.0.0.0" ? "localhost" : hostname}:${port}`);
});

for (const signal of ["SIGINT", "SIGTERM"]) {
  process.on(signal, () => {
    server.close(() => process.exit(0));
    setTimeout(() => process.exit(0), 3000).unref();
  });
}
