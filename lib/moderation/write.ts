import type { Db } from "../db/client";
import { retryWhenBusy } from "../db/retry";
import { can, type Actor } from "../auth/permissions";
import type { CommentStatusValue } from "../comments/policy";
import { audit } from "../audit/write";
import { approvedDelta, nextStatus, type ModerationOp } from "./transitions";
import { batchWindowMs, enqueueNotification, runOnTransaction } from "../notify/outbox";

export type ModerationResult =
  { ok: true; changed: number; skipped: number; postIds: string[] } | { ok: false; reason: "forbidden" | "not-found" };

/** Thrown inside a transaction to roll it back with a refusal. */
export class Refused extends Error {
  constructor(readonly reason: "forbidden" | "not-found") {
    super(reason);
  }
}

/**
 * Applies a moderation action to comments, all or nothing, in one transaction:
 * - every id must exist and be on a post the actor may moderate (`comment:moderate`), or the
 *   whole request is refused and nothing changes (forged ids fail closed);
 * - each comment moves only if it is still in the status it was read in (`updateMany` guarded by
 *   the old status), so two moderators acting at once cannot count a change twice;
 * - the posts' approved-comment counts change by what actually changed, in the same transaction;
 * - likes stay with a comment that leaves Approved (hidden while it is not shown, back if it is
 *   approved again), so `likeCount` always equals its like rows;
 * - delete (from the Trash only) removes a comment without replies; one with replies becomes a
 *   tombstone (status DELETED, content, writer details and likes wiped) so the replies keep
 *   their parent, root and depth.
 * Comments whose status the action does not apply to (already moved) are skipped.
 */
export async function moderateComments(
  db: Db,
  actor: Actor,
  ids: readonly number[],
  op: ModerationOp,
): Promise<ModerationResult> {
  const unique = [...new Set(ids)];
  if (unique.length === 0) return { ok: true, changed: 0, skipped: 0, postIds: [] };
  try {
    return await retryWhenBusy(() => db.$transaction((tx) => moderateInTransaction(tx, actor, unique, op)));
  } catch (error) {
    if (error instanceof Refused) return { ok: false, reason: error.reason };
    throw error;
  }
}

/**
 * moderateComments' work inside the caller's transaction (the Reports tab resolves the reports
 * in the same one). Throws Refused (rolling the transaction back) for a missing or forbidden id.
 */
export async function moderateInTransaction(
  tx: Tx,
  actor: Actor,
  unique: readonly number[],
  op: ModerationOp,
): Promise<{ ok: true; changed: number; skipped: number; postIds: string[] }> {
  const rows = await tx.comment.findMany({
    where: { id: { in: [...unique] } },
    select: {
      id: true,
      status: true,
      postId: true,
      post: { select: { authorId: true } },
      _count: { select: { replies: true } },
    },
  });
  if (rows.length !== unique.length) throw new Refused("not-found");
  for (const row of rows) {
    if (!can(actor, "comment:moderate", { postAuthorId: row.post.authorId })) throw new Refused("forbidden");
  }

  const deltas = new Map<string, number>();
  const touched = new Set<string>();
  let changed = 0;
  for (const row of rows) {
    const from = row.status as CommentStatusValue;
    const to = nextStatus(op, from);
    if (!to) continue;
    let moved = 0;
    if (to === "gone") {
      moved = row._count.replies > 0 ? await tombstone(tx, row.id, from) : await removeRow(tx, row.id, from);
    } else {
      moved = (await tx.comment.updateMany({ where: { id: row.id, status: from }, data: { status: to } })).count;
    }
    if (moved === 0) continue;
    await audit(tx, {
      actorId: actor.id,
      action: `comment.${op}`,
      targetType: "comment",
      targetId: row.id,
      before: { status: from },
      after: { status: to === "gone" ? (row._count.replies > 0 ? "DELETED" : "removed") : to },
    });
    changed += 1;
    // An approved reply tells the writer of the comment it answers (queued with the approval).
    if (to === "APPROVED") await runOnTransaction(tx, enqueueNotification("reply", row.id, batchWindowMs()));
    touched.add(row.postId);
    const delta = approvedDelta(from, to === "gone" ? "DELETED" : to);
    if (delta !== 0) deltas.set(row.postId, (deltas.get(row.postId) ?? 0) + delta);
  }
  for (const [postId, delta] of deltas) {
    if (delta !== 0) await tx.post.update({ where: { id: postId }, data: { commentCount: { increment: delta } } });
  }
  return { ok: true as const, changed, skipped: unique.length - changed, postIds: [...touched] };
}

export type Tx = Parameters<Parameters<Db["$transaction"]>[0]>[0];

async function removeRow(tx: Tx, id: number, from: CommentStatusValue): Promise<number> {
  // Likes go with the row (ON DELETE CASCADE).
  return (await tx.comment.deleteMany({ where: { id, status: from } })).count;
}

async function tombstone(tx: Tx, id: number, from: CommentStatusValue): Promise<number> {
  const { count } = await tx.comment.updateMany({
    where: { id, status: from },
    data: {
      status: "DELETED",
      authorId: null,
      bodyMarkdown: "",
      bodyHtml: "",
      guestName: null,
      guestEmail: null,
      guestUrl: null,
      ipHash: null,
      userAgent: null,
      likeCount: 0,
    },
  });
  if (count > 0) await tx.commentLike.deleteMany({ where: { commentId: id } });
  return count;
}

/** A comment as a moderator edits it: the post it is on and its author, for the permission. */
export async function loadModeratedComment(db: Db, id: number) {
  return db.comment.findUnique({
    where: { id },
    select: {
      id: true,
      authorId: true,
      status: true,
      createdAt: true,
      postId: true,
      post: { select: { authorId: true, slug: true } },
    },
  });
}

/**
 * Replaces a comment's text (rendered by the caller with renderComment), and moves it to
 * `moveTo` when the new text breaks a rule (lib/comments/policy.ts statusAfterEdit): an
 * approved comment that leaves Approved no longer counts on its essay (its likes stay, hidden,
 * as with any moderation). One transaction. Refused for a comment that is gone or was deleted
 * by its writer meanwhile.
 */
export async function editCommentBody(
  db: Db,
  id: number,
  bodyMarkdown: string,
  bodyHtml: string,
  moveTo: { status: "PENDING" | "TRASH" } | null = null,
  editor: Actor | null = null,
): Promise<boolean> {
  return retryWhenBusy(() =>
    db.$transaction(async (tx) => {
      const row = await tx.comment.findUnique({
        where: { id },
        select: { status: true, postId: true, authorId: true, bodyMarkdown: true, bodyHtml: true },
      });
      if (!row || row.status === "DELETED") return false;
      const from = row.status as CommentStatusValue;
      const editedAt = new Date();
      // A comment already held or thrown out keeps its place; only a harsher rule moves it on.
      const to = moveTo && from !== moveTo.status && (from === "APPROVED" || (from === "PENDING" && moveTo.status === "TRASH")) ? moveTo.status : from;
      const { count } = await tx.comment.updateMany({
        where: { id, status: from },
        data: { bodyMarkdown, bodyHtml, editedAt, status: to },
      });
      if (count === 0) return false;
      // The version this edit replaces is kept (shown to the essay's author and admins).
      await tx.commentRevision.create({
        data: { commentId: id, bodyMarkdown: row.bodyMarkdown, bodyHtml: row.bodyHtml, editedAt, editorId: editor?.id ?? null },
      });
      // A moderator rewriting someone else's words is on the record.
      if (editor && editor.id !== row.authorId) {
        await audit(tx, {
          actorId: editor.id,
          action: "comment.edit",
          targetType: "comment",
          targetId: id,
          before: { bodyMarkdown: row.bodyMarkdown, status: from },
          after: { bodyMarkdown, status: to },
        });
      }
      const delta = approvedDelta(from, to);
      if (delta !== 0) await tx.post.update({ where: { id: row.postId }, data: { commentCount: { increment: delta } } });
      return true;
    }),
  );
}

/**
 * The thread's Delete button (its writer, the essay's author, an admin): the comment becomes
 * DELETED (a tombstone if it has replies), its likes go, its essay's count follows. Deleting
 * someone else's comment is a moderator's action and is written to the audit log, in the same
 * transaction. Caller checks `comment:delete` first.
 */
export async function deleteFromThread(
  db: Db,
  actor: Actor,
  comment: { id: number; status: string; postId: string; authorId: string | null },
): Promise<boolean> {
  return retryWhenBusy(() =>
    db.$transaction(async (tx) => {
      const from = comment.status as CommentStatusValue;
      const updated = await tx.comment.updateMany({
        where: { id: comment.id, status: from },
        data: { status: "DELETED", likeCount: 0 },
      });
      if (updated.count === 0) return false;
      await tx.commentLike.deleteMany({ where: { commentId: comment.id } });
      if (from === "APPROVED") await tx.post.update({ where: { id: comment.postId }, data: { commentCount: { decrement: 1 } } });
      if (comment.authorId !== actor.id) {
        await audit(tx, {
          actorId: actor.id,
          action: "comment.delete",
          targetType: "comment",
          targetId: comment.id,
          before: { status: from },
          after: { status: "DELETED" },
        });
      }
      return true;
    }),
  );
}
