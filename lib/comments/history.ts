import type { Db } from "../db/client";

/** One earlier version of an edited comment, as its history shows it. */
export interface RevisionView {
  bodyHtml: string;
  /** When the edit that replaced this version was made (ISO). */
  replacedAt: string;
  /** Who made that edit. */
  editorName: string;
}

/** Who may see a comment's earlier versions: the essay's author and admins. */
export function seesEditHistory(viewer: { id: string; role: string } | null | undefined, postAuthorId: string): boolean {
  return !!viewer && (viewer.role === "ADMIN" || viewer.id === postAuthorId);
}

/** The earlier versions of these comments, newest first per comment. */
export async function editHistoryOf(db: Db, commentIds: readonly number[]): Promise<Record<number, RevisionView[]>> {
  if (commentIds.length === 0) return {};
  const rows = await db.commentRevision.findMany({
    where: { commentId: { in: [...commentIds] } },
    orderBy: [{ editedAt: "desc" }, { id: "desc" }],
    select: { commentId: true, bodyHtml: true, editedAt: true, editor: { select: { name: true } } },
  });
  const out: Record<number, RevisionView[]> = {};
  for (const r of rows) {
    (out[r.commentId] ??= []).push({
      bodyHtml: r.bodyHtml,
      replacedAt: r.editedAt.toISOString(),
      editorName: r.editor?.name ?? "a deleted account",
    });
  }
  return out;
}
