import type { Metadata } from "next";
import { alternatesFor } from "@/lib/seo/metadata";
import { notFound } from "next/navigation";
import { PostList } from "@/components/posts/post-card";
import { getTagPage } from "@/lib/posts/queries";

export const revalidate = 3600;
export async function generateStaticParams() {
  return [];
}

type Props = { params: Promise<{ tag: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { tag } = await params;
  const data = await getTagPage(decodeURIComponent(tag), 1);
  if (!data) return {};
  return {
    title: `Essays tagged “${data.tag.name}”`,
    description: `Essays tagged ${data.tag.name}.`,
    alternates: alternatesFor(`/tags/${data.tag.slug}`),
  };
}

export default async function TagPage({ params }: Props) {
  const { tag } = await params;
  const data = await getTagPage(decodeURIComponent(tag), 1);
  if (!data) notFound();
  return (
    <>
      <p className="text-sm uppercase tracking-wide text-stone-500">Tag</p>
      <h1 className="mb-8 font-serif text-3xl font-semibold tracking-tight">Essays tagged “{data.tag.name}”</h1>
      <p className="mb-6 text-sm text-stone-600 dark:text-stone-400">
        {data.posts.total === 1 ? "1 essay" : `${data.posts.total} essays`}
      </p>
      <PostList posts={data.posts.items} empty="No published essays carry this tag yet." />
    </>
  );
}
