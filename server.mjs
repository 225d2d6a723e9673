// @ts-check
// Hearth's production server: Next.js behind a small front cache for anonymous page views.
// `npm start` runs it (through scripts/start.mjs); it is also what the end-to-end tests and
// the benchmarks run against.
import http from "node:http";
import { rmSync } from "node:fs";
import path from "node:path";
import next from "next";
import { FrontCache } from "./server/front-cache.mjs";

const port = Number(process.env.PORT || 3000);
const hostname = process.env.HOSTNAME || "0.0.0.0";
const frontCacheEnabled = process.env.FRONT_CACHE !== "off";
const cache = new FrontCache({ ttlMs: Number(process.env.FRONT_CACHE_TTL_SECONDS || 60) * 1000 });

// Next keeps pages rendered at run time (ISR) and cached query results on disk, inside the
// build folder. They belong to the database this process serves, which may not be the one the
// previous process served (tests, db:reset, another DATABASE_URL): start from an empty cache.
const distDir = path.join(import.meta.dirname, process.env.NEXT_DIST_DIR || ".next");
for (const dir of [path.join(distDir, "server", "route-cache"), path.join(distDir, "cache", "fetch-cache")]) {
  rmSync(dir, { recursive: true, force: true });
}

const app = next({ dev: false, hostname, port, dir: import.meta.dirname });
const handle = app.getRequestHandler();
await app.prepare();

/**
 * Records what Next writes so the response can be stored, without changing how it is sent.
 * @param {http.ServerResponse} res
 * @param {(body: Buffer) => void} onDone
 */
function capture(res, onDone) {
  /** @type {Buffer[]} */
  const chunks = [];
  let size = 0;
  let tooBig = false;
  /** @param {unknown} chunk @param {unknown} encoding */
  const keep = (chunk, encoding) => {
    if (chunk == null || tooBig || typeof chunk === "function") return;
    const buf =
      typeof chunk === "string"
        ? Buffer.from(chunk, typeof encoding === "string" ? /** @type {BufferEncoding} */ (encoding) : "utf8")
        : Buffer.from(/** @type {Uint8Array} */ (chunk));
    size += buf.length;
    if (size > 8 * 1024 * 1024) tooBig = true;
    else chunks.push(buf);
  };
  const write = res.write;
  const end = res.end;
  res.write = /** @type {typeof res.write} */ (
    function (/** @type {any} */ chunk, /** @type {any} */ encoding, /** @type {any} */ cb) {
      keep(chunk, encoding);
      return write.call(res, chunk, encoding, cb);
    }
  );
  res.end = /** @type {typeof res.end} */ (
    function (/** @type {any} */ chunk, /** @type {any} */ encoding, /** @type {any} */ cb) {
      keep(chunk, encoding);
      if (!tooBig) onDone(Buffer.concat(chunks));
      return end.call(res, chunk, encoding, cb);
    }
  );
}

const server = http.createServer((req, res) => {
  const method = req.method ?? "GET";
  if (method !== "GET" && method !== "HEAD") {
    // Anything that is not a read may change what pages show: forget every stored page once
    // it is done (and before, so nothing rendered meanwhile is stored).
    cache.clear();
    res.on("finish", () => cache.clear());
    handle(req, res);
    return;
  }
  const key = frontCacheEnabled ? cache.keyFor(req) : null;
  if (key === null) {
    handle(req, res);
    return;
  }
  const hit = cache.get(key);
  if (hit) {
    res.writeHead(hit.status, {
      ...hit.headers,
      "x-hearth-cache": "HIT",
      age: String(Math.floor((Date.now() - hit.storedAt) / 1000)),
    });
    res.end(method === "HEAD" ? undefined : hit.body);
    return;
  }
  const generation = cache.generation;
  if (method === "GET") {
    capture(res, (body) => {
      cache.store(key, generation, { status: res.statusCode, headers: res.getHeaders(), body });
    });
  }
  handle(req, res);
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
