import type { Metadata } from "next";
import Link from "next/link";
import { forbidden, notFound } from "next/navigation";
import { DeletePostForm } from "@/components/dashboard/delete-post-form";
import { can } from "@/lib/auth/permissions";
import { requireUser } from "@/lib/auth/session";
import { deletionSummary, getEditorPost } from "@/lib/posts/dashboard";
import { statusLabel } from "@/lib/posts/status";

export const metadata: Metadata = { title: "Delete post", robots: { index: false, follow: false } };

type Props = { params: Promise<{ id: string }> };

export default async function DeletePostPage({ params }: Props) {
  const { id } = await params;
  const user = await requireUser(`/dashboard/posts/${encodeURIComponent(id)}/delete`);
  const post = await getEditorPost(id);
  if (!post) notFound();
  if (!can(user, "post:delete", { authorId: post.authorId })) forbidden();
  const summary = await deletionSummary(id);
  return (
    <section className="flex flex-col gap-6">
      <h1 className="font-serif text-3xl font-semibold tracking-tight">Delete “{post.title}”?</h1>
      <p className="text-stone-700 dark:text-stone-300">
        {statusLabel(post.status)}.{" "}
        {summary.comments === 0
          ? "It has no comments."
          : `Its ${summary.comments === 1 ? "comment" : `${summary.comments} comments`} (with ${summary.likes === 1 ? "1 like" : `${summary.likes} likes`}) will be deleted too.`}{" "}
        Its tags stay for other posts.
      </p>
      <DeletePostForm id={post.id} title={post.title} />
      <p className="text-sm">
        <Link href={`/dashboard/posts/${post.id}/edit`} className="underline">
          Keep it and go back to the editor
        </Link>
      </p>
    </section>
  );
}
