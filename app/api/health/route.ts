import { Prisma } from "@/lib/generated/sqlite/client";
import { db, sqlOf } from "@/lib/db/client";
import { changes } from "@/lib/db/sql";

export const dynamic = "force-dynamic";

/** The row the write probe adds and removes again (a rate-limit key nothing else uses). */
const PROBE_KEY = "health:write-probe";

/**
 * Whether the database takes a write now: one committed transaction that adds a row and removes
 * it again. It has to commit — a rolled-back transaction never reaches the disk, so it cannot
 * notice a full disk — and it leaves nothing behind.
 */
async function probeWrite(): Promise<void> {
  await sqlOf(db).transaction(function* () {
    yield* changes(Prisma.sql`INSERT INTO "RateLimit" ("key", "windowStart", "count") VALUES (${PROBE_KEY}, ${new Date(0)}, 0)
      ON CONFLICT ("key", "windowStart") DO NOTHING`);
    yield* changes(Prisma.sql`DELETE FROM "RateLimit" WHERE "key" = ${PROBE_KEY}`);
  });
}

/**
 * Liveness and database health, for monitors, load balancers and the start script: 200 when
 * the database can be read and written; 503 when it cannot be read (`read: false`) or cannot
 * take a write — read-only, disk full — (`write: false`; readers are still served then, but
 * nothing anyone sends can be saved). See docs/decisions/015-storage-failures.md.
 */
export async function GET() {
  const headers = { "Cache-Control": "no-store" };
  try {
    await db.$queryRawUnsafe("SELECT 1");
  } catch {
    return Response.json({ ok: false, read: false, write: false, error: "database unavailable" }, { status: 503, headers });
  }
  try {
    await probeWrite();
  } catch {
    return Response.json({ ok: false, read: true, write: false, error: "database cannot take writes" }, { status: 503, headers });
  }
  return Response.json({ ok: true, read: true, write: true }, { headers });
}
