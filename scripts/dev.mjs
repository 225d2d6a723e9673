// `npm run dev`: the development server with hot reload, on the demo's database and secrets
// (generated into .data/secrets.json, as `npm start` does): migrate, seed when empty, next dev.
import { bin, localSecrets, run } from "./lib/runtime.mjs";

Object.assign(process.env, {
  NEXT_TELEMETRY_DISABLED: "1",
  ...localSecrets(),
  AUTH_TRUST_HOST: process.env.AUTH_TRUST_HOST || "true",
});
await run(bin("tsx"), ["scripts/migrate.ts"]);
await run(bin("tsx"), ["prisma/seed.ts", "--if-empty", "--print-logins"]);
await run(bin("next"), ["dev"]);
