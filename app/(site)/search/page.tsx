import type { Metadata } from "next";
import { SearchResults } from "@/components/search/search-results";
import { MAX_QUERY_LENGTH } from "@/lib/search/terms";

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

// Rendered per request and never shared by HTTP caches (proxy.ts; docs/decisions/021-search.md).
export const metadata: Metadata = { title: "Search", robots: { index: false, follow: true } };

export default async function Page({ searchParams }: Props) {
  const params = await searchParams;
  const raw = Array.isArray(params.q) ? params.q[0] : params.q;
  return <SearchResults query={(raw ?? "").slice(0, MAX_QUERY_LENGTH)} rawPage={params.page} />;
}
