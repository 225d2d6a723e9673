import type { Metadata } from "next";
import { HomePage, homeMetadata } from "@/components/pages/home";

// The home page ("/" is rewritten here) and its older pages, for anonymous readers: rendered
// on first visit, then cached until a post changes (tag "posts").
export const revalidate = 3600;
export async function generateStaticParams() {
  return [];
}

type Props = { params: Promise<{ page: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  return homeMetadata((await params).page);
}

export default async function Page({ params }: Props) {
  return <HomePage rawPage={(await params).page} />;
}
