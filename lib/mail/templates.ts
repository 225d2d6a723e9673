import { escapeHtml } from "../html/escape.mjs";

/** The shared frame of Hearth's e-mails: a call to action as a button, then smaller print. */
function htmlMail(lead: string, button: { url: string; label: string }, notes: string[]): string {
  const small = 'style="font-size:14px;color:#57534e"';
  return `<!doctype html><html><body style="font-family:system-ui,sans-serif;line-height:1.5;color:#1c1917">
<p>${lead}</p>
<p><a href="${escapeHtml(button.url)}" style="display:inline-block;padding:10px 18px;border-radius:999px;background:#b45309;color:#fff;text-decoration:none">${escapeHtml(button.label)}</a></p>
<p ${small}>Or paste this link into your browser:<br>${escapeHtml(button.url)}</p>
${notes.map((n) => `<p ${small}>${escapeHtml(n)}</p>`).join("\n")}
</body></html>`;
}

/** The magic-link e-mail: a plain-text part (with the bare link) and a simple HTML part. */
export function magicLinkMail(input: { url: string; siteTitle: string; host: string; minutes: number }) {
  const subject = `Sign in to ${input.siteTitle}`;
  const text = [
    `Sign in to ${input.siteTitle} (${input.host}) by opening this link:`,
    "",
    input.url,
    "",
    `The link works once and expires in ${input.minutes} minutes.`,
    "If you did not ask to sign in, you can ignore this e-mail.",
  ].join("\n");
  const html = htmlMail(
    `Sign in to <strong>${escapeHtml(input.siteTitle)}</strong> (${escapeHtml(input.host)}):`,
    { url: input.url, label: "Sign in" },
    [`The link works once and expires in ${input.minutes} minutes. If you did not ask to sign in, ignore this e-mail.`],
  );
  return { subject, text, html };
}

/** Confirming the address of a new account (a password sign-up). */
export function verifyEmailMail(input: { url: string; siteTitle: string; host: string; name: string; hours: number }) {
  const subject = `Confirm your e-mail address for ${input.siteTitle}`;
  const text = [
    `Hello ${input.name},`,
    "",
    `Someone (we hope you) created an account on ${input.siteTitle} (${input.host}) with this e-mail address.`,
    "Open this link, signed in to that account, to confirm the address:",
    "",
    input.url,
    "",
    `The link works once and expires in ${input.hours} hours.`,
    "If you did not create this account, ignore this e-mail: nobody can comment as you with it.",
    `To take the account over, sign in to ${input.siteTitle} with a link sent to this address: the password someone chose is removed.`,
  ].join("\n");
  const html = htmlMail(
    `Someone (we hope you) created an account on <strong>${escapeHtml(input.siteTitle)}</strong> (${escapeHtml(input.host)}) with this e-mail address. Confirm it, signed in to that account:`,
    { url: input.url, label: "Confirm my address" },
    [
      `The link works once and expires in ${input.hours} hours.`,
      `If you did not create this account, ignore this e-mail: nobody can comment as you with it. To take the account over, sign in to ${input.siteTitle} with a link sent to this address: the password someone chose is removed.`,
    ],
  );
  return { subject, text, html };
}
