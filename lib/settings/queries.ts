import "server-only";
import { cachedQuery } from "../cache/query";
import { db, sqlOf } from "../db/client";
import { Prisma } from "../generated/sqlite/client";
import { tags } from "../cache/tags";
import { DEFAULT_SETTINGS, type SiteSettings } from "./defaults";

/** The settings' columns: the fields of SiteSettings, which the defaults name. */
const COLUMNS = Object.keys(DEFAULT_SETTINGS) as (keyof SiteSettings)[];

/**
 * Reads the settings row (read on every write where several instances share a database, so in
 * plain SQL: lib/db/sql.ts); a database that is not there yet (e.g. during `next build`) yields
 * the defaults. Only the settings' own columns are read: the setup token's hash never leaves
 * lib/setup/. SQLite gives booleans as 0/1: each field takes the type of its default.
 */
export async function readSettings(): Promise<SiteSettings> {
  try {
    const [row] = await sqlOf(db).query<Record<keyof SiteSettings, unknown>>(
      Prisma.sql`SELECT ${Prisma.raw(COLUMNS.map((c) => `"${c}"`).join(", "))} FROM "Settings" WHERE "id" = 1`,
    );
    if (!row) return DEFAULT_SETTINGS;
    const settings: Record<string, unknown> = {};
    for (const column of COLUMNS) {
      settings[column] = typeof DEFAULT_SETTINGS[column] === "boolean" ? Boolean(Number(row[column])) : row[column];
    }
    const order = settings.commentOrder === "newest" || settings.commentOrder === "likes" ? settings.commentOrder : "oldest";
    return { ...(settings as unknown as SiteSettings), commentOrder: order };
  } catch (error) {
    if (process.env.NEXT_PHASE !== "phase-production-build") console.error("Could not read settings:", error);
    return DEFAULT_SETTINGS;
  }
}

/** Cached site settings (tag "settings"). */
export const getSettings = cachedQuery(readSettings, ["settings"], {
  tags: [tags.settings],
  // Another instance may have changed them: bound how long this one keeps an old copy.
  revalidate: 60,
});
