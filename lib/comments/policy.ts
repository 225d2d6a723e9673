/**
 * Pure rules for comments: who may post where, which comments are held, when editing ends.
 * The actions apply them; unit tests pin them down.
 */

export type CommentStatusValue = "PENDING" | "APPROVED" | "SPAM" | "TRASH" | "DELETED";

export interface ModerationSettings {
  holdLinkCount: number;
  holdWords: string;
  blockWords: string;
}

/**
 * Word lists (hold-for-review, blocked) as admins type them in the settings: one entry per line
 * (commas separate entries too), blank lines ignored, case-insensitive. Both the list and the
 * texts are compared in Unicode NFC form, so "café" typed with a combining accent still matches.
 */
export function parseWordList(list: string): string[] {
  return list
    .normalize("NFC")
    .split(/[\n,]/)
    .map((w) => w.trim().toLowerCase())
    // An entry made of wildcards alone would match every comment: it is ignored.
    .filter((w) => w.length > 0 && w.replace(/\*/g, "").trim().length > 0);
}

/** Letters, digits and combining marks (accents, vowel signs) belong to a word. */
const WORD_CHAR = "[\\p{L}\\p{M}\\p{N}]";

/**
 * Whether an entry is matched anywhere inside the text rather than as a whole word: entries
 * that look like a domain, an e-mail address or a URL (they contain ".", "@" or "/"), so
 * "casino.example" also catches "www.casino.example" and "jane@casino.example".
 */
export function isSubstringEntry(entry: string): boolean {
  return /[.@/]/.test(entry);
}

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/**
 * The regular expression for one (normalized) list entry:
 * - a word or phrase matches as a whole word: "cat" matches "a cat sat", not "concatenate";
 * - an entry containing ".", "@" or "/" matches as a substring;
 * - "*" stands for any run of word characters ("casino*" matches "casinos"; "*bet" matches
 *   "sportsbet") — in substring entries, for any run of characters other than spaces.
 */
export function wordListPattern(entry: string): RegExp {
  const substring = isSubstringEntry(entry);
  const star = substring ? "\\S*" : `${WORD_CHAR}*`;
  const body = entry.split("*").map(escapeRegExp).join(star);
  if (substring) return new RegExp(body, "u");
  return new RegExp(`(?<!${WORD_CHAR})${body}(?!${WORD_CHAR})`, "u");
}

/**
 * The first listed entry (in list order, as listed, lowercased) found in any of the texts, or
 * null. Texts are the comment's body, the writer's name, e-mail and website.
 */
export function findListedWord(list: string, texts: readonly (string | null | undefined)[]): string | null {
  const words = parseWordList(list);
  if (words.length === 0) return null;
  const haystack = texts.filter(Boolean).join("\n").normalize("NFC").toLowerCase();
  if (!haystack) return null;
  for (const w of words) {
    if (wordListPattern(w).test(haystack)) return w;
  }
  return null;
}

export interface StatusInput {
  settings: ModerationSettings;
  /** Links in the rendered comment. */
  linkCount: number;
  /** A signed-in reader (in good standing), or a guest. */
  signedIn: boolean;
  /** Post author, admin: their own conversation. */
  trusted: boolean;
  /** For guests: an earlier comment with this e-mail was approved. */
  guestPreviouslyApproved: boolean;
  /** The honeypot was filled in or the form came back faster than a person types. */
  looksAutomated: boolean;
  /** Body, name, e-mail and website: what the word lists look at. */
  texts: readonly (string | null | undefined)[];
}

/** The status a new comment starts with, and why (for moderators). */
export function initialStatus(input: StatusInput): { status: CommentStatusValue; reason: string } {
  if (input.looksAutomated) return { status: "SPAM", reason: "automated submission" };
  const blocked = findListedWord(input.settings.blockWords, input.texts);
  if (blocked) return { status: "TRASH", reason: `blocked word “${blocked}”` };
  if (input.trusted) return { status: "APPROVED", reason: "post author or admin" };
  const held = findListedWord(input.settings.holdWords, input.texts);
  if (held) return { status: "PENDING", reason: `held word “${held}”` };
  if (input.settings.holdLinkCount > 0 && input.linkCount >= input.settings.holdLinkCount) {
    return { status: "PENDING", reason: `${input.linkCount} links` };
  }
  if (!input.signedIn && !input.guestPreviouslyApproved) return { status: "PENDING", reason: "first comment from this e-mail" };
  return { status: "APPROVED", reason: input.signedIn ? "signed-in reader" : "previously approved e-mail" };
}

/**
 * Where a writer's edit moves their comment: the rules a new comment meets, applied to the new
 * text (the writer is signed in, so only the word lists and the link count can hold it). A
 * blocked word sends it to the Trash; a held word or too many links back to Pending; null
 * leaves its status alone. Moderators' edits are not judged.
 */
export function statusAfterEdit(input: {
  settings: ModerationSettings;
  linkCount: number;
  texts: readonly (string | null | undefined)[];
}): { status: "PENDING" | "TRASH"; reason: string } | null {
  const decision = initialStatus({
    ...input,
    signedIn: true,
    trusted: false,
    guestPreviouslyApproved: false,
    looksAutomated: false,
  });
  return decision.status === "PENDING" || decision.status === "TRASH" ? { status: decision.status, reason: decision.reason } : null;
}

/** Comments are closed on a post by its switch, or automatically some days after publication. */
export function commentsClosed(
  post: { commentsOpen: boolean; publishedAt: Date | string | null },
  settings: { autoCloseEnabled: boolean; autoCloseDays: number },
  now: Date = new Date(),
): boolean {
  if (!post.commentsOpen) return true;
  if (!settings.autoCloseEnabled || !post.publishedAt) return false;
  const closesAt = new Date(post.publishedAt).getTime() + settings.autoCloseDays * 86_400_000;
  return now.getTime() >= closesAt;
}

/** Whether a writer may still edit their comment (moderators are not bound by the window). */
export function withinEditWindow(createdAt: Date | string, editWindowMinutes: number, now: Date = new Date()): boolean {
  return now.getTime() - new Date(createdAt).getTime() <= editWindowMinutes * 60_000;
}

/** The least time a person needs to write a comment; faster forms are bots. */
export const MIN_FILL_MS = 3_000;
/** A form older than this is stale (and its timestamp no longer proves anything). */
export const MAX_FORM_AGE_MS = 24 * 60 * 60_000;
