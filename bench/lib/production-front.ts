// The production front: Varnish in front of 3 Hearth instances on PostgreSQL, started by
// scripts/lib/stack.mjs (startStack). Measures the 30-comment essay through the front against
// its static twin (nginx serving the front's own bytes), then writes through the front — guests
// posting comments, signed-in readers liking, anonymous readers loading the essay while comments
// are posted — and checks the database after each write run.
//
// When scripts/lib/stack.mjs is not there (it is written on another branch), the front is
// reported as not measured and the rest of the benchmark runs.
import { existsSync } from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { ROOT } from "../../scripts/lib/runtime.mjs";
import type { Db } from "../../lib/db/client";
import { measureClientJs, type ClientJsResult } from "./client-js";
import { compareWithStatic, type PageComparison } from "./compare";
import type { SeedResult } from "./seed";
import type { BenchUser, LikesResult, PostCommentsResult, ReadWhilePostingResult, WriteOptions } from "./writes";
import { runWrk, wrkProblems, type WrkResult } from "./wrk";

/** What scripts/lib/stack.mjs exports (branch `deploy`). */
export interface Stack {
  url: string;
  instanceUrls: string[];
  databaseUrl: string;
  killInstance?: (index: number) => Promise<void> | void;
  startInstance?: (index: number) => Promise<void> | void;
  stop: () => Promise<void> | void;
}
export type StartStack = (options: {
  instances?: number;
  frontPort?: number;
  firstPort?: number;
  database?: string;
  env?: Record<string, string>;
  logDir?: string;
  prepare?: (databaseUrl: string) => Promise<void>;
}) => Promise<Stack>;

export const FRONT_TARGETS = {
  essay: { minRatio: 0.9, maxP99Ms: 10 },
  postComments: { minRate: 100 },
  likes: { minRate: 300 },
  readWhilePosting: { minRps: 5000 },
} as const;

export interface FrontOptions {
  distDir: string;
  /** AUTH_SECRET, REVALIDATE_SECRET…: handed to the instances (sessions are minted with AUTH_SECRET). */
  secrets: Record<string, string>;
  durationS: number;
  /** WriteOptions.warmupS. */
  writeWarmupS: number;
  /** wrk connections (reads). */
  wrkConnections: number;
  /** autocannon connections (writes). */
  writeConnections: number;
  postRatePerS: number;
  writers: number;
  nginxDir: string;
  nginxPort: number;
  logDir: string;
  /** Pairs of wrk runs (nginx, then the front) for the essay. */
  rounds: number;
  /** Also compare with Accept-Encoding: gzip (for information). */
  gzipLine: boolean;
  /** Also load the essay through the front in Chromium (the anonymous reader's JavaScript). */
  clientJs: boolean;
  /** Which write cases to run: post, like, read. */
  writes: ReadonlySet<string>;
  progress: (message: string) => void;
}

export type FrontResult =
  | { measured: false; reason: string }
  | {
      measured: true;
      stack: { url: string; instanceUrls: string[]; database: string; startMs: number };
      seed: SeedResult;
      essay: PageComparison | null;
      essayGzip: PageComparison | null;
      clientJs: ClientJsResult | null;
      postComments: PostCommentsResult | null;
      likes: LikesResult | null;
      readWhilePosting: ReadWhilePostingResult<WrkResult> | null;
      /** Cases that could not run, and why. */
      errors: Record<string, string>;
    };

/** The module that starts the stack: BENCH_STACK_MODULE, or scripts/lib/stack.mjs. */
export function stackModulePath(): string {
  return path.resolve(ROOT, process.env.BENCH_STACK_MODULE ?? path.join("scripts", "lib", "stack.mjs"));
}

const message = (error: unknown) => (error instanceof Error ? error.message : String(error));

export async function measureProductionFront(o: FrontOptions): Promise<FrontResult> {
  const modulePath = stackModulePath();
  const shown = path.relative(ROOT, modulePath);
  if (!existsSync(modulePath)) return { measured: false, reason: `${shown} missing` };
  const mod = (await import(pathToFileURL(modulePath).href)) as { startStack?: unknown };
  if (typeof mod.startStack !== "function") return { measured: false, reason: `${shown} exports no startStack()` };
  const startStack = mod.startStack as StartStack;

  const { createDb } = await import("../../lib/db/client");
  const { seedBenchContent } = await import("./seed");
  const writes = await import("./writes");
  const database = process.env.BENCH_FRONT_DATABASE ?? "hearth_bench";

  let seed: SeedResult | null = null;
  let users: BenchUser[] = [];
  o.progress(`production front: starting Varnish + 3 instances on PostgreSQL (database ${database})`);
  const started = performance.now();
  const frontPort = process.env.BENCH_FRONT_PORT ? Number(process.env.BENCH_FRONT_PORT) : undefined;
  const firstPort = process.env.BENCH_FRONT_FIRST_PORT ? Number(process.env.BENCH_FRONT_FIRST_PORT) : undefined;
  const stack = await startStack({
    instances: 3,
    // The stack's own ports (6081, 3201…) unless BENCH_FRONT_PORT / BENCH_FRONT_FIRST_PORT say otherwise.
    ...(frontPort ? { frontPort } : {}),
    ...(firstPort ? { firstPort } : {}),
    database,
    env: { ...o.secrets, NEXT_DIST_DIR: o.distDir, NEXT_TELEMETRY_DISABLED: "1" },
    logDir: o.logDir,
    // After the migrations, before the instances start: the essays, the lifted flood limits and
    // the signed-in readers, so every instance reads them from the start.
    prepare: async (databaseUrl: string) => {
      o.progress("production front: seeding PostgreSQL (essays with 30 and 1,000 comments)");
      seed = await seedBenchContent(databaseUrl, [30, 1000]);
      const db = createDb(databaseUrl);
      try {
        await writes.raiseFloodLimitsInDb(db);
        const snapshot = await writes.snapshotBeforeWrites(db);
        users = await writes.createBenchUsers({ db, authSecret: o.secrets.AUTH_SECRET ?? "" }, snapshot, o.writers);
      } finally {
        await db.$disconnect();
      }
    },
  });
  const startMs = performance.now() - started;
  active = stack;
  let db: Db | null = null;
  try {
    const seeded = seed as SeedResult | null;
    if (!seeded) throw new Error("startStack() did not call prepare(databaseUrl): the front has no benchmark essays");
    const small = seeded.essays.find((e) => e.comments === 30);
    const medium = seeded.essays.find((e) => e.comments === 1000);
    if (!small || !medium) throw new Error("the front's seed has no 30- or 1,000-comment essay");
    const errors: Record<string, string> = {};
    const essayPath = `/posts/${small.slug}`;

    let essay: PageComparison | null = null;
    try {
      essay = await compareWithStatic({
        name: small.name,
        server: "front",
        serverBase: stack.url,
        path: essayPath,
        nginxDir: o.nginxDir,
        nginxPort: o.nginxPort,
        durationS: o.durationS,
        connections: o.wrkConnections,
        target: FRONT_TARGETS.essay,
        rounds: o.rounds,
        progress: o.progress,
      });
    } catch (error) {
      errors.essay = message(error);
    }

    let essayGzip: PageComparison | null = null;
    if (o.gzipLine) {
      try {
        essayGzip = await compareWithStatic({
          name: small.name,
          server: "front",
          serverBase: stack.url,
          path: essayPath,
          nginxDir: `${o.nginxDir}-gzip`,
          nginxPort: o.nginxPort,
          durationS: o.durationS,
          connections: o.wrkConnections,
          target: null,
          rounds: o.rounds,
          gzip: true,
          progress: o.progress,
        });
      } catch (error) {
        errors.essayGzip = message(error);
      }
    }

    let clientJs: ClientJsResult | null = null;
    if (o.clientJs) {
      o.progress("production front: client JavaScript of an anonymous essay reader (Chromium)");
      try {
        clientJs = await measureClientJs(`${stack.url}${essayPath}`);
      } catch (error) {
        errors.clientJs = message(error);
      }
    }

    db = createDb(stack.databaseUrl);
    const w: WriteOptions = {
      base: stack.url,
      db,
      revalidateSecret: o.secrets.REVALIDATE_SECRET ?? "",
      authSecret: o.secrets.AUTH_SECRET ?? "",
      connections: o.writeConnections,
      durationS: o.durationS,
      warmupS: o.writeWarmupS,
      mode: "front",
    };
    let postComments: PostCommentsResult | null = null;
    if (o.writes.has("post")) {
      o.progress(
        `production front: guests posting comments to ${essayPath}, ${o.durationS} s × ${o.writeConnections} connections`,
      );
      try {
        postComments = await writes.measurePostComments(w, small, FRONT_TARGETS.postComments);
      } catch (error) {
        errors.postComments = message(error);
      }
    }
    let likes: LikesResult | null = null;
    if (o.writes.has("like")) {
      o.progress(`production front: ${users.length} signed-in readers liking comments of /posts/${medium.slug}`);
      try {
        likes = await writes.measureLikes(w, medium, users, FRONT_TARGETS.likes);
      } catch (error) {
        errors.likes = message(error);
      }
    }
    let readWhilePosting: ReadWhilePostingResult<WrkResult> | null = null;
    if (o.writes.has("read")) {
      o.progress(`production front: ${small.name} read (wrk) while ${o.postRatePerS} comments/s are posted`);
      try {
        const url = `${stack.url}${essayPath}`;
        readWhilePosting = await writes.measureReadWhilePosting(w, small, users, {
          ratePerS: o.postRatePerS,
          readLoad: async (alongside) => {
            await runWrk(url, { durationS: 1, connections: o.wrkConnections });
            const [read] = await Promise.all([
              runWrk(url, { durationS: o.durationS, connections: o.wrkConnections }),
              alongside(),
            ]);
            return read;
          },
          readProblems: wrkProblems,
          pass: (read) => read.rps >= FRONT_TARGETS.readWhilePosting.minRps,
        });
      } catch (error) {
        errors.readWhilePosting = message(error);
      }
    }
    return {
      measured: true,
      stack: { url: stack.url, instanceUrls: stack.instanceUrls, database, startMs },
      seed: seeded,
      essay,
      essayGzip,
      clientJs,
      postComments,
      likes,
      readWhilePosting,
      errors,
    };
  } finally {
    await db?.$disconnect();
    o.progress("production front: stopping the stack");
    active = null;
    await stack.stop();
  }
}

/** The stack while it runs: its processes live in process groups of their own, so they are stopped explicitly. */
let active: Stack | null = null;

/** Stops the stack if one is running (on SIGINT/SIGTERM or when the run is abandoned). */
export async function stopActiveStack(): Promise<void> {
  const stack = active;
  active = null;
  if (stack) await stack.stop();
}
