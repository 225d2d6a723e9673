import { unstable_rethrow } from "next/navigation";
import { sameSitePath } from "../auth/callback-url";
import { isStorageUnavailable } from "../db/unavailable";
import { escapeHtml } from "../html/escape.mjs";
import { STANDALONE_PAGE_CSP, standalonePage } from "../html/standalone-page.mjs";

/**
 * What a reader is told when a write failed because the database cannot take it (read-only,
 * disk full, unreachable: lib/db/unavailable.ts), and the 503 answers that carry it
 * (docs/decisions/015-storage-failures.md).
 */
export const UNAVAILABLE_MESSAGE = "Hearth can’t save changes right now, so nothing was saved. Please try again in a minute.";

/** Seconds a client is asked to wait (Retry-After) before trying again. */
export const RETRY_AFTER_SECONDS = 60;

/** The page a form without JavaScript is sent to (a 303) when its write failed that way. */
export const UNAVAILABLE_PATH = "/unavailable";

/** The address of the 503 page, with a link back to `back` (a path on this site). */
export function unavailableUrl(back: string): string {
  return `${UNAVAILABLE_PATH}?back=${encodeURIComponent(sameSitePath(back))}`;
}

const headersOf = (extra: Record<string, string> = {}) => ({
  "Cache-Control": "no-store",
  "Retry-After": String(RETRY_AFTER_SECONDS),
  ...extra,
});

/**
 * The 503 page: what happened, that nothing was saved, a link back. Complete HTML with no
 * script and no external resource (it must not need the database, Next's client runtime or
 * anything else that may be failing), readable in light and dark.
 */
export function unavailablePage(back: string): string {
  return standalonePage({
    heading: "Can’t save right now",
    body: `<p role="alert">${escapeHtml(UNAVAILABLE_MESSAGE)}</p>
<p>The site’s storage is not taking changes just now.</p>
<p><a href="${escapeHtml(sameSitePath(back))}">Back to the page</a> <small>(your browser’s Back button may still have your text)</small></p>`,
  });
}

/** The 503 answer: the page above, or JSON when the request asked for JSON. */
export function unavailableResponse(request: Request, back: string = backFromReferer(request.headers)): Response {
  if ((request.headers.get("accept") ?? "").includes("application/json")) {
    return Response.json({ ok: false, status: 503, message: UNAVAILABLE_MESSAGE }, { status: 503, headers: headersOf() });
  }
  return new Response(unavailablePage(back), {
    status: 503,
    headers: headersOf({
      "Content-Type": "text/html; charset=utf-8",
      "Content-Security-Policy": STANDALONE_PAGE_CSP,
    }),
  });
}

/**
 * The page a request came from (its Referer) when that is a page of this site, else `fallback`.
 * Only the path is kept, so the link never leaves the site.
 */
export function backFromReferer(headers: Headers, fallback = "/"): string {
  const referer = headers.get("referer");
  if (!referer) return fallback;
  try {
    const from = new URL(referer);
    const hosts = [headers.get("x-forwarded-host")?.split(",")[0]?.trim(), headers.get("host")]
      .filter((h): h is string => Boolean(h))
      .map((h) => h.toLowerCase());
    if ((from.protocol !== "http:" && from.protocol !== "https:") || !hosts.includes(from.host.toLowerCase())) return fallback;
    return sameSitePath(`${from.pathname}${from.search}`, fallback);
  } catch {
    return fallback;
  }
}

/** One line for the server log: which storage failure a request met (no stack, no SQL). */
export function logStorageFailure(where: string, error: unknown): void {
  const seen = new Set<unknown>();
  let e: unknown = error;
  let detail = "";
  while (e && typeof e === "object" && !seen.has(e) && !detail) {
    seen.add(e);
    const { code, message } = e as { code?: unknown; message?: unknown };
    if (typeof code === "string") detail = `${code}${typeof message === "string" ? `: ${message.trim().split("\n").pop()}` : ""}`;
    e = (e as { cause?: { err?: unknown } }).cause?.err ?? (e as { cause?: unknown }).cause;
  }
  console.error(`Storage unavailable in ${where}; answered 503 (${detail || String(error)}).`);
}

/**
 * A route handler that answers 503 (lib/http/unavailable.ts) instead of a 500 when the database
 * cannot take its write. Next's own control-flow errors (redirect, notFound…) pass through.
 */
export function guardRoute<Req extends Request, A extends unknown[]>(
  handler: (request: Req, ...rest: A) => Promise<Response>,
): (request: Req, ...rest: A) => Promise<Response> {
  return async (request, ...rest) => {
    try {
      return await handler(request, ...rest);
    } catch (error) {
      unstable_rethrow(error);
      if (!isStorageUnavailable(error)) throw error;
      logStorageFailure(`${request.method} ${new URL(request.url).pathname}`, error);
      return unavailableResponse(request);
    }
  };
}
