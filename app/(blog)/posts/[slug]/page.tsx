import type { Metadata } from "next";
import { EssayPage, essayMetadata } from "@/components/posts/essay-page";

// Rendered on first visit and cached for anonymous readers until the post or its comments
// change (tags "posts" and "post:<id>").
export const revalidate = 3600;
export async function generateStaticParams() {
  return [];
}

type Props = { params: Promise<{ slug: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  return essayMetadata((await params).slug, 1);
}

export default async function PostPage({ params }: Props) {
  return <EssayPage slug={(await params).slug} commentPage={1} />;
}
