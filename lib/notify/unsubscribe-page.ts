import { escapeHtml } from "../html/escape";
import type { UnsubscribeTarget } from "./tokens";

const WHAT: Record<UnsubscribeTarget["kind"], string> = {
  replies: "e-mails about replies to your comments",
  moderation: "e-mails about comments held for moderation on your essays",
};

/**
 * The unsubscribe page: a small self-contained HTML document (no script, no cookies needed),
 * asking to confirm with a plain POST form, or saying it is done, or that the link is broken.
 */
export function unsubscribePage(
  siteTitle: string,
  state:
    | { kind: "confirm"; target: UnsubscribeTarget; action: string }
    | { kind: "done"; target: UnsubscribeTarget }
    | { kind: "invalid" },
): string {
  let body: string;
  if (state.kind === "confirm") {
    body = `<h1>Stop ${escapeHtml(WHAT[state.target.kind])}?</h1>
<p>${escapeHtml(state.target.email)} will no longer get ${escapeHtml(WHAT[state.target.kind])} from ${escapeHtml(siteTitle)}.</p>
<form method="post" action="${escapeHtml(state.action)}"><input type="hidden" name="confirm" value="1"><button type="submit">Unsubscribe</button></form>`;
  } else if (state.kind === "done") {
    body = `<h1>Unsubscribed</h1>
<p>${escapeHtml(state.target.email)} will no longer get ${escapeHtml(WHAT[state.target.kind])} from ${escapeHtml(siteTitle)}.</p>
<p>Signed-in readers can turn them on again on their account page.</p>`;
  } else {
    body = `<h1>This unsubscribe link does not work</h1>
<p>It may have been cut short or changed. Open the link from the e-mail again, or change your e-mail settings on your account page.</p>`;
  }
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><meta name="robots" content="noindex"><title>Unsubscribe · ${escapeHtml(siteTitle)}</title>
<style>body{font-family:system-ui,sans-serif;max-width:36rem;margin:3rem auto;padding:0 1rem;line-height:1.5;color:#1c1917}button{padding:.6rem 1.2rem;border-radius:999px;border:0;background:#b45309;color:#fff;font-weight:600}</style></head>
<body>${body}<p><a href="/">${escapeHtml(siteTitle)}</a></p></body></html>`;
}
