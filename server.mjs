// @ts-check
// Hearth's production server: stock Next.js on a private socket, behind a small HTTP front that
// refuses what Next would fail on, names the client's address, and keeps the pages anonymous
// readers share as any HTTP cache would (server/front.mjs, server/http-cache.mjs,
// docs/decisions/017-http-caching.md). `npm start` and `npm run serve` run it, and so do the
// end-to-end tests, the benchmarks and each instance of the production stack (deploy/, where
// Varnish caches and FRONT_CACHE=off).
import { mkdtempSync, rmSync } from "node:fs";
import http from "node:http";
import os from "node:os";
import path from "node:path";
import { Worker } from "node:worker_threads";
import next from "next";
import { startFront } from "./server/front.mjs";

// Sessions, forms and cookies are signed with AUTH_SECRET, and there is no fallback.
if (!process.env.AUTH_SECRET) {
  console.error("AUTH_SECRET is not set. Start Hearth with `npm start` (the demo) or `npm run serve` (production).");
  process.exit(1);
}

const port = Number(process.env.PORT || 3000);
const hostname = process.env.HOSTNAME || "0.0.0.0";
const cacheEnabled = process.env.FRONT_CACHE !== "off";
const cacheMaxBytes = Number(process.env.FRONT_CACHE_MB || 128) * 1024 * 1024;

// Writes purge the pages they change from this server's cache as from any other HTTP cache in front
// of the app (lib/cache/purge.ts).
if (cacheEnabled) process.env.HEARTH_LOCAL_CACHE_URL = `http://127.0.0.1:${port}/`;

// Next.js listens on a Unix socket in a directory only this user can enter; everything reaches it
// through the front.
const socketDir = mkdtempSync(path.join(os.tmpdir(), "hearth-"));
const socketPath = path.join(socketDir, "next.sock");
process.on("exit", () => rmSync(socketDir, { recursive: true, force: true }));
const app = next({ dev: false, hostname, port, dir: import.meta.dirname });
const handle = app.getRequestHandler();
await app.prepare();
const nextServer = http.createServer((req, res) => void handle(req, res));
nextServer.keepAliveTimeout = 65_000;
await new Promise((resolve) => nextServer.listen(socketPath, () => resolve(undefined)));

/**
 * Runs the front on a thread of its own. The cache's hits are most of what this process answers;
 * there they run none of what Next.js installs on the thread that renders
 * (docs/decisions/017-http-caching.md, "One process, two threads").
 * @returns {Promise<(done: () => void) => void>} how to stop it
 */
async function startFrontThread() {
  const front = new Worker(new URL("./server/front.mjs", import.meta.url), {
    workerData: { hearthFront: { port, hostname, socketPath, cacheEnabled, cacheMaxBytes } },
  });
  front.on("error", (error) => {
    console.error(`The HTTP front stopped: ${error.stack ?? error.message}`);
    process.exit(1);
  });
  await new Promise((resolve, reject) => {
    front.once("message", resolve);
    front.once("exit", (code) => reject(new Error(`the HTTP front exited (${code}) before it listened`)));
  });
  front.unref();
  return (done) => {
    front.once("message", done);
    front.postMessage("close");
  };
}

/** Stops the front (and with it new requests). Behind Varnish it runs here and hands writes to Next directly. */
const closeFront = cacheEnabled
  ? await startFrontThread()
  : await startFront({ port, hostname, socketPath, cacheEnabled, cacheMaxBytes, handle }).then(
      (server) => (/** @type {() => void} */ done) => server.close(() => done()),
    );

let stopping = false;
for (const signal of ["SIGINT", "SIGTERM"]) {
  process.on(signal, () => {
    if (stopping) return;
    stopping = true;
    closeFront(() => nextServer.close(() => process.exit(0)));
    setTimeout(() => process.exit(0), 3000).unref();
  });
}
