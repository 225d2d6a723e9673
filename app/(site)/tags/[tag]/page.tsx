import type { Metadata } from "next";
import { TagPage, tagMetadata } from "@/components/pages/tag";

type Props = { params: Promise<{ tag: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  return tagMetadata((await params).tag);
}

export default async function Page({ params }: Props) {
  return <TagPage rawTag={(await params).tag} />;
}
