import "server-only";
import type { Db } from "../db/client";
import { tags } from "../cache/tags";
import { expireTagsOutsideRequest, schedulePublication } from "../posts/schedule";
import { importWxrDocument, progressTotal, type WxrImportReport } from "./import";
import type { WxrDocument } from "./parse";

export type ImportJobView =
  | { state: "RUNNING"; done: number; total: number; fileName: string }
  | { state: "DONE"; done: number; total: number; fileName: string; report: WxrImportReport }
  | { state: "FAILED"; done: number; total: number; fileName: string; errors: string[] };

/**
 * Starts importing a checked WordPress export in the background and returns the job's id; the
 * job row records progress (every 25 posts and comments) and, at the end, the report. A failure
 * leaves nothing half-written (the import is one transaction) and the job says why.
 */
export async function startImportJob(db: Db, userId: string, fileName: string, doc: WxrDocument): Promise<string> {
  const job = await db.importJob.create({ data: { userId, fileName: fileName.slice(0, 200), total: progressTotal(doc) } });
  void runImportJob(db, job.id, doc);
  return job.id;
}

async function runImportJob(db: Db, jobId: string, doc: WxrDocument): Promise<void> {
  try {
    const result = await importWxrDocument(db, doc, {
      onProgress: async (done, total) => {
        await db.importJob.update({ where: { id: jobId }, data: { done: Math.min(done, total - 1), total } });
      },
    });
    if (!("ok" in result) || !result.ok) throw new Error("errors" in result ? result.errors.join("; ") : "not allowed");
    const report = result.report;
    const done = progressTotal(doc);
    await db.importJob.update({ where: { id: jobId }, data: { state: "DONE", done, total: done, report: JSON.stringify(report) } });
    // Saved: from here on nothing may turn the job into a failure. The import runs after its
    // request ended; expiring caches works outside a request too (lib/cache/query.ts).
    try {
      if (report.changedPostIds.length > 0)
        await expireTagsOutsideRequest([tags.posts, tags.users, ...report.changedPostIds.map((id) => tags.post(id))], `WordPress import ${jobId}`);
      const scheduled = await db.post.findMany({
        where: { id: { in: report.changedPostIds }, status: "SCHEDULED" },
        select: { id: true, publishedAt: true },
      });
      for (const row of scheduled) if (row.publishedAt) schedulePublication(row.id, row.publishedAt);
    } catch (error) {
      console.error(`WordPress import ${jobId} was saved, but its caches could not be expired:`, error);
    }
    return;
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    console.error(`WordPress import ${jobId} failed: ${message}`);
    await db.importJob
      .update({ where: { id: jobId }, data: { state: "FAILED", report: JSON.stringify([`The import stopped and nothing was saved: ${message}`]) } })
      .catch(() => undefined);
  }
}

/** A job as its page shows it, or null when it does not exist or belongs to someone else. */
export async function readImportJob(db: Db, jobId: string, userId: string): Promise<ImportJobView | null> {
  const job = await db.importJob.findUnique({ where: { id: jobId } });
  if (!job || job.userId !== userId) return null;
  const base = { done: job.done, total: Math.max(job.total, 1), fileName: job.fileName };
  if (job.state === "DONE") return { state: "DONE", ...base, report: JSON.parse(job.report) as WxrImportReport };
  if (job.state === "FAILED") return { state: "FAILED", ...base, errors: JSON.parse(job.report || "[]") as string[] };
  return { state: "RUNNING", ...base };
}
