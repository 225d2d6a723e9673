// @ts-check
// Plain JavaScript (with lib/html/standalone-page.d.mts for TypeScript), for the same reason as
// ./escape.mjs: the HTTP front answers some requests with these pages before Next.js sees them.
import { escapeHtml } from "./escape.mjs";

/**
 * The policy every standalone page is sent with: it loads nothing, runs nothing, and its forms
 * post to this site only.
 */
export const STANDALONE_PAGE_CSP = "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'; base-uri 'none'";

/**
 * A small complete page for answers that must not depend on anything that may be failing or
 * refused (the database, Next's client runtime, the site's stylesheet): a refusal, a 413, a 503,
 * the unsubscribe link's page. No script and no external resource; readable in light and dark.
 * @param {{ title?: string, heading: string, body: string }} page `heading` and `title` (the
 *   heading when not given) are text, escaped here; `body` is HTML, whose every value the caller
 *   has escaped.
 * @returns {string}
 */
export function standalonePage({ title, heading, body }) {
  title ??= heading;
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex">
<title>${escapeHtml(title)}</title>
<style>
:root { color-scheme: light dark; }
body { margin: 0; font: 16px/1.6 system-ui, sans-serif; background: #fafaf9; color: #1c1917; }
main { max-width: 36rem; margin: 4rem auto; padding: 0 1.25rem; }
h1 { font: 600 1.875rem/1.2 Georgia, serif; margin: 0 0 1rem; }
a { color: #92400e; }
button { font: inherit; font-weight: 600; padding: 0.6rem 1.2rem; border: 0; border-radius: 999px; background: #b45309; color: #fff; cursor: pointer; }
@media (prefers-color-scheme: dark) { body { background: #0c0a09; color: #e7e5e4; } a { color: #fbbf24; } }
</style>
</head>
<body>
<main>
<h1>${escapeHtml(heading)}</h1>
${body}
</main>
</body>
</html>
`;
}
