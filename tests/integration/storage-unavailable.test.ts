import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import pg from "pg";
import { CallbackRouteError } from "@auth/core/errors";
import { redirect } from "next/navigation";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDb, type Db } from "@/lib/db/client";
import { migrate } from "@/lib/db/migrate";
import { isStorageUnavailable } from "@/lib/db/unavailable";
import { databaseFiles, makeImmutable } from "../support/faults";
import { postgresAvailable, scratchDatabase } from "../support/postgres";
import { repoRoot } from "../support/test-db";

// isStorageUnavailable against the errors the drivers really throw: SQLite's through
// better-sqlite3 and through Prisma, PostgreSQL's through Prisma's pg adapter, Auth.js's
// wrapping, and errors that must stay 500s (a refused value, a bug, a damaged file, a mail
// server that is down, Next's redirect).

/** The SQLSTATE a PostgreSQL error carries, however Prisma wrapped it. */
function sqlStateOf(error: unknown): string | undefined {
  const e = error as { cause?: { code?: string }; meta?: { driverAdapterError?: { cause?: { code?: string } } } };
  return e.cause?.code ?? e.meta?.driverAdapterError?.cause?.code;
}

/** What `fn` threw (the test fails if it did not throw). */
async function thrown(fn: () => unknown): Promise<unknown> {
  try {
    await fn();
  } catch (error) {
    return error;
  }
  throw new Error("expected an error, nothing was thrown");
}

const dir = mkdtempSync(path.join(os.tmpdir(), "hearth-unavailable-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("SQLite errors from better-sqlite3", () => {
  let file: string;
  beforeAll(() => {
    file = path.join(dir, "plain.db");
    const setup = new Database(file);
    setup.pragma("journal_mode = WAL");
    setup.exec("CREATE TABLE t (id INTEGER PRIMARY KEY, x TEXT UNIQUE)");
    setup.close();
  });

  it("a read-only connection: SQLITE_READONLY", async () => {
    const ro = new Database(file, { readonly: true });
    const error = await thrown(() => ro.prepare("INSERT INTO t (x) VALUES ('a')").run());
    ro.close();
    expect((error as { code: string }).code).toBe("SQLITE_READONLY");
    expect(isStorageUnavailable(error)).toBe(true);
  });

  it("a full database (max_page_count): SQLITE_FULL", async () => {
    const conn = new Database(file);
    conn.pragma(`max_page_count = ${conn.pragma("page_count", { simple: true }) as number}`);
    const error = await thrown(() => {
      for (let i = 0; i < 100; i++) conn.prepare("INSERT INTO t (x) VALUES (?)").run(`${i}-${"x".repeat(3000)}`);
    });
    conn.close();
    expect((error as { code: string }).code).toBe("SQLITE_FULL");
    expect(isStorageUnavailable(error)).toBe(true);
  });

  it("a file made immutable under an open connection: SQLITE_IOERR_WRITE", async () => {
    const conn = new Database(file);
    conn.prepare("INSERT INTO t (x) VALUES ('before')").run();
    const fault = makeImmutable(databaseFiles(file));
    let error: unknown;
    try {
      error = await thrown(() => conn.prepare("INSERT INTO t (x) VALUES ('during')").run());
    } finally {
      fault.release();
    }
    conn.close();
    expect((error as { code: string }).code).toMatch(/^SQLITE_IOERR/);
    expect(isStorageUnavailable(error)).toBe(true);
  });

  it("a path SQLite cannot open (a directory): SQLITE_CANTOPEN", async () => {
    const error = await thrown(() => new Database(dir).prepare("SELECT 1").get());
    expect((error as { code: string }).code).toBe("SQLITE_CANTOPEN");
    expect(isStorageUnavailable(error)).toBe(true);
  });

  it("not storage: a unique violation, a syntax error, a file that is not a database", async () => {
    const conn = new Database(file);
    conn.prepare("INSERT INTO t (x) VALUES ('dup')").run();
    const unique = await thrown(() => conn.prepare("INSERT INTO t (x) VALUES ('dup')").run());
    const syntax = await thrown(() => conn.prepare("INSERT INTO nowhere VALUES (").run());
    conn.close();
    const junk = path.join(dir, "junk.db");
    writeFileSync(junk, "this is not an SQLite database, just some text that is long enough ".repeat(100));
    const notadb = await thrown(() => new Database(junk).prepare("SELECT * FROM sqlite_master").all());
    expect((notadb as { code: string }).code).toBe("SQLITE_NOTADB");
    for (const error of [unique, syntax, notadb]) expect(isStorageUnavailable(error)).toBe(false);
  });
});

describe("SQLite errors through Prisma", () => {
  let file: string;
  let db: Db;
  beforeAll(async () => {
    file = path.join(dir, "prisma.db");
    await migrate(`file:${file}`, repoRoot);
    db = createDb(`file:${file}`);
    await db.settings.create({ data: { id: 1 } });
  });
  afterAll(() => db.$disconnect());

  it("a write to an immutable file (one failing at COMMIT: tests/integration/storage-recovery.test.ts)", async () => {
    const fault = makeImmutable(databaseFiles(file));
    let error: unknown;
    try {
      error = await thrown(() => db.settings.update({ where: { id: 1 }, data: { siteTitle: "immutable" } }));
    } finally {
      fault.release();
    }
    expect((error as { name: string }).name).toBe("PrismaClientKnownRequestError");
    expect((error as { code: string }).code).toMatch(/^SQLITE_IOERR/);
    expect(isStorageUnavailable(error)).toBe(true);
  });

  it("a full database (max_page_count on Prisma's connection)", async () => {
    const pages = Number((await db.$queryRawUnsafe<{ page_count: bigint }[]>("PRAGMA page_count"))[0]?.page_count);
    await db.$queryRawUnsafe(`PRAGMA max_page_count = ${pages}`);
    try {
      const error = await thrown(() =>
        db.rateLimit.createMany({
          data: Array.from({ length: 200 }, (_, i) => ({ key: `full-${i}-${"x".repeat(2000)}`, windowStart: new Date(0) })),
        }),
      );
      expect(String((error as Error).message)).toMatch(/database or disk is full/);
      expect(isStorageUnavailable(error)).toBe(true);
    } finally {
      await db.$queryRawUnsafe("PRAGMA max_page_count = 1073741823");
    }
  });

  it("not storage: a unique violation (P2002), a missing record (P2025)", async () => {
    const duplicate = await thrown(() => db.settings.create({ data: { id: 1 } }));
    const missing = await thrown(() => db.settings.update({ where: { id: 2 }, data: { siteTitle: "nobody" } }));
    expect((duplicate as { code: string }).code).toBe("P2002");
    expect((missing as { code: string }).code).toBe("P2025");
    expect(isStorageUnavailable(duplicate)).toBe(false);
    expect(isStorageUnavailable(missing)).toBe(false);
  });

  it("Auth.js's wrapping (CallbackRouteError, the error in cause.err)", async () => {
    const fault = makeImmutable(databaseFiles(file));
    let error: unknown;
    try {
      error = await thrown(() => db.rateLimit.create({ data: { key: "auth", windowStart: new Date() } }));
    } finally {
      fault.release();
    }
    // As Auth.js wraps what a callback threw (`new CallbackRouteError(e, { provider })`; its
    // types admit only a message).
    const wrap = (e: Error) => new CallbackRouteError(e as unknown as string, { provider: "credentials" } as ErrorOptions);
    const wrapped = wrap(error as Error);
    expect((wrapped.cause as { err?: unknown }).err).toBe(error);
    expect(isStorageUnavailable(wrapped)).toBe(true);
    expect(isStorageUnavailable(wrap(new Error("Invalid credentials")))).toBe(false);
  });
});

describe("errors that are not the database's", () => {
  it("a refused connection to another server (a mail server, say) is not storage", async () => {
    const error = await new Promise<Error>((resolve) => {
      const socket = net.connect({ host: "127.0.0.1", port: 1 });
      socket.on("error", resolve);
    });
    expect((error as NodeJS.ErrnoException).code).toBe("ECONNREFUSED");
    expect(isStorageUnavailable(error)).toBe(false);
  });

  it("Next's redirect, a plain bug, and things that are not errors", async () => {
    expect(isStorageUnavailable(await thrown(() => redirect("/elsewhere")))).toBe(false);
    expect(isStorageUnavailable(await thrown(() => (null as unknown as { x: number }).x))).toBe(false);
    for (const value of [undefined, null, "SQLITE_FULL", 53100]) expect(isStorageUnavailable(value)).toBe(false);
  });

  it("an error whose cause points back at itself does not loop", () => {
    const error = new Error("loop") as Error & { cause?: unknown };
    error.cause = error;
    expect(isStorageUnavailable(error)).toBe(false);
  });
});

const available = await postgresAvailable("PostgreSQL storage errors");

describe.skipIf(!available)("PostgreSQL errors through Prisma's pg adapter", () => {
  const scratch = scratchDatabase("hearth_unavailable");
  const name = scratch.url.split("/").pop()!;
  let db: Db;
  let admin: pg.Client;

  beforeAll(async () => {
    await scratch.create();
    await migrate(scratch.url, repoRoot);
    db = createDb(scratch.url);
    await db.settings.create({ data: { id: 1 } });
    admin = new pg.Client({ connectionString: scratch.url.replace(/\/[^/]*$/, "/postgres") });
    await admin.connect();
  });

  afterAll(async () => {
    await db?.$disconnect();
    await admin?.end();
    await scratch.drop();
  });

  it("a server nobody answers at (P1001, DatabaseNotReachable)", async () => {
    const nowhere = createDb("postgresql://postgres@127.0.0.1:1/nothing");
    try {
      const error = await thrown(() => nowhere.settings.findUnique({ where: { id: 1 } }));
      expect((error as { code: string }).code).toBe("P1001");
      expect(isStorageUnavailable(error)).toBe(true);
    } finally {
      await nowhere.$disconnect();
    }
  });

  it("a read-only database (25006) — and writes work again once it is writable", async () => {
    const endSessions = () =>
      admin.query("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1 AND pid <> pg_backend_pid()", [
        name,
      ]);
    await db.$disconnect();
    await admin.query(`ALTER DATABASE "${name}" SET default_transaction_read_only = on`);
    await endSessions();
    let error: unknown;
    try {
      error = await thrown(() => db.settings.update({ where: { id: 1 }, data: { siteTitle: "read-only" } }));
    } finally {
      await admin.query(`ALTER DATABASE "${name}" RESET default_transaction_read_only`);
      await db.$disconnect();
    }
    expect(sqlStateOf(error)).toBe("25006");
    expect(isStorageUnavailable(error)).toBe(true);
    await db.settings.update({ where: { id: 1 }, data: { siteTitle: "writable" } });
  });

  it("the server ending the session (57P01, admin shutdown)", async () => {
    const error = await thrown(() => db.$queryRawUnsafe("SELECT pg_terminate_backend(pg_backend_pid())"));
    expect(sqlStateOf(error)).toBe("57P01");
    expect(isStorageUnavailable(error)).toBe(true);
    await db.$disconnect();
  });

  it("a full disk (53100, raised by the server with that SQLSTATE)", async () => {
    const error = await thrown(() =>
      db.$executeRawUnsafe("DO $$ BEGIN RAISE EXCEPTION 'could not extend file' USING ERRCODE = 'disk_full'; END $$"),
    );
    expect(sqlStateOf(error)).toBe("53100");
    expect(isStorageUnavailable(error)).toBe(true);
  });

  it("not storage: a unique violation, a syntax error", async () => {
    const duplicate = await thrown(() => db.settings.create({ data: { id: 1 } }));
    const syntax = await thrown(() => db.$executeRawUnsafe("UPDATE nowhere SET"));
    expect(isStorageUnavailable(duplicate)).toBe(false);
    expect(isStorageUnavailable(syntax)).toBe(false);
  });
});
