import { commentPermalink } from "@/lib/comments/queries";

export const dynamic = "force-dynamic";

/**
 * Short permalink /comments/<id>: to the comment page that shows it, scrolled to it. The
 * Location is relative, so it stays on whatever host the reader used (the request URL Next
 * hands a route may name another one, e.g. localhost behind a proxy).
 */
export async function GET(_request: Request, { params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const permalink = /^\d{1,12}$/.test(id) ? await commentPermalink(Number(id)) : null;
  if (!permalink) return new Response("Not found", { status: 404, headers: { "Content-Type": "text/plain; charset=utf-8" } });
  return new Response(null, { status: 307, headers: { Location: permalink } });
}
