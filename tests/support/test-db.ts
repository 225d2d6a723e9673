import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import type { Db } from "@/lib/db/client";
import type { MigrateResult } from "@/lib/db/migrate";

/** The repository root (where prisma/migrations lives), independent of the working directory. */
export const repoRoot = fileURLToPath(new URL("../../", import.meta.url));

export interface FreshDatabase {
  /** The `file:` URL of the new SQLite database. */
  url: string;
  /** Absolute path of the database file. */
  file: string;
  /** The process-wide client from lib/db/client.ts, bound to this database. */
  db: Db;
  /** What the initial migration run applied. */
  migrated: MigrateResult;
  /** Disconnects the client and removes the temporary directory. */
  cleanup: () => Promise<void>;
}

/**
 * Creates an empty SQLite database in a temporary directory, applies the real migrations
 * (prisma/migrations/sqlite, never `db push`) and only then imports lib/db/client.ts, whose
 * `db` singleton is created at import time from DATABASE_URL.
 *
 * Call it once per test file (vitest runs each file in its own module graph): the singleton is
 * created by the first import and later calls in the same file would still get it.
 */
export async function freshDatabase(): Promise<FreshDatabase> {
  const dir = mkdtempSync(path.join(os.tmpdir(), "hearth-test-"));
  const file = path.join(dir, "test.db");
  const url = `file:${file}`;
  process.env.DATABASE_URL = url;

  const { migrate } = await import("@/lib/db/migrate");
  const migrated = await migrate(url, repoRoot);

  const client = await import("@/lib/db/client");
  const db = client.db;

  const cleanup = async () => {
    await db.$disconnect();
    rmSync(dir, { recursive: true, force: true });
  };
  return { url, file, db, migrated, cleanup };
}

/**
 * Opens a migrated database bound to the process-wide client: freshDatabase (SQLite) or
 * freshPostgresDatabase (tests/support/postgres.ts). The shared scenarios under
 * tests/integration/scenarios take one, so each runs on both engines, one test file per engine.
 */
export type OpenDatabase = () => Promise<{ db: Db; cleanup: () => Promise<void> }>;
