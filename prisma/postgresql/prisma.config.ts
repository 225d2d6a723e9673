import { defineConfig } from "prisma/config";
import { PrismaPg } from "@prisma/adapter-pg";

// The PostgreSQL twin of /prisma.config.ts, for `prisma migrate diff` against the derived
// PostgreSQL schema. Migrations are applied by `npm run db:migrate` (scripts/migrate.ts).
process.env.DATABASE_URL ??= "postgresql://127.0.0.1:5432/hearth";

export default defineConfig({
  experimental: { adapter: true },
  engine: "js",
  schema: "schema.prisma",
  migrations: { path: "../migrations/postgresql" },
  async adapter() {
    return new PrismaPg({ connectionString: process.env.DATABASE_URL as string });
  },
});
