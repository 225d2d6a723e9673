// `npm run bench`: load benchmark of Hearth's production build. See bench/README.md.
//
// Builds into .next-bench/ when needed, seeds .data/bench.db with essays carrying 30, 1,000 and
// 10,000 comments, runs the server twice (front cache on, then off) on 127.0.0.1 and measures
// each page with autocannon, then (front cache on) posting comments, liking them and reading
// while comments are posted, then the client JavaScript of an essay and the server render time
// of the 10,000-comment essay. Results go to stdout (one line per case; progress goes to
// stderr) and to bench/results/<date>.json.
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { DATA_DIR, ROOT } from "../scripts/lib/runtime.mjs";
import { measureClientJs, type ClientJsResult } from "./lib/client-js";
import {
  caseLine,
  clientJsLine,
  likesLine,
  postCommentsLine,
  readWhilePostingLine,
  renderLine,
  type RenderResult,
} from "./lib/format";
import { runCase, type CaseResult, type CaseSpec } from "./lib/load";
import { measureRender, revalidate } from "./lib/render";
import { buildIfNeeded, freePort, killAllNow, startServer, stop, type RunningServer } from "./lib/server";
import type { Db } from "../lib/db/client";
import type { LikesResult, PostCommentsResult, ReadWhilePostingResult, WriteSnapshot } from "./lib/writes";

function envNumber(name: string, fallback: number, min: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw.trim() === "") return fallback;
  const value = Number(raw);
  if (!Number.isFinite(value) || value < min) throw new Error(`${name} must be a number ≥ ${min}, got "${raw}"`);
  return value;
}

const DIST_DIR = ".next-bench";
const DURATION_S = envNumber("BENCH_DURATION", 10, 1);
const CONNECTIONS = Math.round(envNumber("BENCH_CONNECTIONS", 10, 1));
const WARMUPS = 5;
const RENDER_RUNS = Math.round(envNumber("BENCH_RENDER_RUNS", 5, 1));
const PREFERRED_PORT = Math.round(envNumber("BENCH_PORT", 3200, 1));
const STRICT = process.env.BENCH_STRICT === "1";
const GZIP_LOAD = process.env.BENCH_GZIP === "1";
const COMMENT_COUNTS = [30, 1000, 10000] as const;
/** Which parts to run (BENCH_ONLY=writes,render …): pages, js, writes, render; all by default. */
const PARTS = ["pages", "js", "writes", "render"] as const;
const ONLY = new Set(
  (process.env.BENCH_ONLY ?? PARTS.join(","))
    .split(",")
    .map((p) => p.trim())
    .filter(Boolean),
);
for (const part of ONLY) {
  if (!(PARTS as readonly string[]).includes(part))
    throw new Error(`BENCH_ONLY: unknown part "${part}" (parts: ${PARTS.join(", ")})`);
}
const CLIENT_JS_TARGET_BYTES = 100 * 1024;
// Targets of the threaded-comments issue for writes and for the big essay's render.
const POST_TARGET = { minRate: 100 };
const LIKE_TARGET = { minRate: 300 };
const READ_WHILE_POSTING_TARGET = { minRps: 1000, maxP99Ms: 50 };
const RENDER_TARGET_MS = 100;
/** Signed-in readers created to like comments and to post while others read. */
const WRITERS = 50;
/** Comments per second posted while the 30-comment essay is loaded. */
const POSTS_WHILE_READING_PER_S = Math.round(envNumber("BENCH_POST_RATE", 20, 1));
// REVALIDATE_SECRET must be at least 16 characters (lib/env.ts).
const SECRETS = {
  REVALIDATE_SECRET: "bench-revalidate-secret-0123456789",
  AUTH_SECRET: "bench-auth-secret-0123456789abcdef",
  AUTH_TRUST_HOST: "true",
};
const BUILD_TIMEOUT_MS = 15 * 60_000;
// Everything after the build: 11 load runs plus seeding, two server starts, warm-ups, renders
// and the write cases' set-up and database checks.
const RUN_TIMEOUT_MS = envNumber("BENCH_TIMEOUT", 12 * DURATION_S + 360, 30) * 1000;

const progress = (message: string) => console.error(`… ${message}`);
const out = (line: string) => console.log(line);

// The server is our child: never leave it running, whatever happens.
process.on("exit", killAllNow);
for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.on(signal, () => {
    console.error(`\nbench: ${signal}, stopping the server.`);
    killAllNow();
    process.exit(130);
  });
}

const failures: string[] = [];
const cases: CaseResult[] = [];
/** What an anonymous reader downloads (front cache: zero-JS reading). */
let clientJs: ClientJsResult | null = null;
/** The same page with Next's client runtime (what signed-in readers get). */
let clientJsRuntime: ClientJsResult | null = null;
const renders: RenderResult[] = [];
const writes: {
  postComments: PostCommentsResult | null;
  likes: LikesResult | null;
  readWhilePosting: ReadWhilePostingResult | null;
} = { postComments: null, likes: null, readWhilePosting: null };
const startedAt = new Date();
const loadAtStart = os.loadavg();
let build: { buildId: string; builtMs: number | null } | null = null;
let seed: unknown = null;
let port: number | null = null;

/** Writes bench/results/<date>.json (also after a failure, with what was measured). */
function writeResults(targetsMissed: number, error: string | null): void {
  const render10k = renders.find((r) => r.name === "essay-10000");
  const result = {
    date: startedAt.toISOString(),
    node: process.version,
    cpus: os.cpus().length,
    cpuModel: os.cpus()[0]?.model ?? null,
    platform: `${os.platform()} ${os.release()} ${os.arch()}`,
    settings: {
      durationS: DURATION_S,
      connections: CONNECTIONS,
      warmups: WARMUPS,
      renderRuns: RENDER_RUNS,
      gzipLoad: GZIP_LOAD,
      port,
      distDir: DIST_DIR,
    },
    /** 1-, 5- and 15-minute load averages before and after: other work on the machine skews every figure. */
    loadAverage: { start: loadAtStart, end: os.loadavg() },
    build,
    seed,
    cases,
    clientJs,
    clientJsRuntime,
    writes,
    renderMs10k: render10k?.medianMs ?? null,
    renderTargetMs: RENDER_TARGET_MS,
    renders,
    targetsMissed,
    failures,
    error,
  };
  const resultsDir = path.join(ROOT, "bench", "results");
  mkdirSync(resultsDir, { recursive: true });
  const file = path.join(
    resultsDir,
    `${startedAt
      .toISOString()
      .replace(/\.\d+Z$/, "Z")
      .replace(/:/g, "-")}.json`,
  );
  writeFileSync(file, JSON.stringify(result, null, 2) + "\n");
  out(`\nresults: ${path.relative(ROOT, file)}`);
}

/** The database client of the write cases (opened once the benchmark database exists). */
let writesDb: Db | null = null;
/** What the write cases changed and restoreAfterWrites puts back; null when nothing is to restore. */
let snapshot: WriteSnapshot | null = null;

function recordProblems(name: string, mode: string, problems: readonly string[], logFile: string): void {
  for (const problem of problems) {
    const message = `${name} (${mode}): ${problem}`;
    failures.push(message);
    console.error(`\n!!! ${message} — see ${path.relative(ROOT, logFile)}\n`);
  }
}

/** Runs one write case; a case that cannot run is a failure, and the other cases still run. */
async function writeCase<T>(name: string, mode: string, logFile: string, measure: () => Promise<T>): Promise<T | null> {
  try {
    return await measure();
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    out(`${name.padEnd(12)}  ${mode.padEnd(11)}  FAILED: ${message.split("\n")[0]}`);
    recordProblems(name, mode, [`could not run: ${message}`], logFile);
    return null;
  }
}

/**
 * The write cases, on the front-cache server (what readers get): guests posting comments,
 * signed-in readers liking them, and anonymous readers loading an essay while comments are
 * posted to it. Leaves in `snapshot` what restoreAfterWrites must undo.
 */
async function measureWrites(
  server: RunningServer,
  mode: "front-cache" | "isr-only",
  essays: readonly { name: string; slug: string; postId: string; comments: number }[],
): Promise<void> {
  const small = essays.find((e) => e.comments === 30);
  const medium = essays.find((e) => e.comments === 1000);
  if (!small || !medium) throw new Error("the write cases need the 30- and 1,000-comment essays");
  const { createDb } = await import("../lib/db/client");
  const writesModule = await import("./lib/writes");
  const db = (writesDb ??= createDb(process.env.DATABASE_URL));
  const taken = await writesModule.snapshotBeforeWrites(db);
  snapshot = taken;
  const o = {
    base: server.base,
    db,
    revalidateSecret: SECRETS.REVALIDATE_SECRET,
    authSecret: SECRETS.AUTH_SECRET,
    connections: CONNECTIONS,
    durationS: DURATION_S,
    mode,
  };
  await writesModule.raiseFloodLimits(o);

  const log = server.logFile;

  // BENCH_WRITES=like (or post,read …) runs only some write cases, e.g. to profile one.
  const only = new Set((process.env.BENCH_WRITES ?? "post,like,read").split(",").map((w) => w.trim()));
  if (only.has("post")) {
    progress(`post-comment (${mode}): guests posting to /posts/${small.slug}, ${DURATION_S} s × ${CONNECTIONS} connections`);
    writes.postComments = await writeCase("post-comment", mode, log, () =>
      writesModule.measurePostComments(o, small, POST_TARGET),
    );
    if (writes.postComments) {
      out(postCommentsLine(writes.postComments));
      recordProblems("post-comment", mode, writes.postComments.problems, log);
    }
  }

  progress(`like (${mode}): ${WRITERS} signed-in readers liking comments of /posts/${medium.slug}`);
  const users = await writesModule.createBenchUsers(o, taken, WRITERS);
  if (only.has("like"))
    writes.likes = await writeCase("like", mode, log, () => writesModule.measureLikes(o, medium, users, LIKE_TARGET));
  if (writes.likes) {
    out(likesLine(writes.likes));
    recordProblems("like", mode, writes.likes.problems, log);
  }

  if (!only.has("read")) return;
  const readName = `${small.name} while posting`;
  progress(`${readName} (${mode}): ${POSTS_WHILE_READING_PER_S} comments/s by signed-in readers`);
  writes.readWhilePosting = await writeCase(readName, mode, log, () =>
    writesModule.measureReadWhilePosting(o, small, users, {
      ratePerS: POSTS_WHILE_READING_PER_S,
      warmups: WARMUPS,
      gzip: GZIP_LOAD,
      target: READ_WHILE_POSTING_TARGET,
    }),
  );
  if (writes.readWhilePosting) {
    out(readWhilePostingLine(writes.readWhilePosting));
    recordProblems(readName, mode, writes.readWhilePosting.problems, log);
  }
}

async function main(): Promise<number> {
  const cpus = os.cpus().length;
  if ((loadAtStart[0] ?? 0) > cpus * 0.5) {
    console.error(
      `! the machine is busy (load average ${loadAtStart.map((n) => n.toFixed(1)).join(", ")} on ${cpus} CPUs): expect lower, noisier figures`,
    );
  }
  const builtMs = await buildIfNeeded(DIST_DIR, BUILD_TIMEOUT_MS);
  build = { buildId: readFileSync(path.join(ROOT, DIST_DIR, "BUILD_ID"), "utf8").trim(), builtMs };

  const watchdog = setTimeout(() => {
    console.error(`bench: gave up after ${RUN_TIMEOUT_MS / 1000} s (BENCH_TIMEOUT); stopping the server.`);
    killAllNow();
    process.exit(1);
  }, RUN_TIMEOUT_MS);
  watchdog.unref();

  // The database: set DATABASE_URL before loading modules that open the shared client.
  mkdirSync(DATA_DIR, { recursive: true });
  const dbFile = path.join(DATA_DIR, "bench.db");
  const databaseUrl = `file:${dbFile}`;
  process.env.DATABASE_URL = databaseUrl;
  progress(`seeding ${path.relative(ROOT, dbFile)} (essays with ${COMMENT_COUNTS.join(", ")} comments)`);
  const { seedBenchDatabase } = await import("./lib/seed");
  const seeded = await seedBenchDatabase(databaseUrl, dbFile, COMMENT_COUNTS);
  seed = seeded;
  progress(`seeded in ${(seeded.ms / 1000).toFixed(1)} s`);

  const essays = seeded.essays;
  const specs: CaseSpec[] = [
    { name: "home", path: "/" },
    ...essays.map((e) => ({
      name: e.name,
      path: `/posts/${e.slug}`,
      target: e.comments === 30 ? { minRps: 1000, maxP99Ms: 50 } : e.comments === 1000 ? { minRps: 200 } : undefined,
    })),
  ];
  const allTags = ["posts", "settings", "users", ...essays.map((e) => `post:${e.postId}`)];
  const serverPort = await freePort(PREFERRED_PORT);
  port = serverPort;

  const modes = [
    ...(ONLY.has("pages") || ONLY.has("js") || ONLY.has("writes") ? [true] : []),
    ...(ONLY.has("pages") || ONLY.has("js") || ONLY.has("render") ? [false] : []),
  ];
  for (const frontCache of modes) {
    const mode = frontCache ? "front-cache" : "isr-only";
    progress(
      `starting the server on 127.0.0.1:${serverPort}, ${frontCache ? "front cache on (what readers get)" : "FRONT_CACHE=off (Next's ISR cache only)"}`,
    );
    let server: RunningServer | null = null;
    try {
      server = await startServer({
        port: serverPort,
        distDir: DIST_DIR,
        databaseUrl,
        frontCache,
        env: SECRETS,
        logFile: path.join(DATA_DIR, `bench-server-${mode}.log`),
        readyTimeoutMs: 90_000,
      });
      progress(`server ready in ${(server.startMs / 1000).toFixed(1)} s`);
      // Pages an earlier run left in .next-bench's ISR cache were built from another database.
      await revalidate(server.base, SECRETS.REVALIDATE_SECRET, allTags);
      const loadNote = `${CONNECTIONS} connections, ${DURATION_S} s per case${GZIP_LOAD ? ", requests with Accept-Encoding: gzip" : ""}`;
      out(
        frontCache
          ? `— front cache ON (server.mjs default: what anonymous readers get); ${loadNote} —`
          : `— front cache OFF (FRONT_CACHE=off: Next's ISR cache only); ${loadNote} —`,
      );
      for (const spec of ONLY.has("pages") ? specs : []) {
        progress(`${spec.name} (${mode}): ${DURATION_S} s × ${CONNECTIONS} connections`);
        const result = await runCase(server.base, spec, mode, {
          durationS: DURATION_S,
          connections: CONNECTIONS,
          warmups: WARMUPS,
          gzip: GZIP_LOAD,
        });
        cases.push(result);
        out(caseLine(result));
        if (result.non2xx + result.errors + result.timeouts > 0) {
          const message = `${spec.name} (${mode}): ${result.non2xx} non-2xx responses, ${result.errors} errors, ${result.timeouts} timeouts`;
          failures.push(message);
          console.error(`\n!!! ${message} — see ${path.relative(ROOT, server.logFile)}\n`);
        }
        const expected = frontCache ? result.cache.front === "HIT" : result.cache.nextjs === "HIT";
        if (!expected) {
          console.error(
            `! ${spec.name} (${mode}) was not served from the ${frontCache ? "front" : "ISR"} cache after warm-up ` +
              `(x-hearth-cache: ${result.cache.front}, x-nextjs-cache: ${result.cache.nextjs})`,
          );
        }
      }
      if (frontCache) {
        const essay = essays[0];
        if (essay && ONLY.has("js")) {
          progress("client JavaScript of an essay");
          clientJs = await measureClientJs(server.base, `/posts/${essay.slug}`, CLIENT_JS_TARGET_BYTES);
        }
        if (ONLY.has("writes")) await measureWrites(server, mode, essays);
      } else {
        const essay = essays[0];
        if (essay && ONLY.has("js")) {
          progress("client JavaScript of an essay with Next's runtime");
          clientJsRuntime = await measureClientJs(server.base, `/posts/${essay.slug}`, CLIENT_JS_TARGET_BYTES);
        }
        for (const essay of ONLY.has("render") ? essays : []) {
          progress(`server render time of ${essay.name}, ${RENDER_RUNS} runs`);
          renders.push(
            await measureRender(
              server.base,
              SECRETS.REVALIDATE_SECRET,
              { name: essay.name, path: `/posts/${essay.slug}`, postId: essay.postId },
              RENDER_RUNS,
            ),
          );
        }
      }
    } finally {
      if (server) await stop(server.child);
    }
    if (snapshot && writesDb) {
      // The other server mode measures the pages as seeded.
      progress("removing the comments, likes and readers the write cases added");
      const { restoreAfterWrites } = await import("./lib/writes");
      await restoreAfterWrites(
        writesDb,
        snapshot,
        essays.map((e) => e.postId),
      );
      snapshot = null;
    }
  }
  await writesDb?.$disconnect();

  out("");
  if (clientJs) out(clientJsLine(clientJs, "an anonymous essay reader"));
  if (clientJsRuntime)
    out(`  (for comparison) ${clientJsLine(clientJsRuntime, "a page with Next's client runtime, as signed-in readers get it")}`);
  const render10k = renders.find((r) => r.name === "essay-10000");
  if (render10k) out(renderLine(render10k, RENDER_TARGET_MS));
  for (const r of renders) if (r !== render10k) out(`  (for comparison) ${renderLine(r)}`);

  const targetsMissed =
    cases.filter((c) => c.pass === false).length +
    (clientJs && !clientJs.pass ? 1 : 0) +
    [writes.postComments, writes.likes, writes.readWhilePosting].filter((w) => w?.pass === false).length +
    (render10k && !(render10k.medianMs < RENDER_TARGET_MS) ? 1 : 0);
  writeResults(targetsMissed, null);

  if (failures.length > 0) {
    console.error(`\nbench FAILED: ${failures.join("; ")}`);
    return 1;
  }
  if (STRICT && targetsMissed > 0) {
    console.error(`\nbench: ${targetsMissed} target(s) missed (BENCH_STRICT=1).`);
    return 1;
  }
  return 0;
}

try {
  process.exitCode = await main();
} catch (error) {
  const message = error instanceof Error ? (error.stack ?? error.message) : String(error);
  console.error(`\nbench FAILED: ${message}`);
  killAllNow();
  if (cases.length > 0 || seed !== null) writeResults(cases.filter((c) => c.pass === false).length, message);
  process.exitCode = 1;
}
// autocannon and the HTTP agents may keep handles open; the work is done.
process.exit(process.exitCode ?? 0);
