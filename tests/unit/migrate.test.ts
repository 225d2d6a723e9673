import { createHash } from "node:crypto";
import { cpSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync, appendFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { migrate, migrationsDir, readMigrations } from "@/lib/db/migrate";
import { repoRoot } from "../support/test-db";

const ENGINES = ["sqlite", "postgresql"] as const;
const sha256 = (text: string | Buffer) => createHash("sha256").update(text).digest("hex");

/** Migration folder names on disk, sorted, that have a migration.sql. */
function folderNames(engine: string): string[] {
  const dir = path.join(repoRoot, "prisma", "migrations", engine);
  return readdirSync(dir, { withFileTypes: true })
    .filter((d) => d.isDirectory())
    .map((d) => d.name)
    .sort();
}

/** Names of the tables and indexes a migration creates. */
function createdObjects(sql: string): { tables: string[]; indexes: string[] } {
  const tables = [...sql.matchAll(/CREATE TABLE (?:IF NOT EXISTS )?"([^"]+)"/g)].map((m) => m[1] as string).sort();
  // Full-text search is engine-specific (docs/decisions/021-search.md): GIN indexes on PostgreSQL,
  // FTS5 virtual tables on SQLite (not matched by CREATE TABLE); compared by searchObjects below.
  const indexes = [...sql.matchAll(/CREATE (?:UNIQUE )?INDEX (?:IF NOT EXISTS )?"([^"]+)"(?![^;]*USING GIN)/g)]
    .map((m) => m[1] as string)
    .sort();
  return { tables, indexes };
}

describe("readMigrations", () => {
  it("returns the same migration names, in order, for both engines", () => {
    const sqlite = readMigrations("sqlite", repoRoot);
    const postgres = readMigrations("postgresql", repoRoot);
    expect(sqlite.length).toBeGreaterThan(0);
    expect(sqlite.map((m) => m.name)).toEqual(postgres.map((m) => m.name));
    const names = sqlite.map((m) => m.name);
    expect(names).toEqual([...names].sort());
    // Prisma's folder naming: a 14-digit timestamp and a name.
    for (const name of names) expect(name).toMatch(/^\d{14}_[a-z0-9_]+$/);
  });

  it("lists every migration folder on disk", () => {
    for (const engine of ENGINES) {
      expect(readMigrations(engine, repoRoot).map((m) => m.name)).toEqual(folderNames(engine));
    }
  });

  it("carries each migration.sql and its sha256 checksum", () => {
    for (const engine of ENGINES) {
      for (const m of readMigrations(engine, repoRoot)) {
        const file = path.join(repoRoot, "prisma", "migrations", engine, m.name, "migration.sql");
        const raw = readFileSync(file);
        expect(m.sql).toBe(raw.toString("utf8"));
        expect(m.checksum).toMatch(/^[0-9a-f]{64}$/);
        expect(m.checksum).toBe(sha256(raw));
        expect(m.sql.trim().length).toBeGreaterThan(0);
      }
    }
  });

  it("reads from the working directory by default", () => {
    expect(migrationsDir("sqlite")).toBe(path.join(process.cwd(), "prisma", "migrations", "sqlite"));
    if (path.resolve(process.cwd()) === path.resolve(repoRoot)) {
      expect(readMigrations("sqlite")).toEqual(readMigrations("sqlite", repoRoot));
    }
  });

  it("creates the same tables and indexes on both engines", () => {
    const sqlite = readMigrations("sqlite", repoRoot);
    const postgres = readMigrations("postgresql", repoRoot);
    sqlite.forEach((m, i) => {
      const other = postgres[i];
      expect(other?.name).toBe(m.name);
      expect(createdObjects(m.sql)).toEqual(createdObjects(other?.sql ?? ""));
    });
  });

  it("indexes essays and comments for search on both engines", () => {
    const sqlite = readMigrations("sqlite", repoRoot).map((m) => m.sql).join("\n");
    const postgres = readMigrations("postgresql", repoRoot).map((m) => m.sql).join("\n");
    expect([...sqlite.matchAll(/CREATE VIRTUAL TABLE "(\w+)" USING fts5/g)].map((m) => m[1])).toEqual(["PostSearch", "CommentSearch"]);
    expect([...postgres.matchAll(/CREATE INDEX "(\w+)" ON "(\w+)" USING GIN/g)].map((m) => m[2])).toEqual(["Post", "Comment"]);
  });
});

describe("migration_lock.toml", () => {
  it("names the right provider for each engine's migrations", () => {
    for (const engine of ENGINES) {
      const lock = readFileSync(path.join(repoRoot, "prisma", "migrations", engine, "migration_lock.toml"), "utf8");
      const providers = [...lock.matchAll(/^\s*provider\s*=\s*"([^"]*)"\s*$/gm)].map((m) => m[1]);
      expect(providers, engine).toEqual([engine]);
    }
  });

  it("matches the datasource provider of the engine's schema", () => {
    const schemas = { sqlite: "prisma/schema.prisma", postgresql: "prisma/postgresql/schema.prisma" } as const;
    for (const engine of ENGINES) {
      const schema = readFileSync(path.join(repoRoot, schemas[engine]), "utf8");
      const datasource = /datasource\s+\w+\s*\{([^}]*)\}/.exec(schema)?.[1] ?? "";
      expect(/provider\s*=\s*"([^"]+)"/.exec(datasource)?.[1], engine).toBe(engine);
    }
  });
});

describe("readMigrations and migrate on a scratch tree", () => {
  const dirs: string[] = [];
  afterEach(() => {
    for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
  });
  const scratch = () => {
    const d = mkdtempSync(path.join(os.tmpdir(), "hearth-migrate-"));
    dirs.push(d);
    return d;
  };

  it("sorts by folder name and skips folders without migration.sql and loose files", () => {
    const root = scratch();
    const dir = path.join(root, "prisma", "migrations", "sqlite");
    for (const [name, sql] of [
      ["20260102000000_second", "CREATE TABLE b (x);"],
      ["20260101000000_first", "CREATE TABLE a (x);"],
      ["20260103000000_empty", null],
    ] as const) {
      mkdirSync(path.join(dir, name), { recursive: true });
      if (sql !== null) writeFileSync(path.join(dir, name, "migration.sql"), sql);
    }
    writeFileSync(path.join(dir, "migration_lock.toml"), 'provider = "sqlite"\n');
    const migrations = readMigrations("sqlite", root);
    expect(migrations.map((m) => m.name)).toEqual(["20260101000000_first", "20260102000000_second"]);
    expect(migrations[0]).toEqual({
      name: "20260101000000_first",
      sql: "CREATE TABLE a (x);",
      checksum: sha256("CREATE TABLE a (x);"),
    });
  });

  it("refuses to run when an applied migration was changed afterwards", async () => {
    const root = scratch();
    cpSync(path.join(repoRoot, "prisma", "migrations", "sqlite"), path.join(root, "prisma", "migrations", "sqlite"), {
      recursive: true,
    });
    const url = `file:${path.join(root, "db", "drift.db")}`;
    const first = await migrate(url, root);
    expect(first.applied).toEqual(folderNames("sqlite"));
    expect((await migrate(url, root)).applied).toEqual([]);

    const [name] = folderNames("sqlite");
    appendFileSync(path.join(root, "prisma", "migrations", "sqlite", name as string, "migration.sql"), "\n-- edited\n");
    await expect(migrate(url, root)).rejects.toThrow(/checksum mismatch/);
  });

  it("applies only the migrations added since the last run", async () => {
    const root = scratch();
    cpSync(path.join(repoRoot, "prisma", "migrations", "sqlite"), path.join(root, "prisma", "migrations", "sqlite"), {
      recursive: true,
    });
    const url = `file:${path.join(root, "inc.db")}`;
    await migrate(url, root);
    const added = "29991231000000_later";
    mkdirSync(path.join(root, "prisma", "migrations", "sqlite", added));
    writeFileSync(
      path.join(root, "prisma", "migrations", "sqlite", added, "migration.sql"),
      'CREATE TABLE "Later" ("id" INTEGER NOT NULL PRIMARY KEY);\n',
    );
    expect(await migrate(url, root)).toEqual({ engine: "sqlite", applied: [added] });
    expect(await migrate(url, root)).toEqual({ engine: "sqlite", applied: [] });
  });

  it("rolls back a failing migration and records nothing for it", async () => {
    const root = scratch();
    const dir = path.join(root, "prisma", "migrations", "sqlite");
    mkdirSync(path.join(dir, "20260101000000_ok"), { recursive: true });
    writeFileSync(path.join(dir, "20260101000000_ok", "migration.sql"), 'CREATE TABLE "A" ("id" INTEGER PRIMARY KEY);');
    mkdirSync(path.join(dir, "20260102000000_bad"), { recursive: true });
    writeFileSync(
      path.join(dir, "20260102000000_bad", "migration.sql"),
      'CREATE TABLE "B" ("id" INTEGER PRIMARY KEY);\nTHIS IS NOT SQL;',
    );
    const url = `file:${path.join(root, "fail.db")}`;
    await expect(migrate(url, root)).rejects.toThrow();

    const { default: Database } = await import("better-sqlite3");
    const raw = new Database(path.join(root, "fail.db"), { readonly: true });
    try {
      const names = (raw.prepare(`SELECT migration_name FROM "_prisma_migrations"`).all() as { migration_name: string }[]).map(
        (r) => r.migration_name,
      );
      expect(names).toEqual(["20260101000000_ok"]);
      const tables = (raw.prepare(`SELECT name FROM sqlite_master WHERE type = 'table'`).all() as { name: string }[]).map(
        (r) => r.name,
      );
      expect(tables).toContain("A");
      expect(tables).not.toContain("B");
    } finally {
      raw.close();
    }
  });
});
