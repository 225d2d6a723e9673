import { notFound, permanentRedirect } from "next/navigation";
import { legacyPathFromSegments, readLegacyRedirect } from "@/lib/wxr/legacy";

// Addresses of imported posts on the old WordPress site (next.config.ts sends them here):
// a permanent redirect to the post while it is public, else the ordinary 404.
export const dynamic = "force-dynamic";

export default async function OldAddressPage({ params }: { params: Promise<{ rest: string[] }> }) {
  const { rest } = await params;
  const path = legacyPathFromSegments(rest.map((s) => safeDecode(s)));
  const slug = path ? await readLegacyRedirect(path) : null;
  if (!slug) notFound();
  permanentRedirect(`/posts/${encodeURIComponent(slug)}`);
}

function safeDecode(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}
