import { mkdtempSync, rmSync, statSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Prisma } from "@/lib/generated/sqlite/client";
import { createDb, sqlOf, type Db } from "@/lib/db/client";
import { migrate } from "@/lib/db/migrate";
import { changes } from "@/lib/db/sql";
import { isStorageUnavailable } from "@/lib/db/unavailable";
import { databaseFiles, fillDisk, makeImmutable, mountTmpfs } from "../support/faults";
import { repoRoot } from "../support/test-db";

// Both SQLite connections of a process (Prisma's and lib/db/sql.ts's own) come back by
// themselves once a storage fault is gone: the very next write after the fault succeeds, with no
// restart (docs/decisions/015-storage-failures.md).

/** Fails the test instead of hanging when `promise` does not settle in time. */
function within<T>(ms: number, what: string, promise: Promise<T>): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what} did not finish within ${ms} ms`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

async function failure(fn: () => Promise<unknown>): Promise<unknown> {
  try {
    await fn();
  } catch (error) {
    return error;
  }
  throw new Error("expected the write to fail, it succeeded");
}

const title = (db: Db) => db.settings.findUniqueOrThrow({ where: { id: 1 } }).then((s) => s.siteTitle);

/** A probe row written through lib/db/sql.ts's runner, in a transaction. */
const probe = (db: Db, key: string) =>
  sqlOf(db).transaction(function* () {
    return yield* changes(Prisma.sql`INSERT INTO "RateLimit" ("key", "windowStart", "count") VALUES (${key}, ${new Date(0)}, 1)`);
  });

const dir = mkdtempSync(path.join(os.tmpdir(), "hearth-recovery-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function freshFile(name: string, where = dir): Promise<string> {
  const file = path.join(where, name);
  await migrate(`file:${file}`, repoRoot);
  const setup = createDb(`file:${file}`);
  await setup.settings.create({ data: { id: 1 } });
  await setup.$disconnect();
  return file;
}

describe("a database file made read-only under a running process", () => {
  let file: string;
  let db: Db;
  beforeAll(async () => {
    file = await freshFile("immutable.db");
    db = createDb(`file:${file}`);
    await title(db); // both connections open before the fault, as in a running server
    await probe(db, "before");
  });
  afterAll(() => db.$disconnect());

  it("a Prisma transaction whose COMMIT fails frees the connection: the next transaction runs", async () => {
    const fault = makeImmutable(databaseFiles(file));
    let error: unknown;
    try {
      error = await failure(() =>
        db.$transaction(async (tx) => {
          await tx.settings.update({ where: { id: 1 }, data: { siteTitle: "lost" } });
        }),
      );
      expect(isStorageUnavailable(error)).toBe(true);
      // A plain write fails too, and a failing runner transaction leaves nothing behind.
      expect(isStorageUnavailable(await failure(() => probe(db, "during")))).toBe(true);
    } finally {
      fault.release();
    }
    // Without the fix in lib/db/client.ts this waits forever for the lock the failed COMMIT kept.
    await within(
      5000,
      "the next Prisma transaction",
      db.$transaction((tx) => tx.settings.update({ where: { id: 1 }, data: { siteTitle: "after" } })),
    );
    await probe(db, "after");
    // Committed for real: another connection sees both (the failed one is not there).
    const other = new Database(file, { readonly: true });
    expect(other.prepare(`SELECT "siteTitle" FROM "Settings" WHERE id = 1`).get()).toEqual({ siteTitle: "after" });
    expect(other.prepare(`SELECT "key" FROM "RateLimit" ORDER BY "key"`).all()).toEqual([{ key: "after" }, { key: "before" }]);
    expect(other.pragma("integrity_check", { simple: true })).toBe("ok");
    other.close();
  });

  it("connections first opened during the fault (read-only by SQLite) write as soon as it is gone", async () => {
    const fault = makeImmutable(databaseFiles(file));
    const late = createDb(`file:${file}`);
    try {
      // Both connections open now, for a read: SQLite opens a file it cannot write read-only.
      expect(await title(late)).toBe("after");
      expect(await sqlOf(late).query(Prisma.sql`SELECT COUNT(*) AS n FROM "RateLimit"`)).toEqual([{ n: 2 }]);
      expect(
        isStorageUnavailable(await failure(() => late.settings.update({ where: { id: 1 }, data: { siteTitle: "x" } }))),
      ).toBe(true);
      expect(isStorageUnavailable(await failure(() => probe(late, "late-during")))).toBe(true);
    } finally {
      fault.release();
    }
    // The very next writes succeed, on both connections.
    await late.settings.update({ where: { id: 1 }, data: { siteTitle: "late" } });
    await probe(late, "late-after");
    await within(
      5000,
      "a Prisma transaction",
      late.$transaction((tx) => tx.settings.findUnique({ where: { id: 1 } })),
    );
    expect(await title(db)).toBe("late");
    await late.$disconnect();
  });
});

describe("a full disk", () => {
  const mount = path.join(dir, "small-disk");
  let disk: { unmount: () => void };
  let file: string;
  let db: Db;
  beforeAll(async () => {
    disk = mountTmpfs(mount, 2048);
    file = await freshFile("full.db", mount);
    db = createDb(`file:${file}`);
    await title(db);
    await probe(db, "before");
  });
  afterAll(async () => {
    await db?.$disconnect();
    disk?.unmount();
  });

  it("fails every write with SQLITE_FULL while full, and the next write after space is freed succeeds", async () => {
    // An empty WAL, so the next write must grow it (SQLite reuses a WAL's space after a checkpoint).
    const checkpoint = new Database(file);
    expect(checkpoint.pragma("wal_checkpoint(TRUNCATE)")).toEqual([{ busy: 0, log: 0, checkpointed: 0 }]);
    checkpoint.close();
    expect(statSync(`${file}-wal`).size).toBe(0);
    const filler = fillDisk(mount);
    try {
      expect(filler.bytes).toBeGreaterThan(0);
      const single = await failure(() => db.settings.update({ where: { id: 1 }, data: { siteTitle: "full" } }));
      const interactive = await failure(() =>
        db.$transaction(async (tx) => {
          await tx.settings.update({ where: { id: 1 }, data: { siteTitle: "full" } });
        }),
      );
      const direct = await failure(() => probe(db, "during"));
      for (const error of [single, interactive, direct]) {
        expect(String((error as Error).message)).toMatch(/database or disk is full/);
        expect(isStorageUnavailable(error)).toBe(true);
      }
      expect(await title(db)).toBe("Hearth"); // reading still works
    } finally {
      filler.free();
    }
    await within(
      5000,
      "the next Prisma transaction",
      db.$transaction((tx) => tx.settings.update({ where: { id: 1 }, data: { siteTitle: "room" } })),
    );
    await probe(db, "after");
    expect(await title(db)).toBe("room");
    const keys = await db.rateLimit.findMany({ select: { key: true }, orderBy: { key: "asc" } });
    expect(keys.map((k) => k.key)).toEqual(["after", "before"]);
    expect(await db.$queryRawUnsafe("PRAGMA integrity_check")).toEqual([{ integrity_check: "ok" }]);
  });
});
