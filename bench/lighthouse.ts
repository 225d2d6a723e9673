// `npm run bench:lighthouse`: Lighthouse 12 scores (performance, accessibility, best practices,
// SEO) of Hearth's production build, as an anonymous reader gets it, on the home page and on the
// 30-comment essay. Not part of `npm test`. See bench/README.md ("Lighthouse").
//
// Builds into .next-bench/ when needed (as `npm run bench` does), seeds .data/bench/lighthouse.db
// (the demo content and a 30-comment essay), serves it with `node server.mjs` on 127.0.0.1 (first
// free port from 4000), and runs Lighthouse in Debian's Chromium (CHROME_PATH, /usr/bin/chromium
// by default; --headless=new --no-sandbox) with the **desktop** preset (`--preset=mobile` for
// the mobile one: a Moto G-sized screen, a slow 4G network and a 4× slower CPU, simulated).
// Each page is run once after a warm-up request, so the server answers from its HTTP cache as it
// does for any reader but the first. Prints a table; writes
// bench/results/lighthouse-<date>.json. Exit code 1 when a score is below the target (95).
import { mkdirSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import * as chromeLauncher from "chrome-launcher";
import lighthouse, { desktopConfig, type Config, type Flags, type RunnerResult } from "lighthouse";
import { DATA_DIR, ROOT } from "../scripts/lib/runtime.mjs";
import { revalidate } from "./lib/render";
import { buildIfNeeded, freePorts, killAllNow, startServer, stop } from "./lib/server";
import { request } from "./lib/http";

const CATEGORIES = ["performance", "accessibility", "best-practices", "seo"] as const;
type Category = (typeof CATEGORIES)[number];
const TARGET = 95;
const DIST_DIR = ".next-bench";
const BENCH_DIR = path.join(DATA_DIR, "bench");
const SECRETS = {
  REVALIDATE_SECRET: "bench-revalidate-secret-0123456789",
  AUTH_SECRET: "bench-auth-secret-0123456789abcdef",
  AUTH_TRUST_HOST: "true",
};

function option(name: string): string | undefined {
  for (const arg of process.argv.slice(2)) {
    if (arg.startsWith(`--${name}=`)) return arg.slice(name.length + 3);
  }
  return undefined;
}
for (const arg of process.argv.slice(2)) {
  if (!/^--preset=(desktop|mobile)$/.test(arg)) throw new Error(`unknown option ${arg} (options: --preset=desktop|mobile)`);
}
const PRESET = (option("preset") ?? "desktop") as "desktop" | "mobile";
const CHROME_PATH = process.env.CHROME_PATH || "/usr/bin/chromium";

const progress = (message: string) => console.error(`… ${message}`);

process.on("exit", killAllNow);
for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.on(signal, () => {
    killAllNow();
    process.exit(130);
  });
}

interface PageScores {
  name: string;
  url: string;
  scores: Record<Category, number | null>;
  /** Audits that lost points, per category: id, title and score (0–1), for fixing what is flagged. */
  flagged: Record<Category, { id: string; title: string; score: number | null; displayValue?: string }[]>;
  metrics: Record<string, string | undefined>;
  /** The page's HTML as the browser got it (uncompressed), in bytes. */
  htmlBytes: number | null;
}

/** The size of the page's own document in Lighthouse's network records. */
function documentBytes(lhr: RunnerResult["lhr"], url: string): number | null {
  const details = lhr.audits["network-requests"]?.details as { items?: { url?: string; resourceSize?: number }[] } | undefined;
  const item = details?.items?.find((i) => i.url === url);
  return typeof item?.resourceSize === "number" ? item.resourceSize : null;
}

function scoresOf(name: string, url: string, result: RunnerResult): PageScores {
  const lhr = result.lhr;
  const scores = {} as PageScores["scores"];
  const flagged = {} as PageScores["flagged"];
  for (const id of CATEGORIES) {
    const category = lhr.categories[id];
    scores[id] = category?.score == null ? null : Math.round(category.score * 100);
    flagged[id] = (category?.auditRefs ?? [])
      .filter((ref) => ref.weight > 0)
      .map((ref) => lhr.audits[ref.id])
      .filter((a): a is NonNullable<typeof a> => !!a && a.score !== null && a.score < 1 && a.scoreDisplayMode !== "informative")
      .map((a) => ({ id: a.id, title: a.title, score: a.score, ...(a.displayValue ? { displayValue: a.displayValue } : {}) }));
  }
  const metric = (id: string) => lhr.audits[id]?.displayValue;
  return {
    name,
    url,
    scores,
    flagged,
    metrics: {
      fcp: metric("first-contentful-paint"),
      lcp: metric("largest-contentful-paint"),
      tbt: metric("total-blocking-time"),
      cls: metric("cumulative-layout-shift"),
      si: metric("speed-index"),
      total: metric("total-byte-weight"),
    },
    htmlBytes: documentBytes(lhr, url),
  };
}

async function main(): Promise<number> {
  const startedAt = new Date();
  mkdirSync(BENCH_DIR, { recursive: true });
  const built = await buildIfNeeded(DIST_DIR, 15 * 60_000);
  if (built !== null) progress(`built in ${(built / 1000).toFixed(0)} s`);

  const dbFile = path.join(BENCH_DIR, "lighthouse.db");
  const databaseUrl = `file:${dbFile}`;
  process.env.DATABASE_URL = databaseUrl;
  progress(`seeding ${path.relative(ROOT, dbFile)} (demo content and a 30-comment essay)`);
  const { seedBenchDatabase } = await import("./lib/seed");
  const seeded = await seedBenchDatabase(databaseUrl, dbFile, [30]);
  const essay = seeded.essays.find((e) => e.comments === 30);
  if (!essay) throw new Error("the seed has no 30-comment essay");

  const [port] = await freePorts(1);
  const server = await startServer({
    port: port!,
    distDir: DIST_DIR,
    databaseUrl,
    env: SECRETS,
    logFile: path.join(BENCH_DIR, "lighthouse-server.log"),
    readyTimeoutMs: 90_000,
  });
  const pages: PageScores[] = [];
  let chrome: chromeLauncher.LaunchedChrome | null = null;
  try {
    // Pages an earlier run left in .next-bench's cache were built from another database.
    await revalidate(server.base, SECRETS.REVALIDATE_SECRET, ["posts", "settings", "users", `post:${essay.postId}`]);
    chrome = await chromeLauncher.launch({
      chromePath: CHROME_PATH,
      chromeFlags: ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage"],
    });
    const flags: Flags = { port: chrome.port, output: "json", logLevel: "error", onlyCategories: [...CATEGORIES] };
    const config: Config | undefined = PRESET === "desktop" ? desktopConfig : undefined;
    for (const [name, pathname] of [
      ["home", "/"],
      [essay.name, `/posts/${essay.slug}`],
    ] as const) {
      const url = `${server.base}${pathname}`;
      const warm = await request(url, { timeoutMs: 30_000 });
      if (warm.status !== 200) throw new Error(`GET ${pathname} answered ${warm.status}`);
      progress(`Lighthouse (${PRESET}) on ${pathname}`);
      const result = await lighthouse(url, flags, config);
      if (!result) throw new Error(`Lighthouse gave no result for ${pathname}`);
      if (result.lhr.runtimeError) throw new Error(`Lighthouse on ${pathname}: ${result.lhr.runtimeError.message}`);
      pages.push(scoresOf(name, url, result));
    }
  } finally {
    if (chrome) await chrome.kill();
    await stop(server.child);
  }

  const pad = (s: string, n: number) => s.padEnd(n);
  const lines = [
    `Lighthouse ${PRESET} — target ≥ ${TARGET} in each category`,
    `${pad("page", 12)}${CATEGORIES.map((c) => pad(c, 16)).join("")}html`,
    ...pages.map(
      (p) =>
        `${pad(p.name, 12)}${CATEGORIES.map((c) => {
          const score = p.scores[c];
          return pad(score === null ? "n/a" : `${score}${score >= TARGET ? "" : " FAIL"}`, 16);
        }).join("")}${p.htmlBytes === null ? "" : `${(p.htmlBytes / 1024).toFixed(1)} KB`}`,
    ),
  ];
  for (const p of pages) {
    const lost = CATEGORIES.flatMap((c) =>
      p.flagged[c].map((a) => `${c}: ${a.id}${a.displayValue ? ` (${a.displayValue})` : ""}`),
    );
    if (lost.length) lines.push(`  ${p.name} lost points on: ${lost.join("; ")}`);
  }
  console.log(lines.join("\n"));

  const dir = path.join(ROOT, "bench", "results");
  mkdirSync(dir, { recursive: true });
  const file = path.join(
    dir,
    `lighthouse-${startedAt
      .toISOString()
      .replace(/\.\d+Z$/, "Z")
      .replace(/:/g, "-")}.json`,
  );
  writeFileSync(
    file,
    JSON.stringify(
      {
        date: startedAt.toISOString(),
        lighthouse: "12.2.3",
        preset: PRESET,
        chrome: CHROME_PATH,
        node: process.version,
        cpus: os.cpus().length,
        loadAverage: os.loadavg(),
        target: TARGET,
        pages,
      },
      null,
      2,
    ) + "\n",
  );
  console.log(`\nresults: ${path.relative(ROOT, file)}`);
  return pages.some((p) => CATEGORIES.some((c) => (p.scores[c] ?? 0) < TARGET)) ? 1 : 0;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error instanceof Error ? (error.stack ?? error.message) : String(error));
    killAllNow();
    process.exit(2);
  },
);
