// Shared by the start, test and benchmark scripts: local secrets, build freshness, child processes.
import { spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, readdirSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";

export const ROOT = path.resolve(import.meta.dirname, "..", "..");
export const DATA_DIR = path.join(ROOT, ".data");

/**
 * Secrets a local run needs, taken from the environment or generated once and kept in
 * .data/secrets.json (never committed), so sessions survive restarts without any setup.
 */
export function localSecrets() {
  mkdirSync(DATA_DIR, { recursive: true });
  const file = path.join(DATA_DIR, "secrets.json");
  let stored = {};
  if (existsSync(file)) {
    try {
      stored = JSON.parse(readFileSync(file, "utf8"));
    } catch {
      stored = {};
    }
  }
  const wanted = ["AUTH_SECRET", "REVALIDATE_SECRET"];
  let changed = false;
  for (const name of wanted) {
    if (!stored[name]) {
      stored[name] = randomBytes(32).toString("base64url");
      changed = true;
    }
  }
  if (changed) writeFileSync(file, JSON.stringify(stored, null, 2) + "\n", { mode: 0o600 });
  const env = {};
  for (const name of wanted) env[name] = process.env[name] || stored[name];
  return env;
}

const SOURCE_ENTRIES = [
  "app",
  "components",
  "lib",
  "public",
  "next.config.ts",
  "postcss.config.mjs",
  "package-lock.json",
  "tsconfig.json",
  "proxy.ts",
];

function newestMtime(entry) {
  if (!existsSync(entry)) return 0;
  const st = statSync(entry);
  if (!st.isDirectory()) return st.mtimeMs;
  let newest = st.mtimeMs;
  for (const child of readdirSync(entry)) {
    if (child === "generated" || child === "node_modules") continue;
    newest = Math.max(newest, newestMtime(path.join(entry, child)));
  }
  return newest;
}

/** True when there is no production build or a source file is newer than it. */
export function needsBuild() {
  const buildId = path.join(ROOT, process.env.NEXT_DIST_DIR || ".next", "BUILD_ID");
  if (!existsSync(buildId)) return true;
  const built = statSync(buildId).mtimeMs;
  return SOURCE_ENTRIES.some((e) => newestMtime(path.join(ROOT, e)) > built);
}

/** Runs a command, inheriting stdio; resolves on exit 0, rejects otherwise. */
export function run(command, args, options = {}) {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { stdio: "inherit", cwd: ROOT, ...options, env: { ...process.env, ...options.env } });
    child.on("error", reject);
    child.on("exit", (code, signal) => {
      if (code === 0) resolve();
      else reject(new Error(`${command} ${args.join(" ")} failed (${signal ?? `exit ${code}`})`));
    });
  });
}

export const bin = (name) => path.join(ROOT, "node_modules", ".bin", name);

/** Builds the production bundle when it is missing or stale. */
export async function buildIfNeeded() {
  if (!needsBuild()) return false;
  console.log("Building Hearth for production (about a minute the first time)…");
  await run(bin("next"), ["build"], { env: { NEXT_TELEMETRY_DISABLED: "1" } });
  return true;
}
