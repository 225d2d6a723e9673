import Database from "better-sqlite3";
import type { Prisma } from "../generated/sqlite/client";
import { isBusyError, retryWhenBusy } from "./retry";
import { isStorageUnavailable } from "./unavailable";
import type { Engine } from "./url";

/**
 * Plain SQL for the hottest paths (posting, liking, a signed-in reader's session, a comment
 * page's thread), run on the driver itself where that is SQLite (docs/decisions/012-direct-sql.md).
 *
 * Statements are Prisma.sql templates, so they are written once for both engines. A transaction
 * is a generator that yields its statements (`yield* rows(...)`, `yield* changes(...)`): on
 * SQLite it runs synchronously, start to end, on a connection of its own (no other code can run
 * between its statements, so it never holds SQLite's write lock across an await); on PostgreSQL
 * each statement is awaited on the transaction's connection (PgSqlRunner, ./sql-postgres.ts).
 * A client that lib/db/client.ts's createDb did not make runs them through Prisma.
 */
export interface SqlStatement {
  sql: Prisma.Sql;
  want: "rows" | "changes";
}

/** A unit of work: yields statements, receives their results, returns its own. */
export type SqlWork<T> = Generator<SqlStatement, T, unknown>;

/** The rows of a query (inside an SqlWork: `const found = yield* rows<Row>(sql\`…\`)`). */
export function* rows<R>(sql: Prisma.Sql): SqlWork<R[]> {
  return (yield { sql, want: "rows" }) as R[];
}

/** The number of rows a statement changed (inside an SqlWork). */
export function* changes(sql: Prisma.Sql): SqlWork<number> {
  return (yield { sql, want: "changes" }) as number;
}

export interface SqlRunner {
  /** The engine the statements run on, for the few statements written once per engine. */
  readonly engine: Engine;
  /** The rows of one query (outside any transaction). */
  query<R>(sql: Prisma.Sql): Promise<R[]>;
  /** Runs one statement (outside any transaction); the number of rows it changed. */
  execute(sql: Prisma.Sql): Promise<number>;
  /** Runs `work` in one transaction, again (from the start) while SQLite is busy elsewhere. */
  transaction<T>(work: () => SqlWork<T>): Promise<T>;
}

/** What a Prisma client (or its transaction client) offers for plain SQL. */
interface RawClient {
  $queryRaw<T = unknown>(query: Prisma.Sql): Promise<T>;
  $executeRaw(query: Prisma.Sql): Promise<number>;
}

interface PrismaLike extends RawClient {
  $transaction<T>(fn: (tx: RawClient) => Promise<T>): Promise<T>;
}

/** Runs statements through Prisma: for a client createDb did not make (its engine is the configured one). */
export class PrismaSqlRunner implements SqlRunner {
  constructor(
    private readonly client: PrismaLike,
    readonly engine: Engine,
  ) {}

  query<R>(sql: Prisma.Sql): Promise<R[]> {
    return this.client.$queryRaw<R[]>(sql);
  }

  execute(sql: Prisma.Sql): Promise<number> {
    return this.client.$executeRaw(sql);
  }

  transaction<T>(work: () => SqlWork<T>): Promise<T> {
    return retryWhenBusy(() =>
      this.client.$transaction(async (tx) => {
        const steps = work();
        let step = steps.next();
        while (!step.done) {
          const { sql, want } = step.value;
          step = steps.next(want === "rows" ? await tx.$queryRaw(sql) : await tx.$executeRaw(sql));
        }
        return step.value;
      }),
    );
  }
}

/** A parameter as Prisma's SQLite adapter stores it (dates as ISO text with "+00:00", booleans as 0/1). */
export function sqliteValue(value: unknown): unknown {
  if (value instanceof Date) return value.toISOString().replace("Z", "+00:00");
  if (typeof value === "boolean") return value ? 1 : 0;
  if (value === undefined) return null;
  return value;
}

/**
 * Whether SQLite opened `connection` read-only. It does so silently when the file cannot be
 * written at that moment (read-only, immutable), and the connection stays read-only after the
 * file is writable again (better-sqlite3's `readonly` only says what was asked for). Found out
 * with a write that is rolled back at once: it fails with SQLITE_READONLY on such a connection
 * even while another connection holds the write lock, and never reaches the disk.
 */
export function sqliteOpenedReadOnly(connection: Database.Database): boolean {
  const timeout = connection.pragma("busy_timeout", { simple: true }) as number;
  const version = connection.pragma("user_version", { simple: true }) as number;
  connection.pragma("busy_timeout = 0");
  try {
    connection.exec("BEGIN");
    connection.pragma(`user_version = ${Number(version)}`);
    return false;
  } catch (error) {
    // SQLITE_BUSY: another connection is writing, so this one could have.
    return String((error as { code?: unknown }).code).startsWith("SQLITE_READONLY");
  } finally {
    if (connection.inTransaction) connection.exec("ROLLBACK");
    connection.pragma(`busy_timeout = ${Number(timeout)}`);
  }
}

/** Tries while another connection writes: about 1.5 s of short pauses in all. */
const BUSY_ATTEMPTS = 25;

/** Prepared statements kept per SQL text; texts vary with list lengths, so the cache is bounded. */
const STATEMENT_CACHE_SIZE = 500;

/**
 * Runs statements synchronously on its own better-sqlite3 connection to the database file.
 * Its busy timeout is zero: a synchronous wait would stop the whole process, including the
 * Prisma transaction it might be waiting for. When another connection holds the write lock,
 * the work fails at once with SQLITE_BUSY and is run again shortly (retryWhenBusy).
 * Rows come back as SQLite has them: dates as text, booleans as 0/1.
 */
export class SqliteSqlRunner implements SqlRunner {
  readonly engine = "sqlite";
  private connection: Database.Database | null = null;
  /** The connection was opened read-only (sqliteOpenedReadOnly): open it again before using it. */
  private readOnly = false;
  private inTransaction: Database.Transaction<(work: () => SqlWork<unknown>) => unknown> | null = null;
  private readonly statements = new Map<string, Database.Statement>();

  constructor(private readonly file: string) {}

  private open(): Database.Database {
    if (this.connection) return this.connection;
    const connection = new Database(this.file, { timeout: 0, fileMustExist: true });
    connection.pragma("foreign_keys = ON");
    connection.pragma("synchronous = NORMAL");
    this.readOnly = sqliteOpenedReadOnly(connection);
    this.connection = connection;
    return connection;
  }

  private statement(text: string): Database.Statement {
    let found = this.statements.get(text);
    if (!found) {
      if (this.statements.size >= STATEMENT_CACHE_SIZE) this.statements.clear();
      found = this.open().prepare(text);
      this.statements.set(text, found);
    }
    return found;
  }

  private run(sql: Prisma.Sql, want: SqlStatement["want"]): unknown {
    const statement = this.statement(sql.sql);
    const values = sql.values.map(sqliteValue);
    if (want === "changes") return statement.run(...values).changes;
    if (!statement.reader) {
      statement.run(...values);
      return [];
    }
    return statement.all(...values);
  }

  query<R>(sql: Prisma.Sql): Promise<R[]> {
    return this.recovering(() => retryWhenBusy(async () => this.run(sql, "rows") as R[], BUSY_ATTEMPTS));
  }

  execute(sql: Prisma.Sql): Promise<number> {
    return this.recovering(() => retryWhenBusy(async () => this.run(sql, "changes") as number, BUSY_ATTEMPTS));
  }

  transaction<T>(work: () => SqlWork<T>): Promise<T> {
    // BEGIN IMMEDIATE: the write lock is taken first, so a busy database fails before any work.
    return this.recovering(() => retryWhenBusy(async () => this.transactionFunction().immediate(work) as T, BUSY_ATTEMPTS));
  }

  private transactionFunction() {
    this.inTransaction ??= this.open().transaction((unit: () => SqlWork<unknown>) => {
      const steps = unit();
      let step = steps.next();
      while (!step.done) step = steps.next(this.run(step.value.sql, step.value.want));
      return step.value;
    });
    return this.inTransaction;
  }

  /**
   * Runs `fn` on a connection that can write when the file can (docs/decisions/015): SQLite
   * opens a file it cannot write read-only, and the connection stays so, so a read-only
   * connection is opened again before each use; after a storage failure (read-only, full,
   * I/O error) the connection is closed and the next use starts afresh.
   */
  private async recovering<T>(fn: () => Promise<T>): Promise<T> {
    if (this.readOnly) this.close();
    try {
      return await fn();
    } catch (error) {
      if (isStorageUnavailable(error) && !isBusyError(error)) this.close();
      throw error;
    }
  }

  close(): void {
    this.statements.clear();
    this.inTransaction = null;
    this.connection?.close();
    this.connection = null;
    this.readOnly = false;
  }
}
