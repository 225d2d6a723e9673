import type { Metadata } from "next";
import Link from "next/link";
import { forbidden, notFound } from "next/navigation";
import { EssayArticle } from "@/components/posts/essay-page";
import { can } from "@/lib/auth/permissions";
import { requireUser } from "@/lib/auth/session";
import { formatDateTime } from "@/lib/format";
import { getPreviewPost } from "@/lib/posts/dashboard";

// Private: read per request for its author and admins, never cached, never indexed.
export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Preview", robots: { index: false, follow: false } };

type Props = { params: Promise<{ id: string }> };

export default async function PreviewPage({ params }: Props) {
  const { id } = await params;
  const user = await requireUser(`/dashboard/posts/${encodeURIComponent(id)}/preview`);
  const post = await getPreviewPost(id);
  if (!post) notFound();
  if (!can(user, "post:update", { authorId: post.authorId })) forbidden();
  return (
    <>
      <aside
        role="note"
        aria-label="Preview"
        className="mb-8 flex flex-wrap items-center justify-between gap-3 rounded-md border border-amber-300 bg-amber-50 px-4 py-3 text-sm text-amber-950 dark:border-amber-800 dark:bg-amber-950 dark:text-amber-100"
      >
        <span>
          {post.status === "published"
            ? "Preview of the published essay."
            : post.status === "scheduled"
              ? `Preview: scheduled for ${formatDateTime(post.publishedAt)}. Only you and the admins can see it.`
              : "Preview of a draft. Only you and the admins can see it."}
        </span>
        <Link href={`/dashboard/posts/${post.id}/edit`} className="font-medium underline">
          Back to the editor
        </Link>
      </aside>
      <EssayArticle post={post} />
    </>
  );
}
