import type { Metadata } from "next";
import { forbidden, notFound } from "next/navigation";
import { Notice } from "@/components/dashboard/notice";
import { PostEditor } from "@/components/dashboard/post-editor";
import { can } from "@/lib/auth/permissions";
import { requireUser } from "@/lib/auth/session";
import { getEditorPost, listTagNames } from "@/lib/posts/dashboard";

export const metadata: Metadata = { title: "Edit post", robots: { index: false, follow: false } };

type Props = {
  params: Promise<{ id: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

export default async function EditPostPage({ params, searchParams }: Props) {
  const { id } = await params;
  const user = await requireUser(`/dashboard/posts/${encodeURIComponent(id)}/edit`);
  const post = await getEditorPost(id);
  if (!post) notFound();
  if (!can(user, "post:update", { authorId: post.authorId })) forbidden();
  const [tagNames, query] = await Promise.all([listTagNames(), searchParams]);
  const notice = Array.isArray(query.notice) ? query.notice[0] : query.notice;
  return (
    <section>
      <Notice code={notice} />
      <h1 className="mb-1 font-serif text-3xl font-semibold tracking-tight">Edit post</h1>
      {post.authorId !== user.id ? <p className="mb-4 text-sm text-stone-500 dark:text-stone-400">By {post.authorName}</p> : null}
      {/* A fresh editor after every save, so it starts from what was stored. */}
      <PostEditor key={post.updatedAt} post={post} tagNames={tagNames} />
    </section>
  );
}
