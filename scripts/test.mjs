// `npm test`: lint and type-check (side by side), unit + integration tests (Vitest), then the
// end-to-end suite (Playwright in Chromium against the production build). Stops at the first
// failing stage, and says how long each took.
import { existsSync, mkdirSync, readFileSync, rmSync } from "node:fs";
import path from "node:path";
import { DATA_DIR, bin, run } from "./lib/runtime.mjs";

mkdirSync(DATA_DIR, { recursive: true });
const vitestReport = path.join(DATA_DIR, "vitest-report.json");
const playwrightReport = path.join(DATA_DIR, "playwright-report.json");
rmSync(vitestReport, { force: true });
rmSync(playwrightReport, { force: true });

/** Stages in order; the commands of one stage run at the same time (the machine has 2 cores). */
const stages = [
  {
    name: "lint and typecheck",
    commands: [
      [bin("eslint"), ["."]],
      [bin("tsc"), ["--noEmit"]],
    ],
  },
  {
    name: "unit and integration tests, and the production build",
    commands: [
      [bin("vitest"), ["run", "--reporter=default", "--reporter=json", `--outputFile.json=${vitestReport}`]],
      // The type check already ran: the build does not repeat it (next.config.ts).
      [process.execPath, ["scripts/build.mjs"], { HEARTH_TYPECHECKED: "1" }],
    ],
    after: () => refuseSkippedTests(),
  },
  {
    name: "end-to-end tests",
    commands: [[bin("playwright"), ["test", "--reporter=list,json"], { PLAYWRIGHT_JSON_OUTPUT_NAME: playwrightReport, HEARTH_TYPECHECKED: "1" }]],
    after: () => refuseSkippedTests(),
  },
];

let passed = 0;
let failed = 0;
let skipped = 0;
function tally() {
  if (existsSync(vitestReport)) {
    const r = JSON.parse(readFileSync(vitestReport, "utf8"));
    passed += r.numPassedTests ?? 0;
    failed += r.numFailedTests ?? 0;
    skipped += (r.numPendingTests ?? 0) + (r.numTodoTests ?? 0);
  }
  if (existsSync(playwrightReport)) {
    const s = JSON.parse(readFileSync(playwrightReport, "utf8")).stats ?? {};
    // A test that passed only on a retry is a failure (retries are off; this guards the config).
    passed += s.expected ?? 0;
    failed += (s.unexpected ?? 0) + (s.flaky ?? 0);
    skipped += s.skipped ?? 0;
  }
}

// ── In CI, a skipped test fails the run ───────────────────────────────────────────────────────
// A test that skips there (PostgreSQL not reachable, a forgotten .skip) would let the run pass
// without having run. Under CI or HEARTH_REQUIRE_POSTGRES=1 (.ci/run sets both), any skipped,
// pending or todo test in the Vitest or Playwright report fails the stage, naming the tests.
const isSet = (v) => !!v && !["0", "false", "no", "off"].includes(v.trim().toLowerCase());
const noSkipsAllowed = isSet(process.env.CI) || isSet(process.env.HEARTH_REQUIRE_POSTGRES);
function refuseSkippedTests() {
  if (!noSkipsAllowed) return;
  const notRun = [];
  if (existsSync(vitestReport)) {
    const report = JSON.parse(readFileSync(vitestReport, "utf8"));
    notRun.push(
      ...(report.testResults ?? []).flatMap((file) =>
        (file.assertionResults ?? [])
          .filter((t) => t.status !== "passed" && t.status !== "failed")
          .map((t) => `  ${path.relative(process.cwd(), file.name)} › ${t.fullName} (${t.status})`),
      ),
    );
  }
  if (existsSync(playwrightReport)) {
    const skippedSpecs = (suite) => [
      ...(suite.specs ?? [])
        .filter((spec) => (spec.tests ?? []).some((t) => t.status === "skipped"))
        .map((spec) => `  ${spec.file} › ${spec.title} (skipped)`),
      ...(suite.suites ?? []).flatMap(skippedSpecs),
    ];
    notRun.push(...(JSON.parse(readFileSync(playwrightReport, "utf8")).suites ?? []).flatMap(skippedSpecs));
  }
  if (notRun.length > 0) {
    throw new Error(
      `${notRun.length} test(s) did not run, which CI does not allow (CI / HEARTH_REQUIRE_POSTGRES is set):\n${notRun.join("\n")}`,
    );
  }
}
// ──────────────────────────────────────────────────────────────────────────────────────────────

const started = Date.now();
const timings = [];
try {
  for (const stage of stages) {
    console.log(`\n━━ ${stage.name} ━━`);
    const stageStarted = Date.now();
    await Promise.all(
      stage.commands.map(([command, args, env]) => run(command, args, { env: { NEXT_TELEMETRY_DISABLED: "1", ...env } })),
    );
    stage.after?.();
    timings.push(`${stage.name} ${Math.round((Date.now() - stageStarted) / 1000)} s`);
  }
} catch (error) {
  tally();
  console.error(`\n${error instanceof Error ? error.message : error}`);
  console.log(`\nTests: ${passed} passed, ${failed === 0 ? 1 : failed} failed, ${skipped} skipped`);
  process.exit(1);
}
tally();
console.log(`\nAll stages passed in ${Math.round((Date.now() - started) / 1000)} s (${timings.join(", ")}).`);
console.log(`Tests: ${passed} passed, ${failed} failed, ${skipped} skipped`);
