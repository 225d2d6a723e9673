import { CommentIdSchema, LikeFieldSchema } from "@/lib/comments/schema";
import { escapeHtml } from "@/lib/html/escape.mjs";
import { STANDALONE_PAGE_CSP, standalonePage } from "@/lib/html/standalone-page.mjs";
import { likeComment } from "@/lib/comments/like";
import { isSameOriginPost } from "@/lib/http/same-origin";
import { guardRoute } from "@/lib/http/unavailable";

export const dynamic = "force-dynamic";

/** A refusal for a browser without JavaScript: the message and a way back. */
function refusalPage(status: number, message: string, back: string): Response {
  const html = standalonePage({
    title: message,
    heading: "Your like was not saved",
    body: `<p role="alert">${escapeHtml(message)}</p>\n<p><a href="${escapeHtml(back)}">Back to the comment</a></p>`,
  });
  return new Response(html, {
    status,
    headers: {
      "Content-Type": "text/html; charset=utf-8",
      "Cache-Control": "no-store",
      "Content-Security-Policy": STANDALONE_PAGE_CSP,
    },
  });
}

/**
 * The form's `like` field. A browser without JavaScript sends the form urlencoded, which is read
 * directly (undici's formData() costs more than the rest of a like); the button's own request
 * sends FormData.
 */
async function likeField(request: Request): Promise<string | null> {
  try {
    if ((request.headers.get("content-type") ?? "").startsWith("application/x-www-form-urlencoded")) {
      return new URLSearchParams(await request.text()).get("like");
    }
    const value = (await request.formData()).get("like");
    return typeof value === "string" ? value : null;
  } catch {
    return null;
  }
}

/**
 * POST /comments/<id>/like — the Like button. A plain form post without JavaScript (answered
 * with a 303 to the comment, or to sign in), JSON for the button's own request with JavaScript
 * (`Accept: application/json`). The field `like` is "1" to like, "0" to unlike. A like the
 * database cannot take right now is answered 503 (guardRoute).
 */
export const POST = guardRoute(async function POST(request: Request, { params }: { params: Promise<{ id: string }> }) {
  const json = (request.headers.get("accept") ?? "").includes("application/json");
  const refuse = (status: number, message: string, back = "/") =>
    json ? Response.json({ ok: false, message }, { status }) : refusalPage(status, message, back);
  if (!isSameOriginPost(request.headers)) return refuse(403, "This form was sent from another site.");
  const parsed = CommentIdSchema.safeParse({ commentId: (await params).id });
  if (!parsed.success) return refuse(404, "That is not a comment.");
  const back = `/comments/${parsed.data.commentId}`;
  const intent = LikeFieldSchema.safeParse(await likeField(request));
  if (!intent.success) return refuse(400, intent.error.issues[0]?.message ?? "That is not a like.", back);
  const outcome = await likeComment(parsed.data.commentId, intent.data, { permalink: !json });
  switch (outcome.kind) {
    case "sign-in":
      return json
        ? Response.json({ ok: false, redirectTo: outcome.location }, { status: 401 })
        : new Response(null, { status: 303, headers: { Location: outcome.location } });
    case "refused":
      return refuse(outcome.status, outcome.message, back);
    case "done":
      return json
        ? Response.json({ ok: true, liked: outcome.liked, likeCount: outcome.likeCount })
        : new Response(null, { status: 303, headers: { Location: outcome.permalink ?? back } });
  }
});
