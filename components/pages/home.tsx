import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { PostList } from "@/components/posts/post-card";
import { Pagination } from "@/components/ui/pagination";
import { listPublishedPosts } from "@/lib/posts/queries";
import { parsePageParam } from "@/lib/posts/published";
import { getSettings } from "@/lib/settings/queries";
import { alternatesFor } from "@/lib/seo/metadata";

export async function homeMetadata(rawPage: string): Promise<Metadata> {
  const page = parsePageParam(rawPage);
  const settings = await getSettings();
  if (page === null) return {};
  return page === 1
    ? { title: { absolute: settings.siteTitle }, alternates: alternatesFor("/") }
    : { title: `Essays, page ${page}`, alternates: alternatesFor(`/page/${page}`) };
}

/** The home page and its older pages: published essays, newest first. */
export async function HomePage({ rawPage }: { rawPage: string }) {
  const page = parsePageParam(rawPage);
  if (page === null) notFound();
  const [result, settings] = await Promise.all([listPublishedPosts(page), getSettings()]);
  if (page > result.pageCount) notFound();
  return (
    <>
      {page === 1 ? (
        <section className="mb-10">
          <h1 className="font-serif text-4xl font-semibold tracking-tight">{settings.siteTitle}</h1>
          <p className="mt-2 text-lg text-stone-600 dark:text-stone-400">{settings.siteDescription}</p>
        </section>
      ) : (
        <h1 className="mb-8 font-serif text-3xl font-semibold tracking-tight">Essays, page {page}</h1>
      )}
      <PostList posts={result.items} empty="No essays have been published yet." />
      <Pagination page={page} pageCount={result.pageCount} hrefFor={(p) => (p === 1 ? "/" : `/page/${p}`)} label="Essay pages" />
    </>
  );
}
