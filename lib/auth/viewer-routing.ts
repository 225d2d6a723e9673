/**
 * Anonymous readers get cached pages that are identical for everyone; signed-in readers get the
 * same pages rendered for them (their header, later their likes and pending comments). The
 * proxy routes a request with a session cookie to the per-viewer twin of a reading page, under
 * /v. Pure, so it is unit-tested.
 */

/** Auth.js session cookies (plain and __Secure- on https). */
export const SESSION_COOKIES = ["authjs.session-token", "__Secure-authjs.session-token"] as const;

/** Guests' own cookies (remembered details, their pending comments): their pages are theirs. */
export const GUEST_COOKIES = ["hearth_commenter", "hearth_pending"] as const;

/** Query parameters that ask for a page only this reader sees (reply/edit forms, an order). */
export const VIEWER_PARAMS = ["replyto", "edit", "order"] as const;

/** Whether a request must get the per-viewer twin of a reading page. */
export function wantsViewerPage(input: { cookieNames: readonly string[]; searchParams: URLSearchParams }): boolean {
  const cookies = new Set(input.cookieNames);
  return (
    SESSION_COOKIES.some((c) => cookies.has(c)) ||
    GUEST_COOKIES.some((c) => cookies.has(c)) ||
    VIEWER_PARAMS.some((p) => input.searchParams.has(p))
  );
}

const READING_ROUTE = /^\/(?:$|page\/[^/]+\/?$|posts\/[^/]+(?:\/comment-page\/[^/]+)?\/?$|tags\/[^/]+\/?$|authors\/[^/]+\/?$)/;

export type ViewerRoute = { kind: "pass" } | { kind: "rewrite"; pathname: string };

/**
 * Where a request for `pathname` goes, given whether it carries a session cookie. The twins
 * under /v are reachable directly too (Next runs the proxy again for the rewritten path), which
 * is harmless: they render for whoever asks, are never cached and name the public URL as
 * canonical.
 */
export function viewerRoute(pathname: string, signedIn: boolean): ViewerRoute {
  if (!signedIn || !READING_ROUTE.test(pathname)) return { kind: "pass" };
  return { kind: "rewrite", pathname: pathname === "/" ? "/v/page/1" : `/v${pathname}` };
}
