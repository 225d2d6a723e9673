import { defineConfig } from "prisma/config";
import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";

// The schema reads DATABASE_URL; without it the CLI cannot read the schema and falls back to
// downloading a native engine, which fails offline. Default to the local SQLite file.
process.env.DATABASE_URL ??= "file:./.data/hearth.db";

// Prisma 6.19's CLI runs on the WebAssembly schema engine shipped in the npm package
// (engine: "js"), so it works offline. See docs/decisions/001-prisma-6-offline.md.
export default defineConfig({
  experimental: { adapter: true },
  engine: "js",
  schema: "prisma/schema.prisma",
  migrations: { path: "prisma/migrations/sqlite" },
  async adapter() {
    return new PrismaBetterSQLite3({ url: process.env.DATABASE_URL as string });
  },
});
