// The server the end-to-end tests run against: the production build on a fresh SQLite
// database built from the migrations (never `db push`), with known test secrets.
import { rmSync, mkdirSync } from "node:fs";
import path from "node:path";
import { spawn } from "node:child_process";
import { DATA_DIR, ROOT, bin, buildIfNeeded, run } from "./lib/runtime.mjs";

const dbFile = path.join(DATA_DIR, "e2e.db");
mkdirSync(DATA_DIR, { recursive: true });
for (const suffix of ["", "-wal", "-shm", "-journal"]) rmSync(dbFile + suffix, { force: true });

const env = {
  NEXT_TELEMETRY_DISABLED: "1",
  DATABASE_URL: `file:${dbFile}`,
  PORT: process.env.E2E_PORT || "3100",
  HOSTNAME: "127.0.0.1",
  SITE_URL: `http://127.0.0.1:${process.env.E2E_PORT || "3100"}`,
  AUTH_SECRET: "e2e-auth-secret-not-for-production-0123456789",
  AUTH_TRUST_HOST: "true",
  REVALIDATE_SECRET: process.env.REVALIDATE_SECRET || "e2e-revalidate-secret",
  // The suite's SMTP sink (e2e/global-setup.ts).
  SMTP_URL: process.env.SMTP_URL || `smtp://127.0.0.1:${process.env.E2E_SMTP_PORT || 2526}`,
  EMAIL_FROM: "Hearth tests <hearth@e2e.example>",
  UPLOADS_DIR: path.join(DATA_DIR, "e2e-uploads"),
  // Notification mails (lib/notify) on a test's time scale: the outbox is read twice a second,
  // a batch window is six seconds, a failed send is tried again within two.
  NOTIFY_POLL_MS: "500",
  NOTIFY_BATCH_WINDOW_MS: "6000",
  NOTIFY_RETRY_BASE_MS: "500",
  NOTIFY_RETRY_MAX_MS: "2000",
};
Object.assign(process.env, env);

rmSync(env.UPLOADS_DIR, { recursive: true, force: true });
await run(bin("tsx"), ["scripts/migrate.ts"]);
// Every test browses from its own made-up address (X-Forwarded-For), so rate limits keyed by
// IP do not leak from one test into another: the test site trusts that header.
await run(bin("tsx"), ["scripts/e2e-settings.ts"]);
await buildIfNeeded();
const server = spawn(process.execPath, [path.join(ROOT, "server.mjs")], {
  stdio: "inherit",
  cwd: ROOT,
  env: { ...process.env, NODE_ENV: "production" },
});
for (const signal of ["SIGINT", "SIGTERM"]) process.on(signal, () => server.kill(signal));
server.on("exit", (code) => process.exit(code ?? 0));
