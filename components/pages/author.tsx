import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { routeKey } from "@/lib/http/route-param";
import { PostList } from "@/components/posts/post-card";
import { Avatar } from "@/components/ui/avatar";
import { getAuthorPage } from "@/lib/posts/queries";
import { formatDate } from "@/lib/format";
import { alternatesFor } from "@/lib/seo/metadata";

export async function authorMetadata(rawHandle: string): Promise<Metadata> {
  const key = routeKey(rawHandle);
  const data = key ? await getAuthorPage(key, 1) : null;
  if (!data) return {};
  return {
    title: data.author.name,
    description: data.author.bio || `Essays by ${data.author.name}.`,
    alternates: alternatesFor(`/authors/${data.author.handle}`),
    openGraph: { type: "profile", title: data.author.name },
  };
}

export async function AuthorPage({ rawHandle }: { rawHandle: string }) {
  const key = routeKey(rawHandle);
  const data = key ? await getAuthorPage(key, 1) : null;
  if (!data) notFound();
  const { author, posts } = data;
  return (
    <>
      <section className="mb-10 flex items-start gap-5">
        <Avatar name={author.name} image={author.image} size={72} />
        <div>
          <h1 className="font-serif text-3xl font-semibold tracking-tight">{author.name}</h1>
          {author.bio ? <p className="mt-2 leading-relaxed text-stone-700 dark:text-stone-300">{author.bio}</p> : null}
          <p className="mt-2 text-sm text-stone-500 dark:text-stone-400">
            Member since <time dateTime={author.joinedAt}>{formatDate(author.joinedAt)}</time>
            {" · "}
            {posts.total === 1 ? "1 essay" : `${posts.total} essays`}
          </p>
        </div>
      </section>
      <h2 className="mb-2 text-sm font-semibold uppercase tracking-wide text-stone-500 dark:text-stone-400">Essays</h2>
      <PostList posts={posts.items} empty={`${author.name} has not published any essays yet.`} />
    </>
  );
}
