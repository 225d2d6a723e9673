import type { Metadata } from "next";
import { HomePage, homeMetadata } from "@/components/pages/home";

type Props = { params: Promise<{ page: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  return homeMetadata((await params).page);
}

export default async function Page({ params }: Props) {
  return <HomePage rawPage={(await params).page} />;
}
