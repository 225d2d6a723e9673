import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { ReportForm } from "@/components/comments/report-form";
import { FormMessage } from "@/components/ui/form";
import { isBanned } from "@/lib/auth/permissions";
import { requireUser } from "@/lib/auth/session";
import { db } from "@/lib/db/client";
import { parseIntId } from "@/lib/forms/schema";
import { commentToReport } from "@/lib/reports/queries";
import { hasReported } from "@/lib/reports/write";

export const metadata: Metadata = { title: "Report a comment", robots: { index: false, follow: false } };

type Props = { params: Promise<{ id: string }> };

/** The Report link's page: the comment, and a small form (signed-in readers, not their own). */
export default async function ReportCommentPage({ params }: Props) {
  const { id } = await params;
  const commentId = parseIntId(id);
  if (commentId === null) notFound();
  const user = await requireUser(`/comments/${commentId}/report`);
  const comment = await commentToReport(commentId);
  if (!comment) notFound();
  const backHref = `/comments/${comment.id}`;
  const already = await hasReported(db, comment.id, user.id);
  const own = comment.authorId === user.id;
  return (
    <section className="mx-auto flex max-w-2xl flex-col gap-6">
      <header>
        <h1 className="font-serif text-3xl font-semibold tracking-tight">Report a comment</h1>
        <p className="mt-2 text-sm text-stone-600 dark:text-stone-400">
          By {comment.authorName} on{" "}
          <a href={`/posts/${comment.post.slug}`} className="underline">
            {comment.post.title}
          </a>
        </p>
      </header>
      <blockquote
        className="prose prose-stone max-w-none rounded-lg border border-stone-200 p-4 dark:prose-invert dark:border-stone-800"
        // Sanitized when the comment was saved (lib/markdown/comment.ts).
        dangerouslySetInnerHTML={{ __html: comment.bodyHtml }}
      />
      {own ? (
        <FormMessage message="This is your own comment: you can edit or delete it instead." />
      ) : isBanned(user) && !already ? (
        <FormMessage message="Your account cannot report comments right now." />
      ) : (
        <ReportForm commentId={comment.id} backHref={backHref} already={already} />
      )}
    </section>
  );
}
