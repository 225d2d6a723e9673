// @ts-check
// Upload and request size limits, in one place for everything that enforces them: the editor and
// the server action (lib/posts), Next's server-action body limit (next.config.ts) and the
// production server, which refuses larger requests before Next reads them (server.mjs).
// Plain JavaScript so server.mjs can import it; types in ./limits.d.mts.

/** The largest cover image an author may upload: 5 MB. */
export const COVER_MAX_BYTES = 5 * 1024 * 1024;

/**
 * The largest request body the server takes: a cover at its limit plus 1 MB for the rest of
 * the form (6 MB, what Next's "6mb" meant).
 */
export const REQUEST_BODY_MAX_BYTES = COVER_MAX_BYTES + 1024 * 1024;

/** Markdown import: files per request, size of each, and what the form sends in all (it must fit the request). */
export const IMPORT_MAX_FILES = 50;
export const IMPORT_FILE_MAX_BYTES = 1024 * 1024;
export const IMPORT_TOTAL_MAX_BYTES = 5 * 1024 * 1024;

/**
 * A size for people to read: "5 MB", "7.3 MB".
 * @param {number} bytes
 */
export function megabytes(bytes) {
  const mb = bytes / 1024 / 1024;
  return `${Number.isInteger(mb) ? mb : mb.toFixed(1)} MB`;
}
