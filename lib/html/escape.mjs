// @ts-check
// Plain JavaScript (with lib/html/escape.d.mts for TypeScript): the HTTP front's own pages
// (server/*.mjs, which Next.js does not compile) use it, and so does the app.

/**
 * Text and attribute values for HTML built as a string, escaped as React escapes them
 * (`" & ' < >`), so string-built markup matches what the components render.
 * @param {string} value
 * @returns {string}
 */
export function escapeHtml(value) {
  return value.replace(/["&'<>]/g, (c) =>
    c === '"' ? "&quot;" : c === "&" ? "&amp;" : c === "'" ? "&#x27;" : c === "<" ? "&lt;" : "&gt;",
  );
}
