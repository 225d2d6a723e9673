import { defineConfig, devices } from "@playwright/test";

const port = Number(process.env.E2E_PORT || 3100);
export const baseURL = `http://127.0.0.1:${port}`;

// Debian's Chromium (never `npx playwright install`: it downloads a browser and fails offline).
const chromium = {
  executablePath: process.env.CHROMIUM_PATH || "/usr/bin/chromium",
  args: [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-dev-shm-usage",
    // One site under test: no per-site renderer processes, no background features (less CPU).
    "--disable-features=site-per-process,IsolateOrigins,Translate,OptimizationHints,MediaRouter,AutofillServerCommunication",
    "--renderer-process-limit=2",
  ],
};

/**
 * Specs that change site-wide settings (a title, a limit, a word list), check that a request
 * changed nothing anywhere in the database (the malformed-input suite), or check the site-wide
 * order of essays (the home page's newest ten, the feed's newest entries, which any essay
 * published by another test meanwhile would change), or check that a page is served from the HTTP
 * cache (a change to anyone's profile elsewhere purges every page): they run after all the others, one at a
 * time, so no other test ever meets a changed setting or writes meanwhile.
 * Everything else runs on two workers (one file each at a time); each test makes its own data
 * and browses from its own addresses, so tests never share anything they change.
 */
const ISOLATED_SPECS = [
  "**/site-settings.spec.ts",
  "**/malformed-*.spec.ts",
  "**/feed.spec.ts",
  "**/reading.spec.ts",
  "**/http-caching.spec.ts",
];

/**
 * The production front (deploy/README.md): Varnish in front of three instances on PostgreSQL,
 * started by the spec itself (scripts/lib/stack.mjs, ports 3201-3203 and 6081-6082). It runs
 * last, alone, so its three extra servers never compete with the other specs for the CPU.
 * By itself: `npx playwright test --project=stack --no-deps`.
 */
const STACK_SPECS = ["**/stack.spec.ts"];

export default defineConfig({
  testDir: "e2e",
  globalSetup: "./e2e/global-setup.ts",
  testMatch: "**/*.spec.ts",
  fullyParallel: false,
  workers: 2,
  // A flaky test is a failing test: no retries, anywhere (scripts/test.mjs counts flaky as failed).
  retries: 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: process.env.CI ? [["list"]] : [["list"], ["html", { open: "never" }]],
  use: {
    baseURL,
    // Recording a trace of every test costs about a quarter of the suite's time on 2 cores:
    // PW_TRACE=on keeps the traces of failing tests when you need them.
    trace: process.env.PW_TRACE === "on" ? "retain-on-failure" : "off",
    launchOptions: chromium,
  },
  projects: [
    {
      name: "chromium",
      testIgnore: [...ISOLATED_SPECS, ...STACK_SPECS],
      use: { ...devices["Desktop Chrome"], launchOptions: chromium },
    },
    {
      name: "isolated",
      testMatch: ISOLATED_SPECS,
      dependencies: ["chromium"],
      workers: 1,
      use: { ...devices["Desktop Chrome"], launchOptions: chromium },
    },
    {
      name: "stack",
      testMatch: STACK_SPECS,
      dependencies: ["isolated"],
      workers: 1,
      use: { ...devices["Desktop Chrome"], launchOptions: chromium },
    },
  ],
  webServer: {
    command: "node scripts/e2e-server.mjs",
    url: `${baseURL}/api/health`,
    reuseExistingServer: false,
    timeout: 300_000,
    stdout: "pipe",
    stderr: "pipe",
    env: { E2E_PORT: String(port), SMTP_URL: `smtp://127.0.0.1:${process.env.E2E_SMTP_PORT || 2526}` },
  },
});
