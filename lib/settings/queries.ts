import "server-only";
import { cachedQuery } from "../cache/query";
import { db } from "../db/client";
import { tags } from "../cache/tags";
import { DEFAULT_SETTINGS, type SiteSettings } from "./defaults";

/** Reads the settings row; a database that is not there yet (e.g. during `next build`) yields the defaults. */
export async function readSettings(): Promise<SiteSettings> {
  try {
    const row = await db.settings.findUnique({ where: { id: 1 } });
    if (!row) return DEFAULT_SETTINGS;
    // The setup token's hash is not a setting: it never leaves lib/setup/.
    const { id: _id, updatedAt: _u, setupTokenHash: _h, setupTokenExpires: _e, commentOrder, ...rest } = row;
    const order = commentOrder === "newest" || commentOrder === "likes" ? commentOrder : "oldest";
    return { ...DEFAULT_SETTINGS, ...rest, commentOrder: order };
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
