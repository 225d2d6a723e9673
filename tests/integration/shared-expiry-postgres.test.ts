/**
 * Cache expiries between instances on one PostgreSQL database (lib/cache/shared-expiry.ts): a
 * notification from another instance advances the tags it names; our own are skipped; while the
 * listening connection is down, cached queries are not used, and once it is back every
 * generation has moved on.
 */
import { Client } from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { postgresAvailable, scratchDatabase } from "../support/postgres";
import { CHANNEL, expiredByOthers, expiryMessage, sharing, startSharedExpiry } from "@/lib/cache/shared-expiry";
import { tagGenerationKey } from "@/lib/cache/generations";

const scratch = scratchDatabase("hearth_shared_expiry");
const available = await postgresAvailable("the shared cache expiry test on it");

describe("expiry notifications", () => {
  it("name the tags another instance expired; our own and malformed ones name none", () => {
    expect(expiredByOthers("me", expiryMessage("them", ["post:a", "posts"]))).toEqual(["post:a", "posts"]);
    expect(expiredByOthers("me", expiryMessage("me", ["post:a"]))).toBeNull();
    expect(expiredByOthers("me", "{")).toBeNull();
    expect(expiredByOthers("me", undefined)).toBeNull();
    expect(expiredByOthers("me", JSON.stringify({ from: "them", tags: ["a", 1] }))).toEqual(["a"]);
  });
});

describe.skipIf(!available)("shared cache expiries on PostgreSQL", () => {
  let other: Client;
  const before = process.env.DATABASE_URL;
  beforeAll(async () => {
    await scratch.create();
    process.env.DATABASE_URL = scratch.url;
    other = new Client({ connectionString: scratch.url });
    await other.connect();
  });
  afterAll(async () => {
    await other?.end();
    // The listener reconnects on its own; ending the database ends it for good.
    process.env.DATABASE_URL = before;
    await scratch.drop();
  });

  const notify = (payload: string) => other.query("SELECT pg_notify($1, $2)", [CHANNEL, payload]);

  it("uses no cached query until it listens", async () => {
    expect(sharing()).toBe(false);
    await startSharedExpiry();
    expect(sharing()).toBe(true);
  });

  it("advances what another instance expired, and only that", async () => {
    const key = () => tagGenerationKey(["post:x", "settings"]);
    const start = key().split(".").map(Number);
    await notify(expiryMessage("another-instance", ["post:x"]));
    await expect.poll(key).toBe([start[0], start[1]! + 1, start[2]].join("."));
    await notify("not json");
    await notify(JSON.stringify({ from: "another-instance", tags: "settings" }));
    await notify(expiryMessage("another-instance", ["settings"]));
    await expect.poll(key).toBe([start[0], start[1]! + 1, start[2]! + 1].join("."));
  });

  it("stops using cached queries when the connection drops, and starts afresh when it is back", async () => {
    const all = () => Number(tagGenerationKey([]));
    const start = all();
    const killed = await other.query(
      `SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid() AND query LIKE 'LISTEN%'`,
    );
    expect(killed.rowCount).toBe(1);
    await expect.poll(sharing).toBe(false);
    await expect.poll(sharing, { timeout: 10_000 }).toBe(true);
    expect(all()).toBeGreaterThan(start);
  });
});
