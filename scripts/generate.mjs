// Generates both Prisma clients (SQLite default, PostgreSQL for scale-out) from the one model
// definition. Runs offline: see docs/decisions/001-prisma-6-offline.md.
import { execFileSync } from "node:child_process";

const prisma = ["node_modules/prisma/build/index.js"];
execFileSync(process.execPath, ["scripts/schema-variants.mjs"], { stdio: "inherit" });
// The CLI validates the datasource URL against the provider, so each run gets a matching one.
execFileSync(process.execPath, [...prisma, "generate", "--schema", "prisma/schema.prisma"], {
  stdio: "inherit",
  env: { ...process.env, DATABASE_URL: "file:./.data/hearth.db", PRISMA_HIDE_UPDATE_MESSAGE: "1" },
});
execFileSync(process.execPath, [...prisma, "generate", "--schema", "prisma/postgresql/schema.prisma"], {
  stdio: "inherit",
  env: { ...process.env, DATABASE_URL: "postgresql://localhost/hearth", PRISMA_HIDE_UPDATE_MESSAGE: "1" },
});
