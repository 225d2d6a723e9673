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

/** Words or phrases from a settings list: one per line or comma-separated, case-insensitive. */
export function parseWordList(list: string): string[] {
  return list
    .split(/[\n,]/)
    .map((w) => w.trim().toLowerCase())
    .filter((w) => w.length > 0);
}

/** The first listed word or phrase found in any of the texts (as a whole word), or null. */
export function findListedWord(list: string, texts: readonly (string | null | undefined)[]): string | null {
  const words = parseWordList(list);
  if (words.length === 0) return null;
  const haystack = texts.filter(Boolean).join("\n").toLowerCase();
  for (const w of words) {
    const escaped = w.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
    // Letters, digits and combining marks (accents, vowel signs) belong to a word.
    if (new RegExp(`(^|[^\\p{L}\\p{M}\\p{N}])${escaped}($|[^\\p{L}\\p{M}\\p{N}])`, "u").test(haystack)) return w;
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
