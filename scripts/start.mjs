// `npm start`: everything a newcomer needs from one command. Creates the SQLite database under
// .data/, applies migrations, seeds the demo content when the database is empty, builds when
// needed, prints the demo logins and serves Hearth on http://localhost:3000.
import { spawn } from "node:child_process";
import path from "node:path";
import { ROOT, bin, buildIfNeeded, localSecrets, run } from "./lib/runtime.mjs";

const env = {
  NEXT_TELEMETRY_DISABLED: "1",
  ...localSecrets(),
  AUTH_TRUST_HOST: process.env.AUTH_TRUST_HOST || "true",
};
Object.assign(process.env, env);

await run(bin("tsx"), ["scripts/migrate.ts"]);
await run(bin("tsx"), ["prisma/seed.ts", "--if-empty", "--print-logins"]);
await buildIfNeeded();

const server = spawn(process.execPath, [path.join(ROOT, "server.mjs")], {
  stdio: "inherit",
  cwd: ROOT,
  env: { ...process.env, NODE_ENV: "production" },
});
for (const signal of ["SIGINT", "SIGTERM"]) process.on(signal, () => server.kill(signal));
server.on("exit", (code) => process.exit(code ?? 0));
