import type { Db } from "../db/client";
import { retryWhenBusy } from "../db/retry";
import { can, type Actor, type Role } from "../auth/permissions";
import { audit } from "../audit/write";
import { blockEnds, type BlockDuration } from "./block";

export type BlockResult =
  { ok: true; name: string; bannedUntil: Date | null } | { ok: false; reason: "forbidden" | "not-found" | "self" | "admin" };

/**
 * Blocks an account for `duration` (or unblocks it with null) by setting `bannedUntil`, the one
 * mechanism isBanned/can() already honour. Admins only; never oneself, never another admin (a
 * blocked admin could not even unblock anyone: demote them first).
 */
export async function setBlock(
  db: Db,
  actor: Actor,
  userId: string,
  duration: BlockDuration | null,
  now: Date = new Date(),
): Promise<BlockResult> {
  if (!can(actor, "user:block")) return { ok: false, reason: "forbidden" };
  if (userId === actor.id) return { ok: false, reason: "self" };
  return retryWhenBusy(() =>
    db.$transaction(async (tx) => {
      const target = await tx.user.findUnique({
        where: { id: userId },
        select: { id: true, name: true, role: true, bannedUntil: true },
      });
      if (!target) return { ok: false as const, reason: "not-found" as const };
      if (target.role === "ADMIN") return { ok: false as const, reason: "admin" as const };
      const bannedUntil = duration ? blockEnds(duration, now) : null;
      await tx.user.update({ where: { id: target.id }, data: { bannedUntil } });
      await audit(tx, {
        actorId: actor.id,
        action: bannedUntil ? "user.block" : "user.unblock",
        targetType: "user",
        targetId: target.id,
        before: { bannedUntil: target.bannedUntil?.toISOString() ?? null },
        after: { bannedUntil: bannedUntil?.toISOString() ?? null, ...(duration ? { duration } : {}) },
      });
      return { ok: true as const, name: target.name, bannedUntil };
    }),
  );
}

/**
 * Changes an account's role (the caller checked `user:update-role`), keeping at least one admin,
 * with its audit entry in the same transaction.
 */
export async function changeRole(
  db: Db,
  actor: Actor,
  target: { id: string; role: Role },
  role: Role,
): Promise<"ok" | "last-admin"> {
  return retryWhenBusy(() =>
    db.$transaction(async (tx) => {
      if (target.role === "ADMIN" && (await tx.user.count({ where: { role: "ADMIN" } })) <= 1) return "last-admin" as const;
      await tx.user.update({ where: { id: target.id }, data: { role } });
      await audit(tx, {
        actorId: actor.id,
        action: "user.role",
        targetType: "user",
        targetId: target.id,
        before: { role: target.role },
        after: { role },
      });
      return "ok" as const;
    }),
  );
}
