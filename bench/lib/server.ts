// Building and running Hearth's production server for the benchmark.
import { spawn, type ChildProcess } from "node:child_process";
import { closeSync, existsSync, openSync, readFileSync, writeFileSync } from "node:fs";
import net from "node:net";
import path from "node:path";
import { ROOT, bin, needsBuild } from "../../scripts/lib/runtime.mjs";
import { request } from "./http";

/** Every child process the benchmark started and has not seen exit yet. */
const live = new Set<ChildProcess>();

/** Registers a child process the benchmark started, so killAllNow() can stop it. */
export function track(child: ChildProcess): void {
  live.add(child);
  child.once("exit", () => live.delete(child));
}

/** Kills (SIGKILL) whatever is still running; safe to call from an "exit" handler. */
export function killAllNow(): void {
  for (const child of live) {
    if (child.exitCode === null && child.signalCode === null) child.kill("SIGKILL");
  }
}

function waitForExit(child: ChildProcess, ms: number): Promise<boolean> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve(true);
  return new Promise((resolve) => {
    const timer = setTimeout(() => resolve(false), ms);
    child.once("exit", () => {
      clearTimeout(timer);
      resolve(true);
    });
  });
}

/** Stops a child: SIGTERM, then SIGKILL if it is still there after `graceMs`. */
export async function stop(child: ChildProcess, graceMs = 5000): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  child.kill("SIGTERM");
  if (!(await waitForExit(child, graceMs))) {
    child.kill("SIGKILL");
    await waitForExit(child, 2000);
  }
}

/**
 * `next build` rewrites tsconfig.json (adding "<distDir>/types/**" to include) and
 * next-env.d.ts (pointing it at "<distDir>/types") for whatever distDir it builds into. Those
 * are the project's files, not the benchmark's: put them back as they were, but only when the
 * build's edit is the only change (someone may be editing them meanwhile).
 */
function protectTypeScriptFiles(distDir: string): () => void {
  const tsconfigFile = path.join(ROOT, "tsconfig.json");
  const envFile = path.join(ROOT, "next-env.d.ts");
  const read = (file: string): string | null => (existsSync(file) ? readFileSync(file, "utf8") : null);
  const tsconfigBefore = read(tsconfigFile);
  const envBefore = read(envFile);
  return () => {
    const tsconfigAfter = read(tsconfigFile);
    if (tsconfigBefore !== null && tsconfigAfter !== null && tsconfigAfter !== tsconfigBefore) {
      let onlyNext = false;
      try {
        const before = JSON.parse(tsconfigBefore) as { include?: unknown };
        const after = JSON.parse(tsconfigAfter) as { include?: unknown };
        if (Array.isArray(after.include)) {
          after.include = after.include.filter((p) => !(typeof p === "string" && p.startsWith(`${distDir}/`)));
        }
        onlyNext = JSON.stringify(before) === JSON.stringify(after);
      } catch {
        onlyNext = false;
      }
      if (onlyNext) writeFileSync(tsconfigFile, tsconfigBefore);
      else console.warn(`! tsconfig.json changed during the build beyond Next's "${distDir}/types" entries; left as it is.`);
    }
    const envAfter = read(envFile);
    if (envBefore !== null && envAfter !== null && envAfter !== envBefore) {
      const normalize = (s: string) => s.replace(/import "\.\/[^"]*?\/types\//g, 'import "./<dist>/types/');
      if (normalize(envAfter) === normalize(envBefore)) writeFileSync(envFile, envBefore);
      else console.warn("! next-env.d.ts changed during the build beyond Next's own rewrite; left as it is.");
    }
  };
}

/**
 * Builds the production bundle into `distDir` when needsBuild() says it is missing or older
 * than the sources. Returns the build time in ms, or null when the existing build was reused.
 */
export async function buildIfNeeded(distDir: string, timeoutMs: number): Promise<number | null> {
  process.env.NEXT_DIST_DIR = distDir;
  if (!needsBuild()) return null;
  console.error(`… building the production bundle into ${distDir}/ (sources changed or no build yet)…`);
  const started = performance.now();
  const restore = protectTypeScriptFiles(distDir);
  try {
    const child = spawn(bin("next"), ["build"], {
      cwd: ROOT,
      // Build output goes to stderr with the other progress messages; stdout is for results.
      stdio: ["ignore", 2, 2],
      env: { ...process.env, NEXT_DIST_DIR: distDir, NEXT_TELEMETRY_DISABLED: "1", NODE_ENV: "production" },
    });
    track(child);
    const code = await new Promise<number | string>((resolve, reject) => {
      const timer = setTimeout(() => {
        child.kill("SIGKILL");
        reject(new Error(`next build did not finish within ${Math.round(timeoutMs / 1000)} s`));
      }, timeoutMs);
      child.once("error", (error) => {
        clearTimeout(timer);
        reject(error);
      });
      child.once("exit", (exitCode, signal) => {
        clearTimeout(timer);
        resolve(exitCode ?? signal ?? "unknown");
      });
    });
    if (code !== 0) throw new Error(`next build failed (${code})`);
  } finally {
    restore();
  }
  return performance.now() - started;
}

function portIsFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const srv = net.createServer();
    srv.once("error", () => resolve(false));
    srv.listen(port, "127.0.0.1", () => srv.close(() => resolve(true)));
  });
}

/**
 * `count` free TCP ports on 127.0.0.1 within [first, last] (the benchmark's own range, 4000–4100
 * by default, away from the production stack's ports), lowest first, none of `taken`.
 */
export async function freePorts(count: number, first = 4000, last = 4100, taken: readonly number[] = []): Promise<number[]> {
  const ports: number[] = [];
  for (let port = first; port <= last && ports.length < count; port++) {
    if (!taken.includes(port) && (await portIsFree(port))) ports.push(port);
  }
  if (ports.length < count) throw new Error(`fewer than ${count} free TCP ports on 127.0.0.1 between ${first} and ${last}`);
  return ports;
}

export interface RunningServer {
  base: string;
  port: number;
  child: ChildProcess;
  logFile: string;
  startMs: number;
}

function tail(file: string, lines: number): string {
  try {
    return readFileSync(file, "utf8").split("\n").slice(-lines).join("\n");
  } catch {
    return "(no log)";
  }
}

/**
 * Starts `node server.mjs` in production mode against the benchmark database, configured as
 * `npm start` runs it (its HTTP cache for anonymous pages on), and waits until GET /api/health
 * answers 200.
 */
export async function startServer(options: {
  port: number;
  distDir: string;
  databaseUrl: string;
  env: Record<string, string>;
  logFile: string;
  readyTimeoutMs: number;
}): Promise<RunningServer> {
  const base = `http://127.0.0.1:${options.port}`;
  const started = performance.now();
  const log = openSync(options.logFile, "w");
  // BENCH_SERVER_NODE_ARGS="--cpu-prof --cpu-prof-dir=/tmp/prof" profiles the server.
  const nodeArgs = (process.env.BENCH_SERVER_NODE_ARGS ?? "").split(/\s+/).filter(Boolean);
  const child = spawn(process.execPath, [...nodeArgs, path.join(ROOT, "server.mjs")], {
    cwd: ROOT,
    stdio: ["ignore", log, log],
    env: {
      ...process.env,
      ...options.env,
      NODE_ENV: "production",
      PORT: String(options.port),
      HOSTNAME: "127.0.0.1",
      SITE_URL: base,
      DATABASE_URL: options.databaseUrl,
      NEXT_DIST_DIR: options.distDir,
      NEXT_TELEMETRY_DISABLED: "1",
    },
  });
  closeSync(log);
  track(child);

  const deadline = Date.now() + options.readyTimeoutMs;
  for (;;) {
    if (child.exitCode !== null || child.signalCode !== null) {
      throw new Error(
        `the server exited before it was ready (${child.exitCode ?? child.signalCode}):\n${tail(options.logFile, 30)}`,
      );
    }
    try {
      const res = await request(`${base}/api/health`, { timeoutMs: 5000 });
      if (res.status === 200) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      await stop(child);
      throw new Error(`the server was not healthy within ${options.readyTimeoutMs / 1000} s:\n${tail(options.logFile, 30)}`);
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  return { base, port: options.port, child, logFile: options.logFile, startMs: performance.now() - started };
}
