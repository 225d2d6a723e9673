import { db } from "@/lib/db/client";
import { authSecret } from "@/lib/env";
import { STANDALONE_PAGE_CSP } from "@/lib/html/standalone-page.mjs";
import { readUnsubscribeToken } from "@/lib/notify/tokens";
import { unsubscribe } from "@/lib/notify/write";
import { unsubscribePage } from "@/lib/notify/unsubscribe-page";

export const dynamic = "force-dynamic";

const HEADERS = {
  "Content-Type": "text/html; charset=utf-8",
  "Cache-Control": "private, no-store",
  "Content-Security-Policy": STANDALONE_PAGE_CSP,
  "Referrer-Policy": "no-referrer",
};

async function siteTitle(): Promise<string> {
  const settings = await db.settings.findUnique({ where: { id: 1 }, select: { siteTitle: true } });
  return settings?.siteTitle ?? "Hearth";
}

/**
 * GET /unsubscribe?token=… — the link in a notification e-mail: asks to confirm with a plain
 * POST form (a GET changes nothing: mail scanners open links).
 */
export async function GET(request: Request) {
  const url = new URL(request.url);
  const token = url.searchParams.get("token");
  const target = readUnsubscribeToken(authSecret(), token);
  const title = await siteTitle();
  if (!target) return new Response(unsubscribePage(title, { kind: "invalid" }), { status: 400, headers: HEADERS });
  const action = `/unsubscribe?token=${encodeURIComponent(token ?? "")}`;
  return new Response(unsubscribePage(title, { kind: "confirm", target, action }), { headers: HEADERS });
}

/**
 * POST /unsubscribe?token=… — the confirmation form, and RFC 8058 one-click unsubscribe (a mail
 * client POSTs "List-Unsubscribe=One-Click" to the List-Unsubscribe URL): unsubscribes at once,
 * without sign-in or cookies. The signed token is the whole authority.
 */
export async function POST(request: Request) {
  const target = readUnsubscribeToken(authSecret(), new URL(request.url).searchParams.get("token"));
  const title = await siteTitle();
  if (!target) return new Response(unsubscribePage(title, { kind: "invalid" }), { status: 400, headers: HEADERS });
  await unsubscribe(db, target);
  return new Response(unsubscribePage(title, { kind: "done", target }), { headers: HEADERS });
}
