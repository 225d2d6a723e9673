import { z } from "zod";

/**
 * What every form field and URL part goes through before its own rules: text as people type it,
 * ids as the app hands them out. See docs/decisions/016-malformed-input.md.
 *
 * Text: NUL and the other control characters are removed (nobody types them; PostgreSQL refuses
 * NUL in a text column while SQLite stores it, so keeping it would make the engines disagree).
 * Multi-line text keeps its line breaks (normalized to \n) and tabs; single-line text turns tabs
 * and line breaks into spaces (a browser's text input never sends a line break). Invalid UTF-8
 * has already become U+FFFD when the request was decoded: that is ordinary text and is kept.
 * Values with a format (e-mail, web address, slug, ids, tokens) are not cleaned: a control
 * character there fails the format, with that field's usual message.
 */

const CONTROL_EXCEPT_TAB_LF = /[\u0000-\u0008\u000B-\u001F\u007F]/g;
const CONTROL = /[\u0000-\u001F\u007F]/g;

/** Multi-line text with line breaks normalized to \n and other control characters (NUL…) removed. */
export function cleanMultiline(text: string): string {
  return text.replace(/\r\n?/g, "\n").replace(CONTROL_EXCEPT_TAB_LF, "");
}

/** Single-line text: tabs and line breaks become spaces, other control characters are removed. */
export function cleanLine(text: string): string {
  return text.replace(/\r\n|[\t\r\n]/g, " ").replace(CONTROL, "");
}

/** Whether text holds a control character other than tab and line breaks (never valid in a key or id). */
export function hasControlCharacters(text: string): boolean {
  return /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/.test(text);
}

/** What a text field says when a file was sent in its place (only a forged request does that). */
export const NOT_TEXT = "This field takes text, not a file.";

/**
 * The message of a text field that received no text: `missing` when it was absent, NOT_TEXT for
 * a file. Only for the type check: the field's own checks (length…) keep their messages.
 */
export function textError(missing?: string): z.core.$ZodErrorMap {
  return (issue) => {
    if (issue.code !== "invalid_type") return undefined;
    return issue.input instanceof Blob ? NOT_TEXT : missing;
  };
}

/** Text of a field that has a format (an e-mail, a slug): only its type message is set here. */
export const text = (missing?: string) => z.string({ error: textError(missing) });

/** A single-line text field (a name, a title), cleaned before its own checks. */
export const lineText = (missing?: string) => text(missing).overwrite(cleanLine);

/** A multi-line text field (a comment, a bio, an essay), cleaned before its own checks. */
export const multilineText = (missing?: string) => text(missing).overwrite(cleanMultiline);

/** The largest id of an integer primary key (PostgreSQL's `integer`; SQLite's is wider). */
export const INT_ID_MAX = 2_147_483_647;

/**
 * An integer id as a form field or URL carries it: decimal digits only (no sign, exponent, hex,
 * spaces or leading zero), within the database's integer range. Anything else is not an id, so
 * it never reaches a query.
 */
export const intId = (message: string) =>
  z
    .string({ error: message })
    .regex(/^[1-9][0-9]{0,9}$/, { error: message })
    .transform(Number)
    .pipe(z.number().max(INT_ID_MAX, { error: message }));

/** The integer id in `raw`, or null (for route segments and query strings). */
export function parseIntId(raw: unknown): number | null {
  const parsed = intId("not an id").safeParse(raw);
  return parsed.success ? parsed.data : null;
}

/** A generated string id (a cuid): letters and digits, a few dashes or underscores at most. */
export const KEY_ID = /^[A-Za-z0-9_-]{1,64}$/;

/** A string id as a form field carries it (a post's or an account's), or `message`. */
export const keyId = (message: string) => z.string({ error: message }).regex(KEY_ID, { error: message });
