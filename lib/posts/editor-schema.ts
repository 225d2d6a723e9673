import { z } from "zod";
import { keyId, lineText, multilineText, text } from "../forms/schema";
import { isValidSlug, MAX_SLUG_LENGTH } from "./slug";

/** Longest essay we accept from the editor or an import (characters of Markdown). */
export const MAX_BODY_LENGTH = 200_000;
export const MAX_TITLE_LENGTH = 200;
export const MAX_EXCERPT_LENGTH = 500;
export const MAX_TAGS = 20;
export const MAX_TAG_LENGTH = 50;
/** Covers may be larger than avatars: at most 5 MB (lib/uploads/limits.mjs, shared with the server). */
export { COVER_MAX_BYTES } from "../uploads/limits.mjs";

/** A cover stored by lib/uploads (its public URL). */
export const COVER_URL = /^\/uploads\/covers\/[0-9a-f]{32}\.(png|jpg|gif|webp)$/;

export const SLUG_TAKEN_MESSAGE = "That address is already used by another post.";

/** "a, b ,, c" → ["a", "b", "c"], without repeats (case-insensitive). */
export function splitTags(raw: string): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const piece of raw.split(",")) {
    const name = piece.trim().replace(/\s+/g, " ");
    if (!name || seen.has(name.toLowerCase())) continue;
    seen.add(name.toLowerCase());
    out.push(name);
  }
  return out;
}

/** An essay's Markdown as the editor sends it (saved, previewed or autosaved). */
export const EssayBodySchema = multilineText().max(MAX_BODY_LENGTH, {
  error: `The essay is too long: at most ${MAX_BODY_LENGTH.toLocaleString("en-US")} characters.`,
});

/** A checkbox: ticked when sent as a browser sends it ("on"), or "1"/"true"; anything else is unticked. */
const checkbox = z
  .unknown()
  .optional()
  .transform((v) => v === "on" || v === "1" || v === "true");

/** The editor form, as the server reads it (every submit: save, autosave, preview, publish…). */
export const EditorSchema = z
  .object({
    id: text()
      .max(64, { error: "Not a post id." })
      .regex(/^[A-Za-z0-9_-]*$/, { error: "Not a post id." })
      .default(""),
    title: lineText("Give the essay a title.")
      .trim()
      .min(1, { error: "Give the essay a title." })
      .max(MAX_TITLE_LENGTH, { error: `At most ${MAX_TITLE_LENGTH} characters.` }),
    slug: text()
      .trim()
      .toLowerCase()
      .max(MAX_SLUG_LENGTH, { error: `At most ${MAX_SLUG_LENGTH} characters.` })
      .refine((s) => s === "" || isValidSlug(s), {
        error: "Use lowercase letters, digits and single hyphens (for example my-first-essay).",
      })
      .default(""),
    /** "1" while the slug is the one suggested from the title (it may then be made unique). */
    slugAuto: checkbox,
    bodyMarkdown: EssayBodySchema.default(""),
    excerpt: multilineText()
      .trim()
      .max(MAX_EXCERPT_LENGTH, { error: `At most ${MAX_EXCERPT_LENGTH} characters.` })
      .default(""),
    tags: lineText()
      .max(2_000, { error: "Too many tags." })
      .default("")
      .transform((raw) => splitTags(raw))
      .refine((list) => list.length <= MAX_TAGS, { error: `At most ${MAX_TAGS} tags.` })
      .refine((list) => list.every((t) => t.length <= MAX_TAG_LENGTH), {
        error: `A tag may have at most ${MAX_TAG_LENGTH} characters.`,
      })
      .refine((list) => list.every((t) => /[\p{L}\p{N}]/u.test(t)), { error: "A tag needs at least one letter or digit." }),
    coverImage: text()
      .default("")
      .refine((s) => s === "" || COVER_URL.test(s), { error: "Upload the image again." }),
    removeCover: checkbox,
    coverAlt: lineText().trim().max(300, { error: "At most 300 characters." }).default(""),
    commentsOpen: checkbox,
    showLikes: checkbox,
  })
  .transform((v) => ({ ...v, coverImage: v.removeCover ? "" : v.coverImage }));

export type EditorValues = z.output<typeof EditorSchema>;

/** Reads the editor fields out of a submitted form (files and buttons are handled apart). */
export function editorFields(formData: FormData): Record<string, FormDataEntryValue | undefined> {
  // A file where text belongs is passed on, so its field says so (not read as left empty).
  const get = (k: string) => formData.get(k) ?? undefined;
  return {
    id: get("id"),
    title: get("title") ?? "",
    slug: get("slug"),
    slugAuto: get("slugAuto"),
    bodyMarkdown: get("bodyMarkdown"),
    excerpt: get("excerpt"),
    tags: get("tags"),
    coverImage: get("coverImage"),
    removeCover: get("removeCover"),
    coverAlt: get("coverAlt"),
    commentsOpen: get("commentsOpen"),
    showLikes: get("showLikes"),
  };
}

/** The schedule fields: a datetime-local value and the browser's offset for it (minutes). */
export const ScheduleSchema = z.object({
  publishAt: text("Pick a date and time.")
    .trim()
    .min(1, { error: "Pick a date and time." })
    .max(40, { error: "That is not a date and time." }),
  tzOffset: text()
    .trim()
    .regex(/^-?\d{1,4}$/, { error: "Not a time-zone offset." })
    .optional()
    .or(z.literal("").transform(() => undefined)),
});

/** The delete form: which post, and the ticked confirmation. */
export const DeletePostSchema = z.object({
  id: keyId("This post no longer exists."),
  confirm: z.literal("on", { error: "Tick the box to confirm that the post and its comments go." }),
});
