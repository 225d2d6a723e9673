/**
 * Who is a "viewer": the one definition of a request whose reading page is its own (rendered for
 * it, never shared) rather than the page every anonymous reader gets. proxy.ts marks the answer
 * `private` or publicly cacheable by it; the session reader (./session-token.ts) and the guest
 * cookies (lib/comments/viewer.ts) take their cookie names from here; deploy/varnish/hearth.vcl
 * passes the same cookies (tests/unit/stack-vcl.test.ts holds it to this list). Pure, so it is
 * unit-tested and runs anywhere.
 */

/** Auth.js session cookies (plain, and with the prefix Auth.js uses on https). A large session
 * is split by Auth.js into `<name>.0`, `<name>.1` …, which count as the same cookie. */
export const SESSION_COOKIE_NAMES = ["__Secure-authjs.session-token", "authjs.session-token"] as const;

/** A guest's remembered details (signed), and the ids of their comments awaiting moderation. */
export const COMMENTER_COOKIE = "hearth_commenter";
export const PENDING_COOKIE = "hearth_pending";
export const GUEST_COOKIE_NAMES = [COMMENTER_COOKIE, PENDING_COOKIE] as const;

/** Query parameters that ask for a page only this reader sees (reply and edit forms, an order). */
export const VIEWER_PARAMS = ["replyto", "edit", "order"] as const;

/** Whether a cookie name is the session cookie or one of its chunks. */
export function isSessionCookie(name: string): boolean {
  return SESSION_COOKIE_NAMES.some(
    (base) => name === base || (name.startsWith(`${base}.`) && /^\d+$/.test(name.slice(base.length + 1))),
  );
}

/** Whether a request gets a page of its own: a session, a guest's own cookies, or a viewer parameter. */
export function isViewerRequest(input: { cookieNames: Iterable<string>; searchParams: URLSearchParams }): boolean {
  for (const name of input.cookieNames) {
    if (isSessionCookie(name) || (GUEST_COOKIE_NAMES as readonly string[]).includes(name)) return true;
  }
  return VIEWER_PARAMS.some((p) => input.searchParams.has(p));
}
