import pg from "pg";

// The machine's PostgreSQL (127.0.0.1:5432, trust auth); HEARTH_PG_ADMIN_URL points elsewhere.
const adminUrl = process.env.HEARTH_PG_ADMIN_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres";

async function admin<T>(fn: (c: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

/** Whether PostgreSQL answers; tests of the PostgreSQL path are skipped (with a warning) when not. */
export async function postgresAvailable(what: string): Promise<boolean> {
  const available = await admin(async () => true).catch(() => false);
  if (!available) console.warn(`PostgreSQL not reachable at ${adminUrl}: skipping ${what}.`);
  return available;
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
