import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { requirePermission } from "@/lib/auth/session";
import { db } from "@/lib/db/client";
import { readImportJob } from "@/lib/wxr/jobs";

export const metadata: Metadata = { title: "WordPress import", robots: { index: false, follow: false } };
export const dynamic = "force-dynamic";

// Works without JavaScript: while the import runs the page reloads itself every second
// (<meta http-equiv="refresh">) and shows the progress in a <progress> element.
export default async function WordPressImportJobPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const user = await requirePermission(`/dashboard/import/wordpress/${encodeURIComponent(id)}`, "settings:update");
  const job = await readImportJob(db, id, user.id);
  if (!job) notFound();
  const percent = Math.floor((job.done / job.total) * 100);
  return (
    <section className="flex flex-col gap-6">
      {job.state === "RUNNING" ? <meta httpEquiv="refresh" content="1" /> : null}
      <h1 className="font-serif text-3xl font-semibold tracking-tight">Importing {job.fileName}</h1>
      <div className="flex flex-col gap-2">
        <label htmlFor="import-progress" className="text-sm font-medium">
          {job.state === "RUNNING" ? "Importing…" : job.state === "DONE" ? "Import finished" : "Import failed"}
        </label>
        <progress id="import-progress" max={job.total} value={job.done} className="w-full">
          {percent}%
        </progress>
        <p className="text-sm text-stone-700 dark:text-stone-300" aria-live="polite">
          {job.done} of {job.total} steps ({percent}%)
        </p>
      </div>
      {job.state === "DONE" ? (
        <div className="flex flex-col gap-3 text-sm">
          <p role="status">
            Imported {job.report.postsCreated} posts and {job.report.commentsCreated} comments
            {job.report.postsAlreadyThere || job.report.commentsAlreadyThere
              ? ` (${job.report.postsAlreadyThere} posts and ${job.report.commentsAlreadyThere} comments were there already)`
              : ""}
            .
          </p>
          {job.report.authorsCreated.length > 0 ? (
            <p>New author accounts (no password yet; they sign in with an e-mail link): {job.report.authorsCreated.join(", ")}</p>
          ) : null}
          {job.report.authorsMatched.length > 0 ? <p>Matched existing accounts: {job.report.authorsMatched.join(", ")}</p> : null}
          {job.report.posts.length > 0 ? (
            <ul aria-label="Imported posts" className="list-disc pl-5">
              {job.report.posts.map((p) => (
                <li key={p.wpId}>
                  <Link href={`/posts/${p.slug}`} className="text-amber-800 underline dark:text-amber-400">
                    {p.title}
                  </Link>{" "}
                  ({p.type === "page" ? "page" : "post"} {p.wpId})
                </li>
              ))}
            </ul>
          ) : null}
          {job.report.skipped.length > 0 ? (
            <ul aria-label="Left out" className="list-disc pl-5 text-stone-600 dark:text-stone-400">
              {job.report.skipped.map((s, i) => (
                <li key={i}>Left out {s}</li>
              ))}
            </ul>
          ) : null}
        </div>
      ) : null}
      {job.state === "FAILED" ? (
        <ul role="alert" className="list-disc pl-5 text-sm text-red-800 dark:text-red-300">
          {job.errors.map((e, i) => (
            <li key={i}>{e}</li>
          ))}
        </ul>
      ) : null}
      <p>
        <Link href="/dashboard/import" className="text-amber-800 underline dark:text-amber-400">
          Back to imports
        </Link>
      </p>
    </section>
  );
}
