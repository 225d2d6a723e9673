import type { Metadata } from "next";
import { EssayPage, essayMetadata } from "@/components/posts/essay-page";
import { essayViewer } from "@/lib/comments/essay-viewer";

// One route for every reader, rendered per request: an anonymous reader's copy is the shared page
// HTTP caches keep (proxy.ts, docs/decisions/017-http-caching.md); a viewer's is their own.
type Props = { params: Promise<{ slug: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  return essayMetadata((await params).slug, 1);
}

export default async function PostPage({ params, searchParams }: Props) {
  const [{ slug }, viewer] = await Promise.all([params, searchParams.then(essayViewer)]);
  return <EssayPage slug={slug} commentPage={1} viewer={viewer} />;
}
