import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Prisma } from "@/lib/generated/sqlite/client";
import { freshPostgresDatabase, postgresAvailable, type FreshPostgresDatabase } from "../support/postgres";

// The plain-SQL runner keeps its statements prepared on each connection (lib/db/sql-postgres.ts),
// and the rate-limit counters are an unlogged table (docs/decisions/012-direct-sql.md).
const available = await postgresAvailable("prepared statements on it");

describe.skipIf(!available)("the plain-SQL runner on PostgreSQL", () => {
  let fresh: FreshPostgresDatabase;
  let sql: typeof import("@/lib/db/sql");
  let runner: import("@/lib/db/sql").SqlRunner;

  beforeAll(async () => {
    fresh = await freshPostgresDatabase("hearth_prepared");
    sql = await import("@/lib/db/sql");
    runner = (await import("@/lib/db/client")).sqlOf(fresh.db);
  });
  afterAll(async () => fresh?.cleanup());

  it("prepares a statement once per connection and runs it again with other values", async () => {
    const statement = (n: number) => Prisma.sql`SELECT CAST(${n} AS integer) * 2 AS "twice"`;
    const seen = await runner.transaction(function* () {
      const first = yield* sql.rows<{ twice: number }>(statement(2));
      const second = yield* sql.rows<{ twice: number }>(statement(21));
      const kept = yield* sql.rows<{ name: string }>(
        Prisma.sql`SELECT "name", "statement" FROM pg_prepared_statements WHERE "statement" = ${statement(0).text}`,
      );
      return { values: [first[0]?.twice, second[0]?.twice], kept };
    });
    expect(seen.values).toEqual([4, 42]);
    expect(seen.kept).toHaveLength(1);
    expect(seen.kept[0]?.name).toMatch(/^hearth_[0-9a-f]{24}$/);
  });

  it("gives each statement text its own prepared statement", async () => {
    const one = Prisma.sql`SELECT CAST(${"a"} AS text) AS "v"`;
    const other = Prisma.sql`SELECT CAST(${"b"} AS text) || 'x' AS "v"`;
    // One connection (a transaction): two texts under one name would be refused there.
    const seen = await runner.transaction(function* () {
      const a = yield* sql.rows<{ v: string }>(one);
      const b = yield* sql.rows<{ v: string }>(other);
      const kept = yield* sql.rows<{ name: string }>(
        Prisma.sql`SELECT "name" FROM pg_prepared_statements WHERE "statement" IN (${one.text}, ${other.text})`,
      );
      return { values: [a[0]?.v, b[0]?.v], names: kept.map((k) => k.name) };
    });
    expect(seen.values).toEqual(["a", "bx"]);
    expect(seen.names).toHaveLength(2);
    expect(new Set(seen.names).size).toBe(2);
  });

  it("keeps the rate-limit counters out of the write-ahead log", async () => {
    const [table] = await runner.query<{ persistence: string }>(
      Prisma.sql`SELECT "relpersistence" AS "persistence" FROM pg_class WHERE "relname" = 'RateLimit'`,
    );
    expect(table?.persistence).toBe("u");
  });
});
