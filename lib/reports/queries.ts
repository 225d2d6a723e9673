import "server-only";
import { db } from "../db/client";
import type { Prisma } from "../generated/sqlite/client";
import type { Moderator } from "../moderation/queries";
import { REASON_LABEL, type ReportReason } from "./schema";

/** Reported comments per page of the Reports tab. */
export const REPORTS_PAGE_SIZE = 20;

export interface ReportedComment {
  id: number;
  status: string;
  bodyHtml: string;
  authorName: string;
  authorId: string | null;
  createdAt: string;
  post: { slug: string; title: string };
  /** Open reports, oldest first. */
  reports: { reason: string; note: string; reporterName: string; createdAt: string }[];
}

/** Comments with open reports that the moderator may moderate (authors: on their essays). */
function where(moderator: Moderator): Prisma.CommentWhereInput {
  return {
    ...(moderator.role === "ADMIN" ? {} : { post: { authorId: moderator.id } }),
    status: { not: "DELETED" },
    reports: { some: { resolvedAt: null } },
  };
}

/** How many comments wait in the Reports tab. */
export async function reportedCount(moderator: Moderator): Promise<number> {
  return db.comment.count({ where: where(moderator) });
}

/** One page of the Reports tab: the most reported first, then the most recently reported. */
export async function listReported(
  moderator: Moderator,
  page: number,
): Promise<{ items: ReportedComment[]; page: number; pageCount: number; total: number }> {
  const total = await reportedCount(moderator);
  const pageCount = Math.max(1, Math.ceil(total / REPORTS_PAGE_SIZE));
  const current = Math.min(Math.max(1, page), pageCount);
  const rows = await db.comment.findMany({
    where: where(moderator),
    orderBy: [{ reports: { _count: "desc" } }, { id: "desc" }],
    skip: (current - 1) * REPORTS_PAGE_SIZE,
    take: REPORTS_PAGE_SIZE,
    select: {
      id: true,
      status: true,
      bodyHtml: true,
      guestName: true,
      authorId: true,
      createdAt: true,
      author: { select: { name: true } },
      post: { select: { slug: true, title: true } },
      reports: {
        where: { resolvedAt: null },
        orderBy: [{ createdAt: "asc" }, { id: "asc" }],
        select: { reason: true, note: true, createdAt: true, reporter: { select: { name: true } } },
      },
    },
  });
  return {
    total,
    page: current,
    pageCount,
    items: rows.map((r) => ({
      id: r.id,
      status: r.status,
      bodyHtml: r.bodyHtml,
      authorName: r.author?.name ?? r.guestName ?? "Anonymous",
      authorId: r.authorId,
      createdAt: r.createdAt.toISOString(),
      post: r.post,
      reports: r.reports.map((x) => ({
        reason: REASON_LABEL[x.reason as ReportReason | ""] ?? x.reason,
        note: x.note,
        reporterName: x.reporter.name,
        createdAt: x.createdAt.toISOString(),
      })),
    })),
  };
}

/** A comment as the report page shows it (approved comments only: the ones readers can see). */
export async function commentToReport(id: number) {
  const r = await db.comment.findUnique({
    where: { id },
    select: {
      id: true,
      status: true,
      bodyHtml: true,
      authorId: true,
      guestName: true,
      author: { select: { name: true } },
      post: { select: { slug: true, title: true } },
    },
  });
  if (!r || r.status !== "APPROVED") return null;
  return {
    id: r.id,
    bodyHtml: r.bodyHtml,
    authorId: r.authorId,
    authorName: r.author?.name ?? r.guestName ?? "Anonymous",
    post: r.post,
  };
}
