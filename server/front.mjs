// @ts-check
// Hearth's HTTP front: refuses what Next would fail on, names the client's address, and keeps the
// pages anonymous readers share as any HTTP cache would (server/http-cache.mjs,
// docs/decisions/017-http-caching.md). Next.js listens on a private socket behind it
// (server.mjs). With its cache on (`npm start`), the front runs on a thread of its own, so a
// cache hit runs none of what Next.js installs on the thread that renders (its async-context
// hooks, its patched timers and clock); with it off (each instance behind Varnish in deploy/) it
// runs on Next's thread and hands writes straight to Next.
import { createHash } from "node:crypto";
import http from "node:http";
import { gzipSync } from "node:zlib";
import { isMainThread, parentPort, workerData } from "node:worker_threads";
import { STANDALONE_PAGE_CSP } from "../lib/html/standalone-page.mjs";
import { COVER_MAX_BYTES, REQUEST_BODY_MAX_BYTES } from "../lib/uploads/limits.mjs";
import { backLink, exceedsBodyLimit, hasUnannouncedBody, holdBody, tooLargePage } from "./body-limit.mjs";
import { cacheRequest, HttpCache, surrogateKeys, wireHeaders } from "./http-cache.mjs";
import { forbidsScripts, stripScripts } from "./strip-scripts.mjs";
import { badPathPage, crossSiteAction, crossSitePage, undecodablePath } from "./request-target.mjs";

/**
 * @typedef {object} FrontOptions
 * @property {number} port
 * @property {string} hostname
 * @property {string} socketPath where Next.js listens
 * @property {boolean} cacheEnabled whether the front keeps the pages anonymous readers share
 * @property {number} cacheMaxBytes
 * @property {((req: http.IncomingMessage, res: http.ServerResponse) => unknown) | null} handle
 *   Next's request handler, when the front runs on Next's own thread: writes go to it directly.
 *   Without it (the front on its own thread) they go over the socket.
 */

// Set once by startFront().
let socketPath = "";
let cacheEnabled = false;
let cache = new HttpCache({ maxBytes: 0 });
/** @type {FrontOptions["handle"]} */
let handleDirect = null;
const agent = new http.Agent({ keepAlive: true, maxSockets: 256 });

const COMPRESSIBLE = /^(text\/|application\/(json|xml|atom\+xml|rss\+xml|javascript|ld\+json)|image\/svg\+xml)/;
/** Hop-by-hop headers (RFC 9110 §7.6.1), never passed on. */
const HOP_BY_HOP = new Set([
  "connection",
  "keep-alive",
  "proxy-connection",
  "transfer-encoding",
  "te",
  "trailer",
  "upgrade",
  "expect",
]);

/** @param {http.IncomingHttpHeaders} headers */
function passOn(headers) {
  /** @type {http.OutgoingHttpHeaders} */
  const out = {};
  for (const [name, value] of Object.entries(headers)) if (!HOP_BY_HOP.has(name) && value !== undefined) out[name] = value;
  return out;
}

/**
 * A header list with `extra` added to `Vary`.
 * @param {string | string[] | number | undefined} vary
 * @param {string[]} extra
 */
function varyWith(vary, extra) {
  const names = String(vary ?? "")
    .split(",")
    .map((v) => v.trim())
    .filter(Boolean);
  for (const name of extra) if (!names.some((n) => n.toLowerCase() === name.toLowerCase())) names.push(name);
  return names.join(", ");
}

/** @param {import("node:net").Socket} socket */
function isLocal(socket) {
  const a = socket.remoteAddress ?? "";
  return a === "127.0.0.1" || a === "::1" || a === "::ffff:127.0.0.1";
}

/**
 * Sends a response kept whole (stored, or just fetched), or 304 when the client already has it.
 * @param {http.IncomingMessage} req
 * @param {http.ServerResponse} res
 * @param {import("./http-cache.mjs").Copy} entry
 * @param {string} how HIT, STALE or MISS, for the X-Cache header
 */
function sendStored(req, res, entry, how) {
  const { wire } = entry;
  const age = String(entry.initialAge + Math.floor((Date.now() - entry.storedAt) / 1000));
  const extra = cacheEnabled ? ["age", age, "x-cache", how] : ["age", age];
  const tags = req.headers["if-none-match"];
  if (
    tags &&
    String(tags)
      .split(",")
      .some((t) => t.trim() === entry.etag || t.trim() === "*")
  ) {
    res.writeHead(304, wire.notModified.concat(extra));
    res.end();
    return;
  }
  const gzip = wire.gzip !== null && /\bgzip\b/.test(String(req.headers["accept-encoding"] ?? ""));
  res.writeHead(entry.status, (gzip ? /** @type {string[]} */ (wire.gzip) : wire.identity).concat(extra));
  res.end(req.method === "HEAD" ? undefined : gzip ? entry.gzip : entry.identity);
}

/**
 * Sends a read (no body) to Next.js over its socket.
 * @param {{ method: string, path: string, headers: http.OutgoingHttpHeaders }} options
 * @returns {Promise<http.IncomingMessage>}
 */
function askNext(options) {
  return new Promise((resolve, reject) => {
    const upstream = http.request({ socketPath, agent, ...options }, resolve);
    upstream.on("error", reject);
    upstream.end();
  });
}

/**
 * Answers 502 when Next.js could not be reached (it is starting or stopping), or cuts a response
 * already under way.
 * @param {http.IncomingMessage} req
 * @param {http.ServerResponse | null} res null for a background refresh
 * @param {Error} error
 */
function nextDidNotAnswer(req, res, error) {
  console.error(`Next.js did not answer ${req.method} ${req.url}: ${error.message}`);
  if (res && !res.headersSent) {
    res.writeHead(502, { "content-type": "text/plain; charset=utf-8", "cache-control": "no-store" });
    res.end("Hearth is restarting. Try again in a moment.\n");
  } else res?.destroy();
}

/**
 * An address no route answers: Next.js renders the site's not-found page for it, whole, on the
 * server (app/not-found.tsx).
 */
const NOT_FOUND_PATH = "/_hearth/not-found";

/**
 * Forwards a read (GET or HEAD) to Next.js. A response an HTTP cache may share is read whole, given a weak
 * ETag (a hash of its bytes), `Vary: Cookie` (a shared page) and a compressed copy, stored here
 * when this server keeps a cache, and sent; anything else streams through as it comes.
 *
 * A page that calls notFound() while it renders per request gets from Next.js a document whose
 * content the browser's script renders; anonymous readers run none. Like a web server's
 * `error_page 404`, such an answer keeps its status and headers and gets the body of the site's
 * not-found page, which Next.js renders whole for an address no route answers.
 * @param {http.IncomingMessage} req
 * @param {http.ServerResponse | null} res null for a background refresh
 * @returns {Promise<void>}
 */
async function forward(req, res) {
  const begunAt = Date.now();
  const method = req.method ?? "GET";
  /** @type {http.IncomingMessage} */
  let answer;
  /** @type {import("node:stream").Readable} */
  let body;
  try {
    answer = await askNext({ method, path: req.url ?? "/", headers: passOn(req.headers) });
    body = answer;
    const html = String(answer.headers["content-type"] ?? "").startsWith("text/html");
    if (answer.statusCode === 404 && method === "GET" && html && !(req.url ?? "").startsWith(NOT_FOUND_PATH)) {
      answer.resume();
      body = await askNext({ method: "GET", path: NOT_FOUND_PATH, headers: { host: req.headers.host ?? "localhost" } });
    }
  } catch (error) {
    nextDidNotAnswer(req, res, /** @type {Error} */ (error));
    return;
  }
  const status = answer.statusCode ?? 502;
  const sent = passOn(answer.headers);
  if (body !== answer) delete sent["content-length"];
  const request = cacheRequest(req);
  const policy = cache.policyFor(request, { status, headers: answer.headers });
  if (policy === null || method === "HEAD") {
    if (res) {
      res.writeHead(status, sent);
      body.pipe(res);
    } else body.resume();
    return new Promise((resolve) => {
      body.on("end", resolve);
      body.on("error", () => {
        res?.destroy();
        resolve();
      });
    });
  }
  /** @type {Buffer[]} */
  const chunks = [];
  try {
    for await (const chunk of body) chunks.push(chunk);
  } catch {
    res?.destroy();
    return;
  }
  let identity = Buffer.concat(chunks);
  const type = String(answer.headers["content-type"] ?? "");
  // A page whose policy refuses every script is sent without them (server/strip-scripts.mjs).
  if (
    type.startsWith("text/html") &&
    !answer.headers["content-encoding"] &&
    forbidsScripts(answer.headers["content-security-policy"])
  ) {
    identity = Buffer.from(await stripScripts(identity.toString("utf8")), "utf8");
  }
  const gzip =
    COMPRESSIBLE.test(type) && identity.length > 1024 && !answer.headers["content-encoding"]
      ? gzipSync(identity, { level: 6 })
      : null;
  const etag = `W/"${createHash("sha1").update(identity).digest("base64url")}"`;
  sent.etag = etag;
  const keys = surrogateKeys(answer.headers);
  // A shared page (HTML naming its surrogate keys) is the anonymous reader's copy: a request with
  // cookies may be a viewer's, so caches keep it apart. (Next.js replaces a `Vary` set by proxy.ts
  // with its own, so it is added here.)
  const page = keys.length > 0 && type.startsWith("text/html");
  const vary = [...(page ? ["Cookie"] : []), ...(gzip ? ["Accept-Encoding"] : [])];
  if (vary.length > 0) sent.vary = varyWith(sent.vary, vary);
  const stored = { status, keys, etag, identity, gzip };
  // The policy is made again from the headers as sent, so stored copies match on `Vary`.
  const finalPolicy = cache.policyFor(request, { status, headers: sent }) ?? policy;
  if (cacheEnabled) cache.store(request, finalPolicy, stored, begunAt);
  if (res) {
    const wire = wireHeaders(/** @type {Record<string, string>} */ (finalPolicy.responseHeaders()), identity, gzip);
    sendStored(req, res, { ...stored, wire, initialAge: 0, storedAt: Date.now() }, "MISS");
  }
}

/**
 * Answers a request from the cache when it can, fetching it once when many ask at the same time.
 * @param {http.IncomingMessage} req
 * @param {http.ServerResponse} res
 */
async function serveRead(req, res) {
  const url = req.url ?? "/";
  const found = cache.lookup({ url, method: "GET", headers: req.headers });
  if (found?.kind === "fresh") return sendStored(req, res, found.entry, "HIT");
  if (found?.kind === "stale") {
    sendStored(req, res, found.entry, "STALE");
    // The request that fetches it again (a GET, even for a HEAD), built off the hit path.
    const refresh = /** @type {http.IncomingMessage} */ (
      /** @type {unknown} */ ({ url, method: "GET", headers: { ...req.headers } })
    );
    delete refresh.headers["if-modified-since"];
    delete refresh.headers["if-none-match"];
    cache.coalesce(url, () => forward(refresh, null));
    return;
  }
  // Only requests that carry nothing of a viewer's own wait for another's fetch.
  if (req.headers.cookie || req.headers.authorization || req.method === "HEAD") return forward(req, res);
  const { leader, done } = cache.coalesce(url, () => forward(req, res));
  if (leader) return done;
  await done;
  const after = cache.lookup({ url, method: "GET", headers: req.headers });
  if (after) return sendStored(req, res, after.entry, "HIT");
  return forward(req, res);
}

/**
 * `PURGE` with `xkey-purge: <keys>` (as Varnish's xkey takes it), from this machine only.
 * @param {http.IncomingMessage} req
 * @param {http.ServerResponse} res
 */
function purge(req, res) {
  req.resume();
  if (!isLocal(req.socket)) {
    res.writeHead(403, { "content-type": "text/plain", "cache-control": "no-store" });
    res.end("Purging is for this machine only.\n");
    return;
  }
  const keys = String(req.headers["xkey-purge"] ?? "")
    .split(/[\s,]+/)
    .filter(Boolean);
  const dropped = cache.purge(keys);
  res.writeHead(200, { "content-type": "text/plain", "cache-control": "no-store" });
  res.end(`Purged ${dropped}\n`);
}

/**
 * The headers of a page the front answers itself (lib/html/standalone-page.mjs): Next.js adds its
 * own security headers (next.config.ts) only to what it answers.
 * @param {Buffer} body
 * @returns {Record<string, string>}
 */
function standaloneHeaders(body) {
  return {
    "content-type": "text/html; charset=utf-8",
    "content-length": String(body.length),
    "cache-control": "no-store",
    "content-security-policy": STANDALONE_PAGE_CSP,
    "x-content-type-options": "nosniff",
    "referrer-policy": "strict-origin-when-cross-origin",
    "x-frame-options": "SAMEORIGIN",
  };
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
  const headers = standaloneHeaders(body);
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
  res.writeHead(status, standaloneHeaders(body));
  res.end(req.method === "HEAD" ? undefined : body);
  req.resume();
}

/** @param {http.IncomingMessage} req @param {http.ServerResponse} res */
function onRequest(req, res) {
  if (req.method === "PURGE") return purge(req, res);
  if (undecodablePath(req.url)) return refuseBeforeNext(req, res, 400, badPathPage());
  if (crossSiteAction(req)) return refuseBeforeNext(req, res, 403, crossSitePage());
  if (exceedsBodyLimit(req, REQUEST_BODY_MAX_BYTES)) return refuseTooLarge(req, res);
  // The connection's address, for rate limits; never the client's own claim.
  req.headers["x-hearth-client-ip"] = req.socket.remoteAddress ?? "unknown";
  // A body without a Content-Length (chunked) is counted as it arrives and handed on only once
  // it ended within the limit.
  if (hasUnannouncedBody(req)) {
    holdBody(req, REQUEST_BODY_MAX_BYTES, (withinLimit) => (withinLimit ? pass(req, res) : refuseTooLarge(req, res)));
    return;
  }
  pass(req, res);
}

/**
 * Hands an accepted request on. A read goes through the cache (or straight to Next.js over its
 * socket, when this server keeps none), so its answer can be stored and rewritten. Nothing of
 * any other request's answer is kept or rewritten (no cache stores it, no 404 page replaces its
 * body): on Next's thread, Next.js answers it on this connection, as a custom server hands it a
 * request; on the front's own thread it goes over the socket as it comes (proxy).
 * @param {http.IncomingMessage} req @param {http.ServerResponse} res
 */
function pass(req, res) {
  if (req.method === "GET" || req.method === "HEAD") void (cacheEnabled ? serveRead(req, res) : forward(req, res));
  else if (handleDirect) void handleDirect(req, res);
  else proxy(req, res);
}

/**
 * Hands a write (any method but GET and HEAD) to Next.js over its socket as it comes, and its
 * answer back as it comes (a server action's streamed answer included): nothing is kept or
 * rewritten.
 * @param {http.IncomingMessage} req @param {http.ServerResponse} res
 */
function proxy(req, res) {
  const upstream = http.request(
    { socketPath, agent, method: req.method, path: req.url, headers: passOn(req.headers) },
    (answer) => {
      res.writeHead(answer.statusCode ?? 502, passOn(answer.headers));
      answer.pipe(res);
    },
  );
  upstream.on("error", (error) => nextDidNotAnswer(req, res, error));
  // A client that goes away takes its request to Next with it.
  res.on("close", () => {
    if (!res.writableFinished) upstream.destroy();
  });
  req.pipe(upstream);
}

/**
 * Starts the front on `port`; resolves once it listens.
 * @param {FrontOptions} options
 * @returns {Promise<http.Server>}
 */
export async function startFront(options) {
  socketPath = options.socketPath;
  cacheEnabled = options.cacheEnabled;
  cache = new HttpCache({ maxBytes: options.cacheMaxBytes });
  handleDirect = options.handle;
  const server = http.createServer(onRequest);
  // A client that asks before sending a large body ("Expect: 100-continue", as curl does) is
  // told to go ahead only when the body is within the limit.
  server.on("checkContinue", (req, res) => {
    if (!exceedsBodyLimit(req, REQUEST_BODY_MAX_BYTES)) res.writeContinue();
    onRequest(req, res);
  });
  server.keepAliveTimeout = 65_000;
  await new Promise((resolve) => server.listen(options.port, options.hostname, () => resolve(undefined)));
  const shown = options.hostname === "0.0.0.0" ? "localhost" : options.hostname;
  console.log(`Hearth is serving on http://${shown}:${options.port}`);
  return server;
}

// On its own thread (server.mjs starts it so): listen, say so, and close when told.
if (!isMainThread && workerData?.hearthFront) {
  const server = await startFront({ ...workerData.hearthFront, handle: null });
  parentPort?.on("message", (message) => {
    if (message === "close") server.close(() => parentPort?.postMessage("closed"));
  });
  parentPort?.postMessage("listening");
}
