import { createHash, randomUUID } from "node:crypto";
import { mkdirSync, readdirSync, readFileSync, existsSync } from "node:fs";
import path from "node:path";
import { engineOf, sqlitePath, type Engine } from "./url";

/**
 * Applies Prisma-format migrations (prisma/migrations/<engine>/<name>/migration.sql) and records
 * them in Prisma's own `_prisma_migrations` table, with the same checksum Prisma computes, so
 * `prisma migrate status` agrees wherever Prisma's native engine is available.
 *
 * We apply them ourselves because Prisma 6.19's offline (WebAssembly) engine cannot run
 * `migrate deploy` against PostgreSQL; see docs/decisions/001-prisma-6-offline.md.
 */

export interface Migration {
  name: string;
  sql: string;
  checksum: string;
}

export function migrationsDir(engine: Engine, root: string = process.cwd()): string {
  return path.join(root, "prisma", "migrations", engine);
}

/** Reads the migration folders of an engine, in name (timestamp) order. */
export function readMigrations(engine: Engine, root: string = process.cwd()): Migration[] {
  const dir = migrationsDir(engine, root);
  return readdirSync(dir, { withFileTypes: true })
    .filter((d) => d.isDirectory() && existsSync(path.join(dir, d.name, "migration.sql")))
    .map((d) => d.name)
    .sort()
    .map((name) => {
      const sql = readFileSync(path.join(dir, name, "migration.sql"), "utf8");
      return { name, sql, checksum: createHash("sha256").update(sql).digest("hex") };
    });
}

const SQLITE_TABLE = `CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
    "id"                    TEXT PRIMARY KEY NOT NULL,
    "checksum"              TEXT NOT NULL,
    "finished_at"           DATETIME,
    "migration_name"        TEXT NOT NULL,
    "logs"                  TEXT,
    "rolled_back_at"        DATETIME,
    "started_at"            DATETIME NOT NULL DEFAULT current_timestamp,
    "applied_steps_count"   INTEGER UNSIGNED NOT NULL DEFAULT 0
)`;

const PG_TABLE = `CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
    "id"                    VARCHAR(36) PRIMARY KEY NOT NULL,
    "checksum"              VARCHAR(64) NOT NULL,
    "finished_at"           TIMESTAMPTZ,
    "migration_name"        VARCHAR(255) NOT NULL,
    "logs"                  TEXT,
    "rolled_back_at"        TIMESTAMPTZ,
    "started_at"            TIMESTAMPTZ NOT NULL DEFAULT now(),
    "applied_steps_count"   INTEGER NOT NULL DEFAULT 0
)`;

export interface MigrateResult {
  engine: Engine;
  applied: string[];
}

function checkDrift(done: Map<string, string>, migrations: Migration[]): void {
  for (const m of migrations) {
    const recorded = done.get(m.name);
    if (recorded && recorded !== m.checksum) {
      throw new Error(`Migration ${m.name} was changed after it was applied (checksum mismatch). Add a new migration instead.`);
    }
  }
}

async function migrateSqlite(url: string, migrations: Migration[]): Promise<string[]> {
  const { default: Database } = await import("better-sqlite3");
  const file = sqlitePath(url);
  mkdirSync(path.dirname(file), { recursive: true });
  const db = new Database(file);
  try {
    // WAL lets readers carry on while a writer commits; the setting is stored in the file.
    db.pragma("journal_mode = WAL");
    db.pragma("foreign_keys = ON");
    db.exec(SQLITE_TABLE);
    const rows = db
      .prepare(
        `SELECT migration_name, checksum FROM "_prisma_migrations" WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL`,
      )
      .all() as { migration_name: string; checksum: string }[];
    const done = new Map(rows.map((r) => [r.migration_name, r.checksum]));
    checkDrift(done, migrations);
    const applied: string[] = [];
    for (const m of migrations) {
      if (done.has(m.name)) continue;
      const apply = db.transaction(() => {
        db.exec(m.sql);
        db.prepare(
          `INSERT INTO "_prisma_migrations" (id, checksum, finished_at, migration_name, started_at, applied_steps_count) VALUES (?, ?, ?, ?, ?, 1)`,
        ).run(randomUUID(), m.checksum, Date.now(), m.name, Date.now());
      });
      apply.immediate();
      applied.push(m.name);
    }
    return applied;
  } finally {
    db.close();
  }
}

async function migratePostgres(url: string, migrations: Migration[]): Promise<string[]> {
  const { default: pg } = await import("pg");
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    // One migrator at a time across instances starting together.
    await client.query("SELECT pg_advisory_lock(72817391)");
    await client.query(PG_TABLE);
    const { rows } = await client.query<{ migration_name: string; checksum: string }>(
      `SELECT migration_name, checksum FROM "_prisma_migrations" WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL`,
    );
    const done = new Map(rows.map((r) => [r.migration_name, r.checksum]));
    checkDrift(done, migrations);
    const applied: string[] = [];
    for (const m of migrations) {
      if (done.has(m.name)) continue;
      await client.query("BEGIN");
      try {
        await client.query(m.sql);
        await client.query(
          `INSERT INTO "_prisma_migrations" (id, checksum, finished_at, migration_name, started_at, applied_steps_count) VALUES ($1, $2, now(), $3, now(), 1)`,
          [randomUUID(), m.checksum, m.name],
        );
        await client.query("COMMIT");
      } catch (error) {
        await client.query("ROLLBACK");
        throw error;
      }
      applied.push(m.name);
    }
    await client.query("SELECT pg_advisory_unlock(72817391)");
    return applied;
  } finally {
    await client.end();
  }
}

/** Applies every pending migration of the engine that `url` points at. Idempotent. */
export async function migrate(url: string, root: string = process.cwd()): Promise<MigrateResult> {
  const engine = engineOf(url);
  const migrations = readMigrations(engine, root);
  const applied = engine === "sqlite" ? await migrateSqlite(url, migrations) : await migratePostgres(url, migrations);
  return { engine, applied };
}
