import type { Metadata } from "next";
import { EssayPage, essayMetadata } from "@/components/posts/essay-page";
import { essayViewer } from "@/lib/comments/essay-viewer";

// An essay as one reader sees it (proxy.ts rewrites here for signed-in readers, guests with
// Hearth cookies, and reply/edit/order links): rendered per request, never cached.
export const dynamic = "force-dynamic";

type Props = { params: Promise<{ slug: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  return { ...(await essayMetadata((await params).slug, 1)), robots: { index: false } };
}

export default async function Page({ params, searchParams }: Props) {
  const viewer = await essayViewer(await searchParams);
  return <EssayPage slug={(await params).slug} commentPage={1} viewer={viewer} />;
}
