import type { Db } from "../db/client";
import type { UnsubscribeTarget } from "./tokens";

/**
 * Turns off what an unsubscribe link names, for its address: reply mails (the account's
 * setting, and "Notify me of replies" on every comment written as a guest with that address),
 * or held-comment mails. Mails already queued are dropped by the worker, which asks again
 * before sending. Idempotent.
 */
export async function unsubscribe(db: Db, target: UnsubscribeTarget): Promise<void> {
  const email = target.email.toLowerCase();
  if (target.kind === "moderation") {
    await db.user.updateMany({ where: { email }, data: { notifyModeration: false } });
    return;
  }
  await db.$transaction([
    db.user.updateMany({ where: { email }, data: { notifyReplies: false } }),
    db.comment.updateMany({ where: { guestEmail: email, notifyReplies: true }, data: { notifyReplies: false } }),
  ]);
}
