import { createHash } from "node:crypto";
import pg from "pg";
import type { Prisma } from "../generated/sqlite/client";
import { retryWhenBusy } from "./retry";
import type { SqlRunner, SqlWork } from "./sql";

/**
 * Rows as Prisma's `$queryRaw` gives them on PostgreSQL, so the hot paths read the same values
 * on either runner: `timestamp` columns (Prisma's DateTime, stored as UTC without a zone) as
 * Dates in UTC, whatever the process's time zone; `bigint` (COUNT(*) and the like) as BigInt.
 * Everything else as node-postgres parses it (booleans, numbers, text, JSON).
 */
const TIMESTAMP = 1114;
const INT8 = 20;
const types = {
  getTypeParser(oid: number, format?: string) {
    if (oid === TIMESTAMP) return (value: string) => new Date(`${value.replace(" ", "T")}Z`);
    if (oid === INT8) return (value: string) => BigInt(value);
    return pg.types.getTypeParser(oid, format as "text");
  },
};

/** A parameter as PostgreSQL takes it for Prisma's columns: a Date as its UTC wall-clock time. */
function postgresValue(value: unknown): unknown {
  if (value instanceof Date) return value.toISOString();
  if (value === undefined) return null;
  return value;
}

/**
 * Statements kept prepared on each connection, by text: their names. PostgreSQL then parses and
 * plans such a statement once per connection (and, after a few runs, keeps a generic plan)
 * instead of on every run, which was most of what it spent on a like's seven statements
 * (docs/decisions/012-direct-sql.md). A statement's name is a hash of its text, so copies of
 * this module (Next bundles it into several chunks) give it the same name on a shared
 * connection. Only the first MAX_PREPARED distinct texts are kept: a text built from a list of
 * varying length is a new statement each time, and a connection keeps what it prepared until
 * it closes.
 */
const prepared = new Map<string, string>();
const MAX_PREPARED = 256;

function preparedName(text: string): string | undefined {
  let name = prepared.get(text);
  if (name === undefined && prepared.size < MAX_PREPARED) {
    name = `hearth_${createHash("sha1").update(text).digest("hex").slice(0, 24)}`;
    prepared.set(text, name);
  }
  return name;
}

function config(sql: Prisma.Sql): pg.QueryConfig {
  const name = preparedName(sql.text);
  return { text: sql.text, values: sql.values.map(postgresValue), types, ...(name ? { name } : {}) };
}

/**
 * Runs the plain-SQL statements of lib/db/sql.ts on PostgreSQL with node-postgres itself, on the
 * pool Prisma's adapter uses (docs/decisions/012-direct-sql.md): a statement through Prisma's
 * raw-query path costs several times the round trip it makes. A transaction holds one pooled
 * connection from BEGIN to COMMIT.
 */
export class PgSqlRunner implements SqlRunner {
  readonly engine = "postgresql";
  constructor(private readonly pool: pg.Pool) {}

  async query<R>(sql: Prisma.Sql): Promise<R[]> {
    return (await this.pool.query(config(sql))).rows as R[];
  }

  async execute(sql: Prisma.Sql): Promise<number> {
    return (await this.pool.query(config(sql))).rowCount ?? 0;
  }

  /** Runs `work` in one transaction, again from the start when PostgreSQL rolled it back (lib/db/retry.ts). */
  transaction<T>(work: () => SqlWork<T>): Promise<T> {
    return retryWhenBusy(async () => {
      const client = await this.pool.connect();
      let broken = false;
      try {
        await client.query("BEGIN");
        const steps = work();
        let step = steps.next();
        while (!step.done) {
          const result = await client.query(config(step.value.sql));
          step = steps.next(step.value.want === "rows" ? result.rows : (result.rowCount ?? 0));
        }
        await client.query("COMMIT");
        return step.value;
      } catch (error) {
        await client.query("ROLLBACK").catch(() => {
          broken = true; // the connection is gone: the pool must not hand it out again
        });
        throw error;
      } finally {
        client.release(broken);
      }
    }, RETRIES);
  }
}

/** Tries of a transaction that PostgreSQL rolled back to resolve a conflict. */
const RETRIES = 5;
