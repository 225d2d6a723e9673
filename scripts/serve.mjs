// `npm run serve`: Hearth in production. Unlike `npm start` (the demo), it never seeds demo
// content or accounts, never generates secrets, never runs a mail catcher or prints sign-in
// links, and refuses to start without a real AUTH_SECRET, SITE_URL and SMTP_URL
// (scripts/lib/production-env.mjs). It applies pending migrations, builds when needed and serves.
// While the site has no admin, it prints a one-time setup link (lib/setup/first-admin.ts).
import { spawn } from "node:child_process";
import path from "node:path";
import { DATA_DIR, ROOT, bin, buildIfNeeded, run } from "./lib/runtime.mjs";
import { productionProblems } from "./lib/production-env.mjs";

const problems = productionProblems(process.env, { generatedSecretsFile: path.join(DATA_DIR, "secrets.json") });
if (problems.length > 0) {
  console.error(`Hearth will not start in production:\n${problems.map((p) => `  • ${p}`).join("\n")}`);
  console.error("\nSee README.md, “Running in production”. For a local demo instead, run `npm start`.");
  process.exit(1);
}
process.env.NEXT_TELEMETRY_DISABLED = "1";
process.env.AUTH_TRUST_HOST ||= "true";

await run(bin("tsx"), ["scripts/migrate.ts"]);
await run(bin("tsx"), ["scripts/setup-token.ts", "--if-no-admin"]);
await buildIfNeeded();

const server = spawn(process.execPath, [path.join(ROOT, "server.mjs")], {
  stdio: "inherit",
  cwd: ROOT,
  env: { ...process.env, NODE_ENV: "production" },
});
for (const signal of ["SIGINT", "SIGTERM"]) process.on(signal, () => server.kill(signal));
server.on("exit", (code) => process.exit(code ?? 0));
