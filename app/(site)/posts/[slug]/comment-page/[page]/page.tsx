import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { EssayPage, essayMetadata } from "@/components/posts/essay-page";
import { essayViewer } from "@/lib/comments/essay-viewer";
import { parsePageParam } from "@/lib/posts/published";

type Props = {
  params: Promise<{ slug: string; page: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { slug, page } = await params;
  const n = parsePageParam(page);
  if (n === null || n < 2) return {};
  return essayMetadata(slug, n);
}

export default async function CommentPage({ params, searchParams }: Props) {
  const { slug, page } = await params;
  const n = parsePageParam(page);
  // Page 1 of the comments is the essay itself.
  if (n === null || n < 2) notFound();
  return <EssayPage slug={slug} commentPage={n} viewer={await essayViewer(await searchParams)} />;
}
