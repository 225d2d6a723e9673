/**
 * What each moderation action does to a comment's status. Pure: the write path
 * (lib/moderation/write.ts) applies it inside a transaction; unit tests pin it down.
 */
import type { CommentStatusValue } from "../comments/policy";

export const MODERATION_OPS = ["approve", "unapprove", "spam", "trash", "restore", "delete"] as const;
export type ModerationOp = (typeof MODERATION_OPS)[number];

/** The statuses moderators see, one tab each. DELETED (tombstoned by the writer) is in none. */
export const QUEUE_STATUSES = ["PENDING", "APPROVED", "SPAM", "TRASH"] as const;
export type QueueStatus = (typeof QUEUE_STATUSES)[number];

interface Transition {
  /** Statuses the action applies to; comments in any other status are left alone (skipped). */
  from: readonly QueueStatus[];
  /** The new status, or "gone" for a permanent deletion. */
  to: QueueStatus | "gone";
}

/**
 * Restore sends a comment back to Pending (not to where it was: the schema keeps no history, and
 * a comment that was spam or trash deserves a second look before it shows). Delete works from
 * the Trash only, so nothing disappears in one step.
 */
export const TRANSITIONS: Readonly<Record<ModerationOp, Transition>> = {
  approve: { from: ["PENDING", "SPAM", "TRASH"], to: "APPROVED" },
  unapprove: { from: ["APPROVED"], to: "PENDING" },
  spam: { from: ["PENDING", "APPROVED", "TRASH"], to: "SPAM" },
  trash: { from: ["PENDING", "APPROVED", "SPAM"], to: "TRASH" },
  restore: { from: ["SPAM", "TRASH"], to: "PENDING" },
  delete: { from: ["TRASH"], to: "gone" },
};

/** The status a comment gets from `op`, or null when `op` does not apply to its status. */
export function nextStatus(op: ModerationOp, status: CommentStatusValue): QueueStatus | "gone" | null {
  const t = TRANSITIONS[op];
  return (t.from as readonly string[]).includes(status) ? t.to : null;
}

/** How the post's approved-comment count changes when a comment goes from `from` to `to`. */
export function approvedDelta(from: CommentStatusValue, to: QueueStatus | "gone" | "DELETED"): -1 | 0 | 1 {
  const was = from === "APPROVED" ? 1 : 0;
  const is = to === "APPROVED" ? 1 : 0;
  return (is - was) as -1 | 0 | 1;
}

/** The actions offered on a tab (per comment and in the bulk menu), in display order. */
export function opsForTab(status: QueueStatus): ModerationOp[] {
  switch (status) {
    case "PENDING":
      return ["approve", "spam", "trash"];
    case "APPROVED":
      return ["unapprove", "spam", "trash"];
    case "SPAM":
      return ["restore", "approve", "trash"];
    case "TRASH":
      return ["restore", "spam", "delete"];
  }
}

/** Button and menu labels. */
export const OP_LABEL: Readonly<Record<ModerationOp, string>> = {
  approve: "Approve",
  unapprove: "Unapprove",
  spam: "Mark as spam",
  trash: "Move to trash",
  restore: "Restore",
  delete: "Delete permanently",
};

/** "2 comments approved." — what the moderator reads after an action. */
export function outcomeMessage(op: ModerationOp, changed: number, skipped: number): string {
  const noun = changed === 1 ? "1 comment" : `${changed} comments`;
  const done: Record<ModerationOp, string> = {
    approve: "approved",
    unapprove: "moved back to pending",
    spam: "marked as spam",
    trash: "moved to the trash",
    restore: "restored to pending",
    delete: "deleted permanently",
  };
  const base = `${noun} ${done[op]}.`;
  if (skipped === 0) return base;
  const left = skipped === 1 ? "1 comment was left as it was" : `${skipped} comments were left as they were`;
  return `${base} ${left} (already moved, or not applicable).`;
}
