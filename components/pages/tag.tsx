import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { routeKey } from "@/lib/http/route-param";
import { PostList } from "@/components/posts/post-card";
import { getTagPage } from "@/lib/posts/queries";
import { alternatesFor } from "@/lib/seo/metadata";

export async function tagMetadata(rawTag: string): Promise<Metadata> {
  const key = routeKey(rawTag);
  const data = key ? await getTagPage(key, 1) : null;
  if (!data) return {};
  return {
    title: `Essays tagged “${data.tag.name}”`,
    description: `Essays tagged ${data.tag.name}.`,
    alternates: alternatesFor(`/tags/${data.tag.slug}`),
  };
}

export async function TagPage({ rawTag }: { rawTag: string }) {
  const key = routeKey(rawTag);
  const data = key ? await getTagPage(key, 1) : null;
  if (!data) notFound();
  return (
    <>
      <p className="text-sm uppercase tracking-wide text-stone-500 dark:text-stone-400">Tag</p>
      <h1 className="mb-8 font-serif text-3xl font-semibold tracking-tight">Essays tagged “{data.tag.name}”</h1>
      <p className="mb-6 text-sm text-stone-600 dark:text-stone-400">
        {data.posts.total === 1 ? "1 essay" : `${data.posts.total} essays`}
      </p>
      <PostList posts={data.posts.items} empty="No published essays carry this tag yet." />
    </>
  );
}
