/**
 * Cache expiries shared by every instance on one PostgreSQL database, through PostgreSQL's own
 * LISTEN/NOTIFY: a write on one instance expires the cached queries of all of them
 * (docs/decisions/017-http-caching.md, "cached queries on many instances").
 *
 * - Each instance keeps one connection that LISTENs on CHANNEL. A notification names the tags a
 *   write expired and the instance that sent it; the others advance those tags' generations
 *   (./query.ts), so their next read of a query under those tags goes to the database.
 * - A write NOTIFYs on the same connection after it advanced its own generations.
 * - While that connection is down, this instance reads the database every time (`sharing()` is
 *   false): it could be missing expiries. When it is back, every generation advances once, for the
 *   same reason.
 *
 * SQLite has one process and nothing to share; then nothing here runs and `sharing()` is true.
 * Not `server-only`: instrumentation.ts starts the listener.
 */
import { randomUUID } from "node:crypto";
import type { Client } from "pg";
import { databaseUrl, engineOf } from "../db/url";
import { advanceAllGenerations, advanceTagGenerations } from "./generations";

export const CHANNEL = "hearth_cache_expired";
/** How long to wait before connecting again after the connection failed. */
const RECONNECT_MS = 1_000;

interface Shared {
  /** Names this process in its notifications, so it skips its own. */
  self: string;
  client: Client | null;
  listening: boolean;
  started: boolean;
}

// On globalThis: Next loads this module once per bundle, and instrumentation, pages, actions
// and route handlers must all see the same connection.
const shared: Shared = ((globalThis as { __hearthSharedExpiry?: Shared }).__hearthSharedExpiry ??= {
  self: randomUUID(),
  client: null,
  listening: false,
  started: false,
});

/** Whether cached queries may be used: always on SQLite; on PostgreSQL while the listener listens. */
export function sharing(): boolean {
  return engineOf(databaseUrl()) === "sqlite" || shared.listening;
}

/** A notification's payload: who sent it and which tags it expired. */
export function expiryMessage(self: string, tags: readonly string[]): string {
  return JSON.stringify({ from: self, tags });
}

/** The tags a notification from another instance expired; null for our own or a malformed one. */
export function expiredByOthers(self: string, payload: string | undefined): string[] | null {
  try {
    const message = JSON.parse(payload ?? "") as { from?: unknown; tags?: unknown };
    if (message.from === self || !Array.isArray(message.tags)) return null;
    return message.tags.filter((t): t is string => typeof t === "string");
  } catch {
    return null;
  }
}

/** Starts listening on PostgreSQL (once per process); on SQLite does nothing. */
export async function startSharedExpiry(): Promise<void> {
  const url = databaseUrl();
  if (engineOf(url) !== "postgresql" || shared.started) return;
  shared.started = true;
  await connect(url);
}

async function connect(url: string): Promise<void> {
  const { Client } = await import("pg");
  const client = new Client({ connectionString: url });
  const lost = (reason: unknown) => {
    if (shared.client !== client) return;
    shared.client = null;
    shared.listening = false;
    console.error("[hearth] cache expiries from other instances are not heard; reading the database until they are:", reason);
    client.end().catch(() => undefined);
    setTimeout(() => void connect(url), RECONNECT_MS).unref();
  };
  client.on("error", lost);
  client.on("end", () => lost("connection closed"));
  client.on("notification", (n) => {
    const tags = n.channel === CHANNEL ? expiredByOthers(shared.self, n.payload) : null;
    if (tags && tags.length > 0) advanceTagGenerations(tags);
  });
  shared.client = client;
  try {
    await client.connect();
    await client.query(`LISTEN ${CHANNEL}`);
    // Whatever was cached before now may have missed an expiry.
    advanceAllGenerations();
    shared.listening = true;
  } catch (error) {
    lost(error);
  }
}

/**
 * Tells the other instances that `tags` expired. Not awaited by the write: the notification
 * leaves on the listening connection, in order. Should that fail, it goes through the
 * application's own pool instead.
 */
export function announceExpiry(tags: readonly string[]): void {
  const url = databaseUrl();
  if (engineOf(url) !== "postgresql" || tags.length === 0) return;
  const payload = expiryMessage(shared.self, tags);
  const throughPool = async () => {
    const { db, sqlOf } = await import("../db/client");
    const { Prisma } = await import("../generated/sqlite/client");
    await sqlOf(db).query(Prisma.sql`SELECT pg_notify(${CHANNEL}, ${payload})`);
  };
  const client = shared.listening ? shared.client : null;
  const sent = client ? client.query("SELECT pg_notify($1, $2)", [CHANNEL, payload]).then(() => undefined) : throughPool();
  sent
    .catch(() => (client ? throughPool() : Promise.reject(new Error("no connection"))))
    .catch((error: unknown) => console.error("[hearth] could not tell other instances of an expiry:", error));
}
