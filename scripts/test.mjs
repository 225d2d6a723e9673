// `npm test`: lint, type-check, unit + integration tests (Vitest), then the end-to-end suite
// (Playwright in Chromium against the production build). Stops at the first failing stage.
import { existsSync, mkdirSync, readFileSync, rmSync } from "node:fs";
import path from "node:path";
import { DATA_DIR, bin, run } from "./lib/runtime.mjs";

mkdirSync(DATA_DIR, { recursive: true });
const vitestReport = path.join(DATA_DIR, "vitest-report.json");
const playwrightReport = path.join(DATA_DIR, "playwright-report.json");
rmSync(vitestReport, { force: true });
rmSync(playwrightReport, { force: true });

const stages = [
  ["lint", bin("eslint"), ["."]],
  ["typecheck", bin("tsc"), ["--noEmit"]],
  [
    "unit and integration tests",
    bin("vitest"),
    ["run", "--reporter=default", "--reporter=json", `--outputFile.json=${vitestReport}`],
  ],
  ["end-to-end tests", bin("playwright"), ["test", "--reporter=list,json"], { PLAYWRIGHT_JSON_OUTPUT_NAME: playwrightReport }],
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
// pending or todo test in the Vitest report fails the stage, naming the tests.
const isSet = (v) => !!v && !["0", "false", "no", "off"].includes(v.trim().toLowerCase());
const noSkipsAllowed = isSet(process.env.CI) || isSet(process.env.HEARTH_REQUIRE_POSTGRES);
function refuseSkippedVitestTests() {
  if (!noSkipsAllowed || !existsSync(vitestReport)) return;
  const report = JSON.parse(readFileSync(vitestReport, "utf8"));
  const notRun = (report.testResults ?? []).flatMap((file) =>
    (file.assertionResults ?? [])
      .filter((t) => t.status !== "passed" && t.status !== "failed")
      .map((t) => `  ${path.relative(process.cwd(), file.name)} › ${t.fullName} (${t.status})`),
  );
  if (notRun.length > 0) {
    throw new Error(
      `${notRun.length} test(s) did not run, which CI does not allow (CI / HEARTH_REQUIRE_POSTGRES is set):\n${notRun.join("\n")}`,
    );
  }
}
// ──────────────────────────────────────────────────────────────────────────────────────────────

const started = Date.now();
try {
  for (const [name, command, args, env] of stages) {
    console.log(`\n━━ ${name} ━━`);
    await run(command, args, { env: { NEXT_TELEMETRY_DISABLED: "1", ...env } });
    if (command === bin("vitest")) refuseSkippedVitestTests();
  }
} catch (error) {
  tally();
  console.error(`\n${error instanceof Error ? error.message : error}`);
  console.log(`\nTests: ${passed} passed, ${failed === 0 ? 1 : failed} failed, ${skipped} skipped`);
  process.exit(1);
}
tally();
console.log(
  `\nAll stages passed in ${Math.round((Date.now() - started) / 1000)} s (lint, typecheck, unit/integration, end-to-end).`,
);
console.log(`Tests: ${passed} passed, ${failed} failed, ${skipped} skipped`);
