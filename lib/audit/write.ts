import type { Tx } from "../moderation/write";
import { auditJson, type AuditAction } from "./actions";

export interface AuditRecord {
  actorId: string;
  action: AuditAction;
  targetType: "comment" | "user";
  targetId: string | number;
  before?: Record<string, unknown> | null;
  after?: Record<string, unknown> | null;
}

/**
 * Writes one audit entry with the caller's transaction client, so the entry and the action it
 * records commit (or roll back) together.
 */
export async function audit(tx: Tx, record: AuditRecord): Promise<void> {
  await tx.auditEntry.create({
    data: {
      actorId: record.actorId,
      action: record.action,
      targetType: record.targetType,
      targetId: String(record.targetId),
      before: auditJson(record.before),
      after: auditJson(record.after),
    },
  });
}
