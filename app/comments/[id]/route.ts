import { getCurrentUser } from "@/lib/auth/session";
import { visibleCommentPermalink } from "@/lib/comments/queries";
import { readPendingIds } from "@/lib/comments/viewer";
import { parseIntId } from "@/lib/forms/schema";

export const dynamic = "force-dynamic";

/**
 * Short permalink /comments/<id>: to the comment page that shows it, scrolled to it — only for
 * a comment the reader may see on a published essay (drafts, held, spam and deleted comments
 * answer 404 like an id that never existed). The Location is relative, so it stays on whatever
 * host the reader used (the request URL Next hands a route may name another one, e.g.
 * localhost behind a proxy).
 */
export async function GET(_request: Request, { params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const notFound = () => new Response("Not found", { status: 404, headers: { "Content-Type": "text/plain; charset=utf-8" } });
  const commentId = parseIntId(id);
  if (commentId === null) return notFound();
  const [user, pendingIds] = await Promise.all([getCurrentUser(), readPendingIds()]);
  const permalink = await visibleCommentPermalink(commentId, { userId: user?.id ?? null, pendingIds });
  if (!permalink) return notFound();
  return new Response(null, { status: 307, headers: { Location: permalink, "Cache-Control": "private, no-store" } });
}
