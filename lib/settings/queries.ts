import "server-only";
import { cachedQuery } from "../cache/query";
import { db, sqlOf } from "../db/client";
import { Prisma } from "../generated/sqlite/client";
import { tags } from "../cache/tags";
import { DEFAULT_SETTINGS, type SiteSettings } from "./defaults";

/** The row as plain SQL gives it on either engine (SQLite's booleans are 0/1). */
type SettingsRow = Omit<SiteSettings, "commentOrder" | "autoCloseEnabled" | "gravatarEnabled" | "trustProxy"> & {
  commentOrder: string;
  autoCloseEnabled: boolean | number;
  gravatarEnabled: boolean | number;
  trustProxy: boolean | number;
};

/**
 * Reads the settings row (read on every write where several instances share a database, so in
 * plain SQL: lib/db/sql.ts); a database that is not there yet (e.g. during `next build`) yields
 * the defaults. The setup token's hash is not a setting: it never leaves lib/setup/.
 */
export async function readSettings(): Promise<SiteSettings> {
  try {
    const [row] = await sqlOf(db).query<SettingsRow>(Prisma.sql`
      SELECT "siteTitle", "siteDescription", "commentsPerPage", "threadDepth", "commentOrder", "editWindowMinutes",
             "floodPerMinute", "floodPerHour", "likesPerMinute", "likesPerHour", "holdLinkCount", "holdWords",
             "blockWords", "autoCloseEnabled", "autoCloseDays", "gravatarEnabled", "trustProxy"
      FROM "Settings" WHERE "id" = 1`);
    if (!row) return DEFAULT_SETTINGS;
    const order = row.commentOrder === "newest" || row.commentOrder === "likes" ? row.commentOrder : "oldest";
    return {
      ...DEFAULT_SETTINGS,
      ...row,
      commentOrder: order,
      autoCloseEnabled: Boolean(Number(row.autoCloseEnabled)),
      gravatarEnabled: Boolean(Number(row.gravatarEnabled)),
      trustProxy: Boolean(Number(row.trustProxy)),
    };
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
