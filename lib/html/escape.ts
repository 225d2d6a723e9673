/**
 * Text and attribute values for HTML built as a string, escaped as React escapes them
 * (`" & ' < >`), so string-built markup matches what the components render.
 */
export function escapeHtml(value: string): string {
  return value.replace(/["&'<>]/g, (c) =>
    c === '"' ? "&quot;" : c === "&" ? "&amp;" : c === "'" ? "&#x27;" : c === "<" ? "&lt;" : "&gt;",
  );
}
