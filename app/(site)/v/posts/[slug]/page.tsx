import type { Metadata } from "next";
import { EssayPage, essayMetadata } from "@/components/posts/essay-page";

// An essay as a signed-in reader sees it (proxy.ts rewrites here): rendered per request.
export const dynamic = "force-dynamic";

type Props = { params: Promise<{ slug: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  return essayMetadata(decodeURIComponent((await params).slug), 1);
}

export default async function Page({ params }: Props) {
  return <EssayPage slug={decodeURIComponent((await params).slug)} commentPage={1} />;
}
