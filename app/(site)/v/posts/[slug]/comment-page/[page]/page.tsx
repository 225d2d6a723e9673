import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { EssayPage, essayMetadata } from "@/components/posts/essay-page";
import { parsePageParam } from "@/lib/posts/published";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ slug: string; page: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { slug, page } = await params;
  const n = parsePageParam(page);
  if (n === null || n < 2) return {};
  return essayMetadata(decodeURIComponent(slug), n);
}

export default async function Page({ params }: Props) {
  const { slug, page } = await params;
  const n = parsePageParam(page);
  if (n === null || n < 2) notFound();
  return <EssayPage slug={decodeURIComponent(slug)} commentPage={n} />;
}
