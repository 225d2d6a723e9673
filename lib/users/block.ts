/**
 * Blocking an account: pure rules (how long, what the blocked person reads). A block is the
 * account's `bannedUntil` (lib/auth/permissions.ts isBanned): while it is in the future the person
 * can read and sign in but `can()` refuses them everything else (commenting, replying, editing,
 * liking, reporting). "Forever" is a date no one will live to see.
 */
import { z } from "zod";
import { formatDateTime } from "../format";
import { keyId } from "../forms/schema";

export const BLOCK_DURATIONS = ["day", "week", "month", "forever"] as const;
export type BlockDuration = (typeof BLOCK_DURATIONS)[number];

export const BLOCK_DURATION_LABEL: Readonly<Record<BlockDuration, string>> = {
  day: "1 day",
  week: "1 week",
  month: "1 month",
  forever: "Forever",
};

/** The date a "forever" block ends (9999-12-31): far enough, and valid on both engines. */
export const FOREVER = new Date("9999-12-31T00:00:00.000Z");

const DAY_MS = 86_400_000;
const LENGTH_MS: Readonly<Record<Exclude<BlockDuration, "forever">, number>> = {
  day: DAY_MS,
  week: 7 * DAY_MS,
  month: 30 * DAY_MS,
};

/** When a block of `duration` starting `now` ends. */
export function blockEnds(duration: BlockDuration, now: Date = new Date()): Date {
  return duration === "forever" ? FOREVER : new Date(now.getTime() + LENGTH_MS[duration]);
}

/** Whether a block end is the "forever" one (nothing ends in the year 9999 otherwise). */
export function isForever(until: Date | string): boolean {
  return new Date(until).getUTCFullYear() >= 9999;
}

/** What a blocked person reads next to a form: "You can't comment until 5 December 2026 at 10:00 UTC." */
export function blockedMessage(until: Date | string, doing = "comment"): string {
  if (isForever(until)) return `You can’t ${doing}: your account is blocked.`;
  return `You can’t ${doing} until ${formatDateTime(new Date(until).toISOString())}.`;
}

/** "Blocked until …" / "Blocked" for moderators' lists. */
export function blockedLabel(until: Date | string): string {
  return isForever(until) ? "Blocked" : `Blocked until ${formatDateTime(new Date(until).toISOString())}`;
}

/** The block form: block (with a duration) or unblock an account. */
export const BlockFormSchema = z.discriminatedUnion(
  "op",
  [
    z.object({
      op: z.literal("block"),
      userId: keyId("That account no longer exists."),
      duration: z.enum(BLOCK_DURATIONS, { error: "Choose how long the block lasts." }),
    }),
    z.object({ op: z.literal("unblock"), userId: keyId("That account no longer exists.") }),
  ],
  { error: "Unknown action." },
);
