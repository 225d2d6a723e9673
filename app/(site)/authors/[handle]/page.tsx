import type { Metadata } from "next";
import { AuthorPage, authorMetadata } from "@/components/pages/author";

type Props = { params: Promise<{ handle: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  return authorMetadata((await params).handle);
}

export default async function Page({ params }: Props) {
  return <AuthorPage rawHandle={(await params).handle} />;
}
