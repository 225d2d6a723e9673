// `npm run bench`: load benchmark of Hearth's production build (issue 11). See bench/README.md.
//
// Builds into .next-bench/ when needed, seeds .data/bench/bench.db (SQLite) and serves it with
// `node server.mjs` as `npm start` does (its HTTP cache for anonymous pages on), on 127.0.0.1
// in the port range 4000–4100. Measures with wrk, side by side on the same bytes: the
// 30-comment essay from static nginx and from that server; then the JavaScript an anonymous
// reader's browser downloads and runs (Chromium); then the production front (Varnish + 3
// instances on PostgreSQL, scripts/lib/stack.mjs): the essay against static nginx, posting
// comments, liking, and reading while comments are posted. Prints one table (progress goes to
// stderr) and writes bench/results/<date>.json.
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { DATA_DIR, ROOT } from "../scripts/lib/runtime.mjs";
import { measureClientJs, type ClientJsResult } from "./lib/client-js";
import { compareWithStatic, type PageComparison } from "./lib/compare";
import {
  clientJsRow,
  comparisonRows,
  likesRow,
  postCommentsRow,
  readWhilePostingRow,
  renderRow,
  table,
  wrkRow,
  type RenderResult,
  type Row,
} from "./lib/format";
import { FRONT_TARGETS, measureProductionFront, stopActiveStack, type FrontResult } from "./lib/production-front";
import { measureRender, revalidate } from "./lib/render";
import { buildIfNeeded, freePorts, killAllNow, startServer, stop, type RunningServer } from "./lib/server";
import { runWrk, wrkProblems, type WrkResult } from "./lib/wrk";
import type { LikesResult, PostCommentsResult, ReadWhilePostingResult } from "./lib/writes";

function envNumber(name: string, fallback: number, min: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw.trim() === "") return fallback;
  const value = Number(raw);
  if (!Number.isFinite(value) || value < min) throw new Error(`${name} must be a number ≥ ${min}, got "${raw}"`);
  return value;
}

/** `--name=value` or `--name value` from the command line (npm run bench -- --only=static). */
function option(name: string): string | undefined {
  const args = process.argv.slice(2);
  for (let i = 0; i < args.length; i++) {
    const arg = args[i] ?? "";
    if (arg.startsWith(`--${name}=`)) return arg.slice(name.length + 3);
    if (arg === `--${name}`) return args[i + 1];
  }
  return undefined;
}

for (const arg of process.argv.slice(2)) {
  if (arg.startsWith("--") && !/^--(only|duration)(=|$)/.test(arg))
    throw new Error(`unknown option ${arg} (options: --only=<parts>, --duration=<seconds>)`);
}

const DIST_DIR = ".next-bench";
const BENCH_DIR = path.join(DATA_DIR, "bench");
const DURATION_S = Number(option("duration") ?? envNumber("BENCH_DURATION", 10, 1));
if (!Number.isFinite(DURATION_S) || DURATION_S < 1) throw new Error("--duration must be a number of seconds ≥ 1");
/** wrk's connections (one thread): `wrk -t1 -c16`. */
const WRK_CONNECTIONS = Math.round(envNumber("BENCH_WRK_CONNECTIONS", 16, 1));
/**
 * Seconds of each write load run before the measured one, not counted (WriteOptions.warmupS): a
 * newly started instance answers its first seconds of likes at well under half its later rate.
 */
const WRITE_WARMUP_S = envNumber("BENCH_WRITE_WARMUP", 15, 1);
/** autocannon's connections for the write cases. */
const WRITE_CONNECTIONS = Math.round(envNumber("BENCH_CONNECTIONS", 10, 1));
const RENDER_RUNS = Math.round(envNumber("BENCH_RENDER_RUNS", 5, 1));
/** Also compare with `Accept-Encoding: gzip` (the server's gzip bytes; nginx gzip_static), for information. */
const GZIP_LINES = process.env.BENCH_GZIP !== "0";
/** Pairs of wrk runs (nginx, then the server) per comparison; the pair with the median ratio is shown. */
const ROUNDS = Math.round(envNumber("BENCH_ROUNDS", 1, 1));
const STRICT = process.env.BENCH_STRICT === "1";
/**
 * Parts: static + embedded (the 30-comment essay from static nginx and from node server.mjs,
 * side by side: either name runs both), front (scripts/lib/stack.mjs), js (Chromium); and, only
 * when asked for, pages (more pages of the embedded server), writes (the write cases on the
 * embedded server, SQLite) and render (uncached render time).
 */
const PARTS = ["static", "embedded", "front", "js", "pages", "writes", "render"] as const;
const DEFAULT_PARTS = ["static", "embedded", "front", "js"];
const ONLY = new Set(
  (option("only") ?? process.env.BENCH_ONLY ?? DEFAULT_PARTS.join(","))
    .split(",")
    .map((p) => p.trim())
    .filter(Boolean),
);
for (const part of ONLY) {
  if (!(PARTS as readonly string[]).includes(part))
    throw new Error(`--only: unknown part "${part}" (parts: ${PARTS.join(", ")}; default ${DEFAULT_PARTS.join(",")})`);
}
const has = (part: (typeof PARTS)[number]) => ONLY.has(part);
const COMPARE = has("static") || has("embedded");
const NEEDS_EMBEDDED = COMPARE || has("js") || has("pages") || has("writes") || has("render");
/** The issue's target for the embedded server: at least this share of static nginx's req/s. */
const EMBEDDED_TARGET = { minRatio: 0.75 };
// Targets of earlier issues, for the parts run only on request.
const PAGE_TARGETS: Record<number, { minRps: number }> = { 1000: { minRps: 200 } };
const EMBEDDED_WRITE_TARGETS = { post: { minRate: 100 }, like: { minRate: 300 }, readMinRps: 1000 };
const RENDER_TARGET_MS = 100;
/** Signed-in readers created to like comments and to post while others read. */
const WRITERS = 50;
/** Comments per second posted while the 30-comment essay is read. */
const POST_RATE = Math.round(envNumber("BENCH_POST_RATE", 20, 1));
const WRITE_CASES = new Set((process.env.BENCH_WRITES ?? "post,like,read").split(",").map((w) => w.trim()));
// REVALIDATE_SECRET must be at least 16 characters (lib/env.ts).
const SECRETS = {
  REVALIDATE_SECRET: "bench-revalidate-secret-0123456789",
  AUTH_SECRET: "bench-auth-secret-0123456789abcdef",
  AUTH_TRUST_HOST: "true",
};
const BUILD_TIMEOUT_MS = 15 * 60_000;
const RUN_TIMEOUT_MS = envNumber("BENCH_TIMEOUT", 16 * DURATION_S + 4 * WRITE_WARMUP_S + 360, 30) * 1000;

const progress = (message: string) => console.error(`… ${message}`);
const out = (line: string) => console.log(line);

/** Stops everything the run started: the stack (its own process groups, a few seconds at most), then our children. */
async function stopEverything(): Promise<void> {
  killAllNow();
  await Promise.race([stopActiveStack().catch(() => {}), new Promise((r) => setTimeout(r, 8000))]);
}

// Servers, nginx and the browser are our children: never leave them running.
process.on("exit", killAllNow);
for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.on(signal, () => {
    console.error(`\nbench: ${signal}, stopping what it started.`);
    void stopEverything().then(() => process.exit(130));
  });
}

const failures: string[] = [];
const rows: Row[] = [];
const startedAt = new Date();
const loadAtStart = os.loadavg();
const results: {
  build: { buildId: string; builtMs: number | null } | null;
  seed: unknown;
  ports: Record<string, number>;
  embedded: PageComparison | null;
  embeddedGzip: PageComparison | null;
  clientJs: ClientJsResult | null;
  pages: (WrkResult & { name: string; path: string; bodyBytes: number })[];
  embeddedWrites: {
    postComments: PostCommentsResult | null;
    likes: LikesResult | null;
    readWhilePosting: ReadWhilePostingResult<WrkResult> | null;
  };
  renders: RenderResult[];
  front: FrontResult | null;
} = {
  build: null,
  seed: null,
  ports: {},
  embedded: null,
  embeddedGzip: null,
  clientJs: null,
  pages: [],
  embeddedWrites: { postComments: null, likes: null, readWhilePosting: null },
  renders: [],
  front: null,
};

function fail(what: string, problems: readonly string[], log?: string): void {
  for (const problem of problems) {
    const message = `${what}: ${problem}`;
    failures.push(message);
    console.error(`\n!!! ${message}${log ? ` — see ${path.relative(ROOT, log)}` : ""}\n`);
  }
}

/** A row for a line that could not be measured. */
const failedRow = (where: string, what: string, error: unknown): Row => ({
  where,
  what,
  rate: "",
  p99: "",
  ratio: "",
  target: "",
  verdict: "FAILED",
  note: (error instanceof Error ? error.message : String(error)).split("\n")[0] ?? "",
});

async function attempt<T>(where: string, what: string, log: string | undefined, run: () => Promise<T>): Promise<T | null> {
  try {
    return await run();
  } catch (error) {
    rows.push(failedRow(where, what, error));
    fail(`${where} ${what}`, [`could not run: ${error instanceof Error ? error.message : String(error)}`], log);
    return null;
  }
}

function targetsMissed(): number {
  return rows.filter((r) => r.verdict === "FAIL").length;
}

/** Writes bench/results/<date>.json (also after a failure, with what was measured). */
function writeResults(error: string | null): void {
  const result = {
    date: startedAt.toISOString(),
    node: process.version,
    cpus: os.cpus().length,
    cpuModel: os.cpus()[0]?.model ?? null,
    platform: `${os.platform()} ${os.release()} ${os.arch()}`,
    settings: {
      parts: [...ONLY],
      durationS: DURATION_S,
      wrkConnections: WRK_CONNECTIONS,
      wrkThreads: 1,
      rounds: ROUNDS,
      writeConnections: WRITE_CONNECTIONS,
      postRate: POST_RATE,
      renderRuns: RENDER_RUNS,
      distDir: DIST_DIR,
    },
    /** 1-, 5- and 15-minute load averages before and after: other work on the machine skews every figure. */
    loadAverage: { start: loadAtStart, end: os.loadavg() },
    ...results,
    table: rows,
    targetsMissed: targetsMissed(),
    failures,
    error,
  };
  const dir = path.join(ROOT, "bench", "results");
  mkdirSync(dir, { recursive: true });
  const file = path.join(
    dir,
    `${startedAt
      .toISOString()
      .replace(/\.\d+Z$/, "Z")
      .replace(/:/g, "-")}.json`,
  );
  writeFileSync(file, JSON.stringify(result, null, 2) + "\n");
  out(`\nresults: ${path.relative(ROOT, file)}`);
}

/** The embedded server's parts: node server.mjs on SQLite. */
async function embedded(ports: { server: number; nginx: number }): Promise<void> {
  const dbFile = path.join(BENCH_DIR, "bench.db");
  const databaseUrl = `file:${dbFile}`;
  process.env.DATABASE_URL = databaseUrl;
  const counts = [30, ...(has("pages") || has("writes") ? [1000] : []), ...(has("pages") || has("render") ? [10000] : [])];
  progress(`seeding ${path.relative(ROOT, dbFile)} (essays with ${counts.join(", ")} comments)`);
  const { seedBenchDatabase } = await import("./lib/seed");
  const seeded = await seedBenchDatabase(databaseUrl, dbFile, counts);
  results.seed = seeded;
  progress(`seeded in ${(seeded.ms / 1000).toFixed(1)} s`);
  const essays = seeded.essays;
  const small = essays.find((e) => e.comments === 30);
  if (!small) throw new Error("the seed has no 30-comment essay");

  progress(`starting node server.mjs on 127.0.0.1:${ports.server} (as npm start runs it)`);
  const logFile = path.join(BENCH_DIR, "embedded-server.log");
  const server: RunningServer = await startServer({
    port: ports.server,
    distDir: DIST_DIR,
    databaseUrl,
    env: SECRETS,
    logFile,
    readyTimeoutMs: 90_000,
  });
  try {
    progress(`server ready in ${(server.startMs / 1000).toFixed(1)} s`);
    // Pages an earlier run left in .next-bench's cache were built from another database.
    await revalidate(server.base, SECRETS.REVALIDATE_SECRET, [
      "posts",
      "settings",
      "users",
      ...essays.map((e) => `post:${e.postId}`),
    ]);
    const essayPath = `/posts/${small.slug}`;

    if (COMPARE) {
      const c = await attempt("embedded", small.name, logFile, () =>
        compareWithStatic({
          name: small.name,
          server: "embedded",
          serverBase: server.base,
          path: essayPath,
          nginxDir: path.join(BENCH_DIR, "nginx-embedded"),
          nginxPort: ports.nginx,
          durationS: DURATION_S,
          connections: WRK_CONNECTIONS,
          target: EMBEDDED_TARGET,
          rounds: ROUNDS,
          progress,
        }),
      );
      if (c) {
        results.embedded = c;
        rows.push(...comparisonRows(c));
        fail(`embedded ${c.name}`, c.problems, logFile);
      }
      if (GZIP_LINES) {
        const g = await attempt("embedded", `${small.name} gzip`, logFile, () =>
          compareWithStatic({
            name: small.name,
            server: "embedded",
            serverBase: server.base,
            path: essayPath,
            nginxDir: path.join(BENCH_DIR, "nginx-embedded-gzip"),
            nginxPort: ports.nginx,
            durationS: DURATION_S,
            connections: WRK_CONNECTIONS,
            target: null,
            rounds: ROUNDS,
            gzip: true,
            progress,
          }),
        );
        if (g) {
          results.embeddedGzip = g;
          rows.push(...comparisonRows(g));
          fail(`embedded ${g.name} gzip`, g.problems, logFile);
        }
      }
    }

    if (has("js")) {
      progress("client JavaScript of an anonymous essay reader (Chromium)");
      const js = await attempt("client JS", `anonymous reader, ${essayPath}`, logFile, () =>
        measureClientJs(`${server.base}${essayPath}`),
      );
      if (js) {
        results.clientJs = js;
        rows.push(clientJsRow(js));
        if (js.failedRequests.length > 0)
          progress(`client JS: ${js.failedRequests.length} script requests failed (listed in the results)`);
      }
    }

    if (has("pages")) {
      const pages = [
        { name: "home", path: "/", comments: 0 },
        ...essays.filter((e) => e !== small).map((e) => ({ ...e, path: `/posts/${e.slug}` })),
      ];
      for (const page of pages) {
        progress(`${page.name} (embedded): ${DURATION_S} s × ${WRK_CONNECTIONS} connections (wrk)`);
        await attempt("embedded", page.name, logFile, async () => {
          const { settledCopy } = await import("./lib/compare");
          const copy = await settledCopy(`${server.base}${page.path}`);
          await runWrk(`${server.base}${page.path}`, { durationS: 1, connections: WRK_CONNECTIONS });
          const r = await runWrk(`${server.base}${page.path}`, { durationS: DURATION_S, connections: WRK_CONNECTIONS });
          results.pages.push({ ...r, name: page.name, path: page.path, bodyBytes: copy.body.length });
          const target = PAGE_TARGETS[page.comments];
          rows.push(
            wrkRow("embedded", page.name, r, {
              target: target ? `≥${target.minRps} req/s` : "",
              verdict: target ? (r.rps >= target.minRps ? "PASS" : "FAIL") : "",
              note: `${(copy.body.length / 1024).toFixed(1)} KB html, p50 ${r.p50Ms.toFixed(2)} ms`,
            }),
          );
          fail(`embedded ${page.name}`, wrkProblems(r), logFile);
        });
      }
    }

    if (has("render")) {
      for (const essay of essays) {
        progress(`server render time of ${essay.name}, ${RENDER_RUNS} runs`);
        const r = await attempt("embedded", `render ${essay.name}`, logFile, () =>
          measureRender(
            server.base,
            SECRETS.REVALIDATE_SECRET,
            { name: essay.name, path: `/posts/${essay.slug}`, postId: essay.postId },
            RENDER_RUNS,
          ),
        );
        if (r) {
          results.renders.push(r);
          rows.push(renderRow(r, essay.comments === 10000 ? RENDER_TARGET_MS : undefined));
        }
      }
    }

    if (has("writes")) await embeddedWrites(server, essays, logFile);
  } finally {
    await stop(server.child);
  }
}

/** The write cases on the embedded server (SQLite), with the targets of the comments issue. */
async function embeddedWrites(
  server: RunningServer,
  essays: readonly { name: string; slug: string; postId: string; comments: number }[],
  logFile: string,
): Promise<void> {
  const small = essays.find((e) => e.comments === 30);
  const medium = essays.find((e) => e.comments === 1000);
  if (!small || !medium) throw new Error("the write cases need the 30- and 1,000-comment essays");
  const { createDb } = await import("../lib/db/client");
  const w = await import("./lib/writes");
  const db = createDb(process.env.DATABASE_URL);
  try {
    const o = {
      base: server.base,
      db,
      revalidateSecret: SECRETS.REVALIDATE_SECRET,
      authSecret: SECRETS.AUTH_SECRET,
      connections: WRITE_CONNECTIONS,
      durationS: DURATION_S,
      warmupS: WRITE_WARMUP_S,
      mode: "embedded",
    };
    await w.raiseFloodLimits(o);
    const snapshot = await w.snapshotBeforeWrites(db);
    const users = await w.createBenchUsers(o, snapshot, WRITERS);
    if (WRITE_CASES.has("post")) {
      progress(`post-comment (embedded): guests posting, ${DURATION_S} s × ${WRITE_CONNECTIONS} connections`);
      const r = await attempt("embedded", "post-comment", logFile, () =>
        w.measurePostComments(o, small, EMBEDDED_WRITE_TARGETS.post),
      );
      if (r) {
        results.embeddedWrites.postComments = r;
        rows.push(postCommentsRow("embedded", r));
        fail("embedded post-comment", r.problems, logFile);
      }
    }
    if (WRITE_CASES.has("like")) {
      progress(`like (embedded): ${WRITERS} signed-in readers liking comments of /posts/${medium.slug}`);
      const r = await attempt("embedded", "like", logFile, () => w.measureLikes(o, medium, users, EMBEDDED_WRITE_TARGETS.like));
      if (r) {
        results.embeddedWrites.likes = r;
        rows.push(likesRow("embedded", r));
        fail("embedded like", r.problems, logFile);
      }
    }
    if (WRITE_CASES.has("read")) {
      progress(`${small.name} while posting (embedded): ${POST_RATE} comments/s`);
      const url = `${server.base}/posts/${small.slug}`;
      const r = await attempt("embedded", `${small.name} while posting`, logFile, () =>
        w.measureReadWhilePosting(o, small, users, {
          ratePerS: POST_RATE,
          readLoad: async (alongside) => {
            await runWrk(url, { durationS: 1, connections: WRK_CONNECTIONS });
            const [read] = await Promise.all([runWrk(url, { durationS: DURATION_S, connections: WRK_CONNECTIONS }), alongside()]);
            return read;
          },
          readProblems: wrkProblems,
          pass: (read) => read.rps >= EMBEDDED_WRITE_TARGETS.readMinRps,
        }),
      );
      if (r) {
        results.embeddedWrites.readWhilePosting = r;
        rows.push(readWhilePostingRow("embedded", r, EMBEDDED_WRITE_TARGETS.readMinRps));
        fail(`embedded ${r.name}`, r.problems, logFile);
      }
    }
  } finally {
    await db.$disconnect();
  }
}

/** The production front (Varnish + 3 instances on PostgreSQL). */
async function front(nginxPort: number): Promise<void> {
  const logDir = path.join(BENCH_DIR, "stack");
  mkdirSync(logDir, { recursive: true });
  const r = await attempt("front", "(stack)", logDir, () =>
    measureProductionFront({
      distDir: DIST_DIR,
      secrets: SECRETS,
      durationS: DURATION_S,
      writeWarmupS: WRITE_WARMUP_S,
      wrkConnections: WRK_CONNECTIONS,
      writeConnections: WRITE_CONNECTIONS,
      postRatePerS: POST_RATE,
      writers: WRITERS,
      nginxDir: path.join(BENCH_DIR, "nginx-front"),
      nginxPort,
      logDir,
      rounds: ROUNDS,
      gzipLine: GZIP_LINES,
      clientJs: has("js"),
      writes: WRITE_CASES,
      progress,
    }),
  );
  if (!r) return;
  results.front = r;
  if (!r.measured) {
    out(`production front: not measured (${r.reason})`);
    rows.push({
      where: "front",
      what: "(all lines)",
      rate: "",
      p99: "",
      ratio: "",
      target: "",
      verdict: "NOT MEASURED",
      note: r.reason,
    });
    return;
  }
  for (const c of [r.essay, r.essayGzip]) {
    if (!c) continue;
    rows.push(...comparisonRows(c));
    fail(`front ${c.name}${c.gzip ? " gzip" : ""}`, c.problems, logDir);
  }
  if (r.clientJs) rows.push(clientJsRow(r.clientJs, "front"));
  if (r.postComments) {
    rows.push(postCommentsRow("front", r.postComments));
    fail("front post-comment", r.postComments.problems, logDir);
  }
  if (r.likes) {
    rows.push(likesRow("front", r.likes));
    fail("front like", r.likes.problems, logDir);
  }
  if (r.readWhilePosting) {
    rows.push(readWhilePostingRow("front", r.readWhilePosting, FRONT_TARGETS.readWhilePosting.minRps));
    fail(`front ${r.readWhilePosting.name}`, r.readWhilePosting.problems, logDir);
  }
  for (const [what, error] of Object.entries(r.errors)) {
    rows.push(failedRow("front", what, error));
    fail(`front ${what}`, [`could not run: ${error}`], logDir);
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
  results.build = { buildId: readFileSync(path.join(ROOT, DIST_DIR, "BUILD_ID"), "utf8").trim(), builtMs };
  const watchdog = setTimeout(() => {
    console.error(`bench: gave up after ${RUN_TIMEOUT_MS / 1000} s (BENCH_TIMEOUT); stopping what it started.`);
    void stopEverything().then(() => process.exit(1));
  }, RUN_TIMEOUT_MS);
  watchdog.unref();

  mkdirSync(BENCH_DIR, { recursive: true });
  // Every module that opens the shared database client reads DATABASE_URL when it is loaded.
  process.env.DATABASE_URL = `file:${path.join(BENCH_DIR, "bench.db")}`;
  const [serverPort, nginxEmbedded, nginxFront] = await freePorts(3);
  if (serverPort === undefined || nginxEmbedded === undefined || nginxFront === undefined) throw new Error("no free ports");
  results.ports = { server: serverPort, nginxEmbedded, nginxFront };
  out(
    `Hearth benchmark — wrk -t1 -c${WRK_CONNECTIONS} -d${DURATION_S}s --latency on loopback; parts: ${[...ONLY].join(", ")}; ` +
      `${cpus} CPUs, load ${loadAtStart[0]?.toFixed(1)}`,
  );

  if (NEEDS_EMBEDDED) await embedded({ server: serverPort, nginx: nginxEmbedded });
  if (has("front")) await front(nginxFront);

  out("");
  out(table(rows));
  writeResults(null);

  if (failures.length > 0) {
    console.error(`\nbench FAILED: ${failures.join("; ")}`);
    return 1;
  }
  if (STRICT && targetsMissed() > 0) {
    console.error(`\nbench: ${targetsMissed()} target(s) missed (BENCH_STRICT=1).`);
    return 1;
  }
  return 0;
}

try {
  process.exitCode = await main();
} catch (error) {
  const message = error instanceof Error ? (error.stack ?? error.message) : String(error);
  console.error(`\nbench FAILED: ${message}`);
  await stopEverything();
  if (rows.length > 0) {
    out(table(rows));
    writeResults(message);
  }
  process.exitCode = 1;
}
// HTTP agents and the database clients may keep handles open; the work is done.
process.exit(process.exitCode ?? 0);
