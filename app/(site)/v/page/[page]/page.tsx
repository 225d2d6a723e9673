import type { Metadata } from "next";
import { HomePage, homeMetadata } from "@/components/pages/home";

// The home page as a signed-in reader sees it (proxy.ts rewrites here): rendered per request.
export const dynamic = "force-dynamic";

type Props = { params: Promise<{ page: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  return homeMetadata((await params).page);
}

export default async function Page({ params }: Props) {
  return <HomePage rawPage={(await params).page} />;
}
