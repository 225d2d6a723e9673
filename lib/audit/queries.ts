import "server-only";
import { db } from "../db/client";
import { AUDIT_ACTION_LABEL, isAuditAction } from "./actions";

export const AUDIT_PAGE_SIZE = 50;

export interface AuditRow {
  id: number;
  createdAt: string;
  actor: { id: string; name: string; handle: string } | null;
  action: string;
  label: string;
  targetType: string;
  targetId: string;
  /** A readable name for the target (an account's name, "comment 12"). */
  targetLabel: string;
  before: string | null;
  after: string | null;
}

/** One page of the audit log, newest first, optionally one actor's or one action's entries. */
export async function listAudit(filter: { actorId?: string | null; action?: string | null; page: number }) {
  const where = {
    ...(filter.actorId ? { actorId: filter.actorId } : {}),
    ...(filter.action ? { action: filter.action } : {}),
  };
  const total = await db.auditEntry.count({ where });
  const pageCount = Math.max(1, Math.ceil(total / AUDIT_PAGE_SIZE));
  const page = Math.min(Math.max(1, filter.page), pageCount);
  const rows = await db.auditEntry.findMany({
    where,
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    skip: (page - 1) * AUDIT_PAGE_SIZE,
    take: AUDIT_PAGE_SIZE,
    include: { actor: { select: { id: true, name: true, handle: true } } },
  });
  const userIds = [...new Set(rows.filter((r) => r.targetType === "user").map((r) => r.targetId))];
  const users = new Map(
    (await db.user.findMany({ where: { id: { in: userIds } }, select: { id: true, name: true } })).map((u) => [u.id, u.name]),
  );
  const items: AuditRow[] = rows.map((r) => ({
    id: r.id,
    createdAt: r.createdAt.toISOString(),
    actor: r.actor,
    action: r.action,
    label: isAuditAction(r.action) ? AUDIT_ACTION_LABEL[r.action] : r.action,
    targetType: r.targetType,
    targetId: r.targetId,
    targetLabel: r.targetType === "user" ? (users.get(r.targetId) ?? "a deleted account") : `comment ${r.targetId}`,
    before: r.before,
    after: r.after,
  }));
  return { items, total, page, pageCount };
}

/** Everyone who appears in the log as an actor, for the filter menu. */
export async function auditActors(): Promise<{ id: string; name: string }[]> {
  return db.user.findMany({
    where: { audits: { some: {} } },
    orderBy: [{ name: "asc" }],
    select: { id: true, name: true },
    take: 500,
  });
}
