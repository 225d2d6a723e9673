import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import type Database from "better-sqlite3";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient as SqliteClient } from "../generated/sqlite/client";
import { PrismaClient as PostgresClient } from "../generated/postgresql/client";
import pg from "pg";
import { PgSqlRunner } from "./sql-postgres";
import { PrismaSqlRunner, SqliteSqlRunner, sqliteOpenedReadOnly, type SqlRunner } from "./sql";
import { databaseUrl, engineOf, sqlitePath } from "./url";

/**
 * The one database client. Both engines are generated from the same model definition, so the
 * PostgreSQL client has the same API; it is typed as the SQLite one.
 */
export type Db = SqliteClient;

type AdapterFactory = ConstructorParameters<typeof SqliteClient>[0] extends infer O
  ? O extends { adapter: infer A }
    ? NonNullable<A>
    : never
  : never;

/** What Prisma's SQLite adapter factory connects to, and a transaction on it. */
type DriverAdapter = Awaited<ReturnType<PrismaBetterSQLite3["connect"]>>;
type DriverTransaction = Awaited<ReturnType<DriverAdapter["startTransaction"]>>;

/**
 * Opens every SQLite connection with the settings Hearth relies on: foreign keys enforced
 * (cascading deletes), NORMAL sync (safe with WAL, which migrations switch on), and a busy
 * timeout so concurrent writers from several processes wait instead of failing. The connection
 * recovers from storage failures on its own (RecoveringSqliteAdapter).
 */
function sqliteAdapter(url: string): AdapterFactory {
  const base = new PrismaBetterSQLite3({ url: `file:${sqlitePath(url)}`, timeout: 15_000 });
  const open = async (): Promise<DriverAdapter> => {
    const adapter = await base.connect();
    await adapter.executeScript("PRAGMA foreign_keys = ON; PRAGMA synchronous = NORMAL; PRAGMA busy_timeout = 15000;");
    return adapter;
  };
  return {
    provider: base.provider,
    adapterName: base.adapterName,
    connect: async () => new RecoveringSqliteAdapter(await open(), open) as unknown as DriverAdapter,
    connectToShadowDb: () => base.connectToShadowDb(),
  } as AdapterFactory;
}

/** The better-sqlite3 connection inside Prisma's adapter (its `client` field). */
function connectionOf(adapter: object): Database.Database | undefined {
  return (adapter as { client?: Database.Database }).client;
}

function openedReadOnly(adapter: DriverAdapter): boolean {
  const connection = connectionOf(adapter);
  return connection ? sqliteOpenedReadOnly(connection) : false;
}

/**
 * Prisma's SQLite adapter, made to survive a read-only or full disk without a restart
 * (docs/decisions/015-storage-failures.md):
 * - A connection opened while the file could not be written is opened read-only by SQLite and
 *   stays read-only: before each query or transaction such a connection is replaced by a new
 *   one as soon as the file can be written again.
 * - Prisma sends COMMIT as a statement and frees the adapter's lock only when it succeeds
 *   (prisma/orm#29933): a COMMIT that fails (disk full, I/O error) left the connection inside
 *   its transaction and every later transaction of the process waiting forever. A failed
 *   COMMIT or ROLLBACK now rolls back and frees the lock before its error goes on.
 */
class RecoveringSqliteAdapter {
  readonly provider: DriverAdapter["provider"];
  readonly adapterName: string;
  private reopening: Promise<void> | null = null;
  /** The current connection was opened read-only (sqliteOpenedReadOnly). */
  private readOnly: boolean;
  /** Transactions still open on each connection; a replaced one is closed when it has none. */
  private readonly openTransactions = new Map<DriverAdapter, number>();
  private readonly retired = new Set<DriverAdapter>();

  constructor(
    private current: DriverAdapter,
    private readonly open: () => Promise<DriverAdapter>,
  ) {
    this.provider = current.provider;
    this.adapterName = current.adapterName;
    this.readOnly = openedReadOnly(current);
  }

  private async usable(): Promise<DriverAdapter> {
    if (this.readOnly) {
      this.reopening ??= this.reopen().finally(() => (this.reopening = null));
      await this.reopening;
    }
    return this.current;
  }

  private async reopen(): Promise<void> {
    let fresh: DriverAdapter;
    try {
      fresh = await this.open();
    } catch {
      return; // still unavailable: the query's own error says so
    }
    if (openedReadOnly(fresh)) {
      await fresh.dispose();
      return;
    }
    const old = this.current;
    this.current = fresh;
    this.readOnly = false;
    this.retired.add(old);
    await this.disposeIfIdle(old);
  }

  private async disposeIfIdle(adapter: DriverAdapter): Promise<void> {
    if (!this.retired.has(adapter) || (this.openTransactions.get(adapter) ?? 0) > 0) return;
    this.retired.delete(adapter);
    this.openTransactions.delete(adapter);
    await adapter.dispose().catch(() => undefined);
  }

  async queryRaw(query: Parameters<DriverAdapter["queryRaw"]>[0]) {
    return (await this.usable()).queryRaw(query);
  }

  async executeRaw(query: Parameters<DriverAdapter["executeRaw"]>[0]) {
    return (await this.usable()).executeRaw(query);
  }

  async executeScript(script: string) {
    return (await this.usable()).executeScript(script);
  }

  async startTransaction(isolationLevel?: Parameters<DriverAdapter["startTransaction"]>[0]): Promise<DriverTransaction> {
    const adapter = await this.usable();
    const tx = await adapter.startTransaction(isolationLevel);
    this.openTransactions.set(adapter, (this.openTransactions.get(adapter) ?? 0) + 1);
    let ended = false;
    const end = async () => {
      if (ended) return;
      ended = true;
      this.openTransactions.set(adapter, (this.openTransactions.get(adapter) ?? 1) - 1);
      await this.disposeIfIdle(adapter);
    };
    const { commit, rollback, executeRaw } = tx;
    tx.commit = async () => {
      await commit.call(tx);
      await end();
    };
    tx.rollback = async () => {
      await rollback.call(tx);
      await end();
    };
    tx.executeRaw = async (query) => {
      try {
        return await executeRaw.call(tx, query);
      } catch (error) {
        if (/^\s*(COMMIT|ROLLBACK)\b/i.test(query.sql)) {
          const connection = connectionOf(adapter);
          try {
            if (connection?.inTransaction) connection.exec("ROLLBACK");
          } catch {
            // Nothing more to undo: SQLite already ended the transaction.
          }
          await rollback.call(tx); // frees the adapter's lock (idempotent)
          await end();
        }
        throw error;
      }
    };
    return tx;
  }

  dispose() {
    return this.current.dispose();
  }
}

/**
 * The SQLite file of each client createDb made, and each client's plain-SQL runner. Kept on
 * globalThis like the client itself: Next bundles this module into several chunks.
 */
const registry = ((globalThis as unknown as { hearthSqlRegistry?: SqlRegistry }).hearthSqlRegistry ??= {
  sqliteFiles: new WeakMap(),
  runners: new WeakMap(),
});
interface SqlRegistry {
  sqliteFiles: WeakMap<Db, string>;
  runners: WeakMap<Db, SqlRunner>;
}

/** Creates a client for `url` (used by scripts and tests that need their own database). */
export function createDb(url: string = databaseUrl()): Db {
  if (engineOf(url) === "postgresql") {
    // One pool of connections for Prisma and the plain-SQL runner alike; $disconnect() ends it.
    // An idle connection the server drops is replaced on next use (the error is only logged).
    const pool = new pg.Pool({ connectionString: url, allowExitOnIdle: true });
    pool.on("error", (error) => console.error(`PostgreSQL connection lost: ${error.message}`));
    const client = new PostgresClient({ adapter: new PrismaPg(pool, { disposeExternalPool: true }) }) as unknown as Db;
    registry.runners.set(client, new PgSqlRunner(pool));
    return client;
  }
  const client = new SqliteClient({ adapter: sqliteAdapter(url) });
  registry.sqliteFiles.set(client, sqlitePath(url));
  return client;
}

/**
 * The plain-SQL runner of a client (lib/db/sql.ts): for an SQLite client, a connection of its
 * own to the same file, opened on first use; for a PostgreSQL client, node-postgres on the
 * client's pool; otherwise (a client createDb did not make) the client itself.
 */
export function sqlOf(client: Db): SqlRunner {
  let runner = registry.runners.get(client);
  if (!runner) {
    const file = registry.sqliteFiles.get(client);
    runner = file ? new SqliteSqlRunner(file) : new PrismaSqlRunner(client, engineOf(databaseUrl()));
    registry.runners.set(client, runner);
  }
  return runner;
}

const globalForDb = globalThis as unknown as { hearthDb?: Db };

/**
 * The process-wide client: one per process, also in production, where Next bundles this module
 * into several server chunks (pages, route handlers, the Auth.js adapter) that would otherwise
 * each open their own SQLite connection — and writers on separate connections of one process
 * can only wait for each other inside SQLite. Reused across hot reloads in development.
 */
export const db: Db = (globalForDb.hearthDb ??= createDb());
