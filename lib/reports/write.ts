import type { Db } from "../db/client";
import { retryWhenBusy } from "../db/retry";
import { can, type Actor } from "../auth/permissions";
import { moderateInTransaction, Refused } from "../moderation/write";
import { audit } from "../audit/write";
import type { ReportOp, ReportReason } from "./schema";

export type ReportResult = { ok: true } | { ok: false; reason: "not-found" | "own" | "duplicate" | "forbidden" };

/** Unique-key violation (Prisma's code on both engines): someone's second report of a comment. */
const isUniqueViolation = (error: unknown) =>
  typeof error === "object" && error !== null && (error as { code?: unknown }).code === "P2002";

/**
 * Records a reader's report of a comment. Only comments readers can see (approved) can be
 * reported, never one's own; one report per person per comment (the unique key decides, so two
 * quick submissions cannot make two reports).
 */
export async function reportComment(
  db: Db,
  reporter: Actor,
  input: { commentId: number; reason: ReportReason | ""; note: string },
): Promise<ReportResult> {
  if (!can(reporter, "comment:report")) return { ok: false, reason: "forbidden" };
  const comment = await db.comment.findUnique({ where: { id: input.commentId }, select: { status: true, authorId: true } });
  if (!comment || comment.status !== "APPROVED") return { ok: false, reason: "not-found" };
  if (comment.authorId === reporter.id) return { ok: false, reason: "own" };
  try {
    await db.commentReport.create({
      data: { commentId: input.commentId, reporterId: reporter.id, reason: input.reason, note: input.note },
    });
  } catch (error) {
    if (isUniqueViolation(error)) return { ok: false, reason: "duplicate" };
    throw error;
  }
  return { ok: true };
}

/** Whether the person already reported the comment. */
export async function hasReported(db: Db, commentId: number, reporterId: string): Promise<boolean> {
  const found = await db.commentReport.findUnique({
    where: { commentId_reporterId: { commentId, reporterId } },
    select: { id: true },
  });
  return found !== null;
}

export type ReportActionResult =
  { ok: true; resolved: number; postIds: string[] } | { ok: false; reason: "forbidden" | "not-found" | "no-reports" };

/**
 * A moderator acts on a reported comment, in one transaction: dismiss (the comment stays),
 * spam or trash (moderateInTransaction: the status and the essay's count move together). Every
 * open report of the comment is closed with it. Refused when the moderator may not moderate the
 * comment, or it has no open reports (someone else dealt with them already).
 */
export async function actOnReports(db: Db, actor: Actor, commentId: number, op: ReportOp): Promise<ReportActionResult> {
  try {
    return await retryWhenBusy(() =>
      db.$transaction(async (tx) => {
        const comment = await tx.comment.findUnique({
          where: { id: commentId },
          select: { status: true, post: { select: { authorId: true } } },
        });
        if (!comment || comment.status === "DELETED") throw new Refused("not-found");
        if (!can(actor, "comment:moderate", { postAuthorId: comment.post.authorId })) throw new Refused("forbidden");
        const now = new Date();
        const { count } = await tx.commentReport.updateMany({
          where: { commentId, resolvedAt: null },
          data: { resolvedAt: now },
        });
        if (count === 0) return { ok: false as const, reason: "no-reports" as const };
        if (op === "dismiss") {
          await audit(tx, {
            actorId: actor.id,
            action: "report.dismiss",
            targetType: "comment",
            targetId: commentId,
            before: { openReports: count },
            after: { openReports: 0 },
          });
        }
        // Spam and trash are recorded by moderateInTransaction, as from the queue.
        const postIds = op === "dismiss" ? [] : (await moderateInTransaction(tx, actor, [commentId], op)).postIds;
        return { ok: true as const, resolved: count, postIds };
      }),
    );
  } catch (error) {
    if (error instanceof Refused) return { ok: false, reason: error.reason };
    throw error;
  }
}
