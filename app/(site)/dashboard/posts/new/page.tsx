import type { Metadata } from "next";
import { PostEditor } from "@/components/dashboard/post-editor";
import { requirePermission } from "@/lib/auth/session";
import { listTagNames } from "@/lib/posts/dashboard";

export const metadata: Metadata = { title: "New post", robots: { index: false, follow: false } };

export default async function NewPostPage() {
  await requirePermission("/dashboard/posts/new", "post:create");
  const tagNames = await listTagNames();
  return (
    <section>
      <h1 className="mb-6 font-serif text-3xl font-semibold tracking-tight">New post</h1>
      <PostEditor post={null} tagNames={tagNames} />
    </section>
  );
}
