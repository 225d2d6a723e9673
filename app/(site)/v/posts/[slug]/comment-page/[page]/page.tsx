import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { EssayPage, essayMetadata } from "@/components/posts/essay-page";
import { essayViewer } from "@/lib/comments/essay-viewer";
import { parsePageParam } from "@/lib/posts/published";

export const dynamic = "force-dynamic";

type Props = {
  params: Promise<{ slug: string; page: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { slug, page } = await params;
  const n = parsePageParam(page);
  if (n === null || n < 2) return {};
  return { ...(await essayMetadata(slug, n)), robots: { index: false } };
}

export default async function Page({ params, searchParams }: Props) {
  const { slug, page } = await params;
  const n = parsePageParam(page);
  if (n === null || n < 2) notFound();
  const viewer = await essayViewer(await searchParams);
  return <EssayPage slug={slug} commentPage={n} viewer={viewer} />;
}
