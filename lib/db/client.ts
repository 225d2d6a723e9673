import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient as SqliteClient } from "../generated/sqlite/client";
import { PrismaClient as PostgresClient } from "../generated/postgresql/client";
import { PrismaSqlRunner, SqliteSqlRunner, type SqlRunner } from "./sql";
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

/**
 * Opens every SQLite connection with the settings Hearth relies on: foreign keys enforced
 * (cascading deletes), NORMAL sync (safe with WAL, which migrations switch on), and a busy
 * timeout so concurrent writers from several processes wait instead of failing.
 */
function sqliteAdapter(url: string): AdapterFactory {
  const base = new PrismaBetterSQLite3({ url: `file:${sqlitePath(url)}`, timeout: 15_000 });
  return {
    provider: base.provider,
    adapterName: base.adapterName,
    async connect() {
      const adapter = await base.connect();
      await adapter.executeScript("PRAGMA foreign_keys = ON; PRAGMA synchronous = NORMAL; PRAGMA busy_timeout = 15000;");
      return adapter;
    },
    connectToShadowDb: () => base.connectToShadowDb(),
  } as AdapterFactory;
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
    return new PostgresClient({ adapter: new PrismaPg({ connectionString: url }) }) as unknown as Db;
  }
  const client = new SqliteClient({ adapter: sqliteAdapter(url) });
  registry.sqliteFiles.set(client, sqlitePath(url));
  return client;
}

/**
 * The plain-SQL runner of a client (lib/db/sql.ts): for an SQLite client, a connection of its
 * own to the same file, opened on first use; otherwise the client itself.
 */
export function sqlOf(client: Db): SqlRunner {
  let runner = registry.runners.get(client);
  if (!runner) {
    const file = registry.sqliteFiles.get(client);
    runner = file ? new SqliteSqlRunner(file) : new PrismaSqlRunner(client);
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
