/**
 * What the audit log records (pure: labels and the filter's choices).
 */
export const AUDIT_ACTIONS = [
  "comment.approve",
  "comment.unapprove",
  "comment.spam",
  "comment.trash",
  "comment.restore",
  "comment.delete",
  "comment.edit",
  "report.dismiss",
  "like.remove",
  "user.block",
  "user.unblock",
  "user.role",
] as const;
export type AuditAction = (typeof AUDIT_ACTIONS)[number];

export const AUDIT_ACTION_LABEL: Readonly<Record<AuditAction, string>> = {
  "comment.approve": "Approved a comment",
  "comment.unapprove": "Unapproved a comment",
  "comment.spam": "Marked a comment as spam",
  "comment.trash": "Moved a comment to the trash",
  "comment.restore": "Restored a comment",
  "comment.delete": "Deleted a comment",
  "comment.edit": "Edited someone else's comment",
  "report.dismiss": "Dismissed reports",
  "like.remove": "Removed a like",
  "user.block": "Blocked an account",
  "user.unblock": "Unblocked an account",
  "user.role": "Changed a role",
};

export function isAuditAction(value: string): value is AuditAction {
  return (AUDIT_ACTIONS as readonly string[]).includes(value);
}

/** A before/after value as stored (JSON text), or null for nothing. */
export function auditJson(value: Record<string, unknown> | null | undefined): string | null {
  return value == null ? null : JSON.stringify(value);
}
