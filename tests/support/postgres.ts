import pg from "pg";
import type { Db } from "@/lib/db/client";
import { repoRoot } from "./test-db";

// The machine's PostgreSQL (127.0.0.1:5432, trust auth); HEARTH_PG_ADMIN_URL points elsewhere.
const adminUrl = process.env.HEARTH_PG_ADMIN_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres";

async function admin<T>(fn: (c: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: adminUrl, connectionTimeoutMillis: 5_000 });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

/** The admin URL without its password, for messages. */
const shownUrl = adminUrl.replace(/(\/\/[^:/@]+):[^@]*@/, "$1:***@");

/**
 * Whether PostgreSQL must answer: in CI (`CI` set, as .ci/run does) or with
 * HEARTH_REQUIRE_POSTGRES=1, a PostgreSQL test that cannot run is a failure, not a skip.
 */
export function postgresRequired(env: NodeJS.ProcessEnv = process.env): boolean {
  const set = (v: string | undefined) => !!v && !["0", "false", "no", "off"].includes(v.trim().toLowerCase());
  return set(env.HEARTH_REQUIRE_POSTGRES) || set(env.CI);
}

/**
 * Whether PostgreSQL answers. Locally, tests of the PostgreSQL path are skipped (with a warning)
 * when it does not; where it is required (postgresRequired) this throws instead, so the test file
 * fails and the run with it.
 */
export async function postgresAvailable(what: string): Promise<boolean> {
  const error = await admin(async () => undefined).then(
    () => null,
    (e: unknown) => (e instanceof Error ? e.message : String(e)) || "no answer",
  );
  if (error === null) return true;
  if (postgresRequired()) {
    throw new Error(
      `PostgreSQL is required here (CI or HEARTH_REQUIRE_POSTGRES=1) but is not reachable at ${shownUrl} (${error}), ` +
        `so ${what} cannot run. Start it (Debian: pg_ctlcluster --skip-systemctl-redirect <version> main start; ` +
        `.ci/run provisions it with scripts/ci/postgres.sh) or point HEARTH_PG_ADMIN_URL at a PostgreSQL ` +
        `where that user may create databases.`,
    );
  }
  console.warn(`PostgreSQL not reachable at ${shownUrl} (${error}): skipping ${what}.`);
  return false;
}

/** A new, empty database for one test file: its URL, create() and drop(). */
export function scratchDatabase(prefix: string): { url: string; create(): Promise<void>; drop(): Promise<void> } {
  const name = `${prefix}_${process.pid}_${Date.now()}`;
  return {
    url: adminUrl.replace(/\/[^/]*$/, `/${name}`),
    create: () => admin((c) => c.query(`CREATE DATABASE "${name}"`)).then(() => undefined),
    drop: () => admin((c) => c.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`)).then(() => undefined),
  };
}

/** A migrated scratch PostgreSQL database bound to the process-wide client (see freshPostgresDatabase). */
export interface FreshPostgresDatabase {
  url: string;
  /** The process-wide client from lib/db/client.ts, bound to this database. */
  db: Db;
  /** Disconnects the client and drops the database. */
  cleanup: () => Promise<void>;
}

/**
 * The PostgreSQL twin of freshDatabase (tests/support/test-db.ts): a new database, the real
 * PostgreSQL migrations, and only then DATABASE_URL and lib/db/client.ts, whose `db` singleton
 * is created at import time. Once per test file, as freshDatabase.
 */
export async function freshPostgresDatabase(prefix: string): Promise<FreshPostgresDatabase> {
  const scratch = scratchDatabase(prefix);
  await scratch.create();
  const { migrate } = await import("@/lib/db/migrate");
  await migrate(scratch.url, repoRoot);
  process.env.DATABASE_URL = scratch.url;
  const { db } = await import("@/lib/db/client");
  const cleanup = async () => {
    await db.$disconnect();
    await scratch.drop();
  };
  return { url: scratch.url, db, cleanup };
}
