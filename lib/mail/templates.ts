function escapeHtml(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
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
  const html = `<!doctype html><html><body style="font-family:system-ui,sans-serif;line-height:1.5;color:#1c1917">
<p>Sign in to <strong>${escapeHtml(input.siteTitle)}</strong> (${escapeHtml(input.host)}):</p>
<p><a href="${escapeHtml(input.url)}" style="display:inline-block;padding:10px 18px;border-radius:999px;background:#b45309;color:#fff;text-decoration:none">Sign in</a></p>
<p style="font-size:14px;color:#57534e">Or paste this link into your browser:<br>${escapeHtml(input.url)}</p>
<p style="font-size:14px;color:#57534e">The link works once and expires in ${input.minutes} minutes. If you did not ask to sign in, ignore this e-mail.</p>
</body></html>`;
  return { subject, text, html };
}
