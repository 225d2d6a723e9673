import { escapeHtml } from "../html/escape.mjs";
import { standalonePage } from "../html/standalone-page.mjs";
import type { UnsubscribeTarget } from "./tokens";

const WHAT: Record<UnsubscribeTarget["kind"], string> = {
  replies: "e-mails about replies to your comments",
  moderation: "e-mails about comments held for moderation on your essays",
};

/**
 * The unsubscribe page (lib/html/standalone-page.mjs: no script, no cookies needed),
 * asking to confirm with a plain POST form, or saying it is done, or that the link is broken.
 */
export function unsubscribePage(
  siteTitle: string,
  state:
    | { kind: "confirm"; target: UnsubscribeTarget; action: string }
    | { kind: "done"; target: UnsubscribeTarget }
    | { kind: "invalid" },
): string {
  const site = `<p><a href="/">${escapeHtml(siteTitle)}</a></p>`;
  const title = `Unsubscribe · ${siteTitle}`;
  if (state.kind === "invalid") {
    return standalonePage({
      title,
      heading: "This unsubscribe link does not work",
      body: `<p>It may have been cut short or changed. Open the link from the e-mail again, or change your e-mail settings on your account page.</p>
${site}`,
    });
  }
  const what = WHAT[state.target.kind];
  const stops = `<p>${escapeHtml(state.target.email)} will no longer get ${escapeHtml(what)} from ${escapeHtml(siteTitle)}.</p>`;
  if (state.kind === "confirm") {
    return standalonePage({
      title,
      heading: `Stop ${what}?`,
      body: `${stops}
<form method="post" action="${escapeHtml(state.action)}"><input type="hidden" name="confirm" value="1"><button type="submit">Unsubscribe</button></form>
${site}`,
    });
  }
  return standalonePage({
    title,
    heading: "Unsubscribed",
    body: `${stops}
<p>Signed-in readers can turn them on again on their account page.</p>
${site}`,
  });
}
