import "server-only";
import { sqlOf, type Db } from "../db/client";
import { tags } from "../cache/tags";
import { expireTagsInBackground } from "../cache/revalidate";
import { schedulePublication } from "../posts/schedule";
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

/** How often a running job tells other instances it is alive (ImportJob.updatedAt). */
const IMPORT_HEARTBEAT_MS = 15_000;
/** A job another instance runs whose heartbeat is older than this died with its server. */
export const IMPORT_SILENT_MS = 4 * IMPORT_HEARTBEAT_MS;
/** What a job that died with its server says (the import is one transaction: nothing was kept). */
export const INTERRUPTED_MESSAGE =
  "The import stopped when the server running it stopped, and nothing was saved. Upload the file again to import it.";

/** The jobs running in this process; on globalThis, as Next loads this module once per bundle. */
const runningHere: Set<string> = ((globalThis as { __hearthImportJobs?: Set<string> }).__hearthImportJobs ??= new Set());

async function runImportJob(db: Db, jobId: string, doc: WxrDocument): Promise<void> {
  runningHere.add(jobId);
  // Only other instances read the heartbeat (stillRunning), and there are none on SQLite, where a
  // write beside the import's transaction would only wait for it.
  const heartbeat =
    sqlOf(db).engine === "postgresql"
      ? setInterval(() => {
          void db.importJob.update({ where: { id: jobId }, data: { updatedAt: new Date() } }).catch(() => undefined);
        }, IMPORT_HEARTBEAT_MS).unref()
      : null;
  try {
    await importJob(db, jobId, doc);
  } finally {
    if (heartbeat) clearInterval(heartbeat);
    runningHere.delete(jobId);
  }
}

async function importJob(db: Db, jobId: string, doc: WxrDocument): Promise<void> {
  try {
    const result = await importWxrDocument(db, doc, {
      onProgress: async (done, total) => {
        await db.importJob.update({ where: { id: jobId }, data: { done: Math.min(done, total - 1), total } });
      },
    });
    if (!("ok" in result) || !result.ok) throw new Error("errors" in result ? result.errors.join("; ") : "not allowed");
    const report = result.report;
    // Saved: from here on nothing may turn the job into a failure. The caches are expired before
    // the job says it is done, so the pages its author opens next show the import. The import
    // runs after its request ended; expireTagsInBackground logs its own failures.
    if (report.changedPostIds.length > 0)
      await expireTagsInBackground([tags.posts, tags.users, ...report.changedPostIds.map((id) => tags.post(id))], `WordPress import ${jobId}`);
    try {
      const scheduled = await db.post.findMany({
        where: { id: { in: report.changedPostIds }, status: "SCHEDULED" },
        select: { id: true, publishedAt: true },
      });
      for (const row of scheduled) if (row.publishedAt) schedulePublication(row.id, row.publishedAt);
    } catch (error) {
      console.error(`WordPress import ${jobId} was saved, but its scheduled posts could not be armed:`, error);
    }
    const done = progressTotal(doc);
    await db.importJob.update({ where: { id: jobId }, data: { state: "DONE", done, total: done, report: JSON.stringify(report) } });
    return;
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    console.error(`WordPress import ${jobId} failed: ${message}`);
    await db.importJob
      .update({ where: { id: jobId }, data: { state: "FAILED", report: JSON.stringify([`The import stopped and nothing was saved: ${message}`]) } })
      .catch(() => undefined);
  }
}

/**
 * Whether a job the database calls RUNNING is still running somewhere: here, or (several
 * instances on PostgreSQL) on an instance whose heartbeat is recent. On SQLite this process is
 * the only one, so a job it does not run died with an earlier one (a crash, a restart).
 */
function stillRunning(job: { id: string; updatedAt: Date }, engine: "sqlite" | "postgresql", now = new Date()): boolean {
  if (runningHere.has(job.id)) return true;
  return engine === "postgresql" && now.getTime() - job.updatedAt.getTime() < IMPORT_SILENT_MS;
}

/**
 * A job as its page shows it, or null when it does not exist or belongs to someone else. A job
 * whose server stopped while it ran shows as failed (derived here, as nothing is left to write it).
 */
export async function readImportJob(db: Db, jobId: string, userId: string, now = new Date()): Promise<ImportJobView | null> {
  const job = await db.importJob.findUnique({ where: { id: jobId } });
  if (!job || job.userId !== userId) return null;
  const base = { done: job.done, total: Math.max(job.total, 1), fileName: job.fileName };
  if (job.state === "DONE") return { state: "DONE", ...base, report: JSON.parse(job.report) as WxrImportReport };
  if (job.state === "FAILED") return { state: "FAILED", ...base, errors: JSON.parse(job.report || "[]") as string[] };
  if (!stillRunning(job, sqlOf(db).engine, now)) return { state: "FAILED", ...base, errors: [INTERRUPTED_MESSAGE] };
  return { state: "RUNNING", ...base };
}
