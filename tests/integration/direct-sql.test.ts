import Database from "better-sqlite3";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Prisma } from "@/lib/generated/sqlite/client";
import { changes, rows, SqliteSqlRunner, sqliteValue } from "@/lib/db/sql";
import { freshDatabase, type FreshDatabase } from "../support/test-db";

// The SQLite runner of lib/db/sql.ts against a real database file: its values are stored as
// Prisma stores them, a transaction is all or nothing, and a database another connection is
// writing to is waited for without stopping the process.

let fresh: FreshDatabase;
let runner: SqliteSqlRunner;

beforeAll(async () => {
  fresh = await freshDatabase();
  runner = new SqliteSqlRunner(fresh.file);
});

afterAll(async () => {
  runner.close();
  await fresh.cleanup();
});

const windowOf = (key: string) =>
  runner.query<{ key: string; windowStart: string; count: number }>(
    Prisma.sql`SELECT "key", "windowStart", "count" FROM "RateLimit" WHERE "key" = ${key}`,
  );

describe("SqliteSqlRunner", () => {
  it("stores dates and booleans as Prisma's SQLite adapter does, so Prisma reads them back", async () => {
    const at = new Date("2026-11-27T10:20:30.456Z");
    expect(sqliteValue(at)).toBe("2026-11-27T10:20:30.456+00:00");
    expect(sqliteValue(true)).toBe(1);
    expect(sqliteValue(false)).toBe(0);
    expect(sqliteValue(undefined)).toBeNull();

    await runner.execute(Prisma.sql`INSERT INTO "RateLimit" ("key", "windowStart", "count") VALUES (${"dates"}, ${at}, 3)`);
    const viaPrisma = await fresh.db.rateLimit.findUniqueOrThrow({ where: { key_windowStart: { key: "dates", windowStart: at } } });
    expect(viaPrisma.windowStart.toISOString()).toBe(at.toISOString());
    expect(viaPrisma.count).toBe(3);

    await fresh.db.rateLimit.create({ data: { key: "dates-by-prisma", windowStart: at, count: 1 } });
    const [direct] = await windowOf("dates-by-prisma");
    expect(direct?.windowStart).toBe("2026-11-27T10:20:30.456+00:00");
    // The same text: comparisons in SQL between the two writers' dates hold.
    const [same] = await runner.query<{ n: number }>(
      Prisma.sql`SELECT COUNT(*) AS "n" FROM "RateLimit" WHERE "windowStart" = ${at} AND "key" LIKE 'dates%'`,
    );
    expect(same?.n).toBe(2);
  });

  it("runs a transaction's statements in order and returns what the work returns", async () => {
    const result = await runner.transaction(function* () {
      const inserted = yield* changes(
        Prisma.sql`INSERT INTO "RateLimit" ("key", "windowStart", "count") VALUES (${"tx"}, ${new Date(0)}, 1)`,
      );
      const bumped = yield* rows<{ count: number }>(
        Prisma.sql`UPDATE "RateLimit" SET "count" = "count" + 41 WHERE "key" = ${"tx"} RETURNING "count"`,
      );
      return { inserted, count: bumped[0]?.count };
    });
    expect(result).toEqual({ inserted: 1, count: 42 });
  });

  it("rolls the whole transaction back when the work throws", async () => {
    await expect(
      runner.transaction(function* () {
        yield* changes(Prisma.sql`INSERT INTO "RateLimit" ("key", "windowStart", "count") VALUES (${"rolled"}, ${new Date(0)}, 1)`);
        throw new Error("changed my mind");
      }),
    ).rejects.toThrow("changed my mind");
    expect(await windowOf("rolled")).toEqual([]);
  });

  it("rolls back when a statement fails (a foreign key), leaving nothing half-written", async () => {
    await expect(
      runner.transaction(function* () {
        yield* changes(Prisma.sql`INSERT INTO "RateLimit" ("key", "windowStart", "count") VALUES (${"half"}, ${new Date(0)}, 1)`);
        yield* changes(Prisma.sql`INSERT INTO "CommentLike" ("commentId", "userId", "createdAt") VALUES (999999, 'nobody', ${new Date()})`);
      }),
    ).rejects.toThrow(/FOREIGN KEY/);
    expect(await windowOf("half")).toEqual([]);
  });

  it("waits for another connection's write lock without blocking the process, then commits", async () => {
    const other = new Database(fresh.file);
    other.prepare("BEGIN IMMEDIATE").run();
    other.prepare(`INSERT INTO "RateLimit" ("key", "windowStart", "count") VALUES ('other', '1970-01-01T00:00:00.000+00:00', 1)`).run();
    let timerRan = false;
    const pending = runner.transaction(function* () {
      return yield* changes(Prisma.sql`INSERT INTO "RateLimit" ("key", "windowStart", "count") VALUES (${"waiting"}, ${new Date(0)}, 1)`);
    });
    // The event loop keeps turning while the runner waits: timers run, the lock holder finishes.
    setTimeout(() => {
      timerRan = true;
      other.prepare("COMMIT").run();
    }, 30);
    await expect(pending).resolves.toBe(1);
    expect(timerRan).toBe(true);
    expect((await windowOf("waiting")).length).toBe(1);
    expect((await windowOf("other")).length).toBe(1);
    other.close();
  });

  it("does not deadlock with a Prisma transaction of the same process that holds the lock across awaits", async () => {
    const prismaTx = fresh.db.$transaction(async (tx) => {
      await tx.rateLimit.create({ data: { key: "prisma-tx", windowStart: new Date(0), count: 1 } });
      await new Promise((resolve) => setTimeout(resolve, 40));
      await tx.rateLimit.update({ where: { key_windowStart: { key: "prisma-tx", windowStart: new Date(0) } }, data: { count: 2 } });
    });
    await new Promise((resolve) => setTimeout(resolve, 5));
    const direct = runner.transaction(function* () {
      return yield* changes(Prisma.sql`INSERT INTO "RateLimit" ("key", "windowStart", "count") VALUES (${"direct-tx"}, ${new Date(0)}, 1)`);
    });
    await Promise.all([prismaTx, direct]);
    expect((await windowOf("prisma-tx"))[0]?.count).toBe(2);
    expect((await windowOf("direct-tx")).length).toBe(1);
  });

  it("keeps its prepared statements bounded when texts vary (IN lists of every length)", async () => {
    for (let n = 1; n <= 600; n++) {
      const ids = Array.from({ length: n }, (_, i) => i + 1);
      const found = await runner.query<{ n: number }>(
        Prisma.sql`SELECT COUNT(*) AS "n" FROM "RateLimit" WHERE "count" IN (${Prisma.join(ids)})`,
      );
      expect(found[0]?.n).toBeGreaterThan(0);
    }
    expect((runner as unknown as { statements: Map<string, unknown> }).statements.size).toBeLessThanOrEqual(500);
  });
});
