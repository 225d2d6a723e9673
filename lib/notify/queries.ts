import "server-only";
import { db } from "../db/client";

/** A signed-in user's notification settings, for the account page. */
export async function getMailPreferences(userId: string): Promise<{ notifyReplies: boolean; notifyModeration: boolean }> {
  const row = await db.user.findUnique({ where: { id: userId }, select: { notifyReplies: true, notifyModeration: true } });
  return { notifyReplies: row?.notifyReplies ?? true, notifyModeration: row?.notifyModeration ?? true };
}
