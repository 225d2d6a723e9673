import { z } from "zod";
import { lineText, multilineText, text } from "../forms/schema";
import type { SiteSettings } from "./defaults";

/** Longest word list (characters), so a pasted dictionary cannot slow every comment down. */
export const WORD_LIST_MAX = 10_000;

/** The bounds of each numeric setting: the schema enforces them, the form shows them. */
export const SETTING_RANGES = {
  commentsPerPage: [1, 200],
  threadDepth: [2, 10],
  editWindowMinutes: [0, 1440],
  floodPerMinute: [1, 100],
  floodPerHour: [1, 1000],
  likesPerMinute: [1, 1000],
  likesPerHour: [1, 10000],
  holdLinkCount: [0, 50],
  autoCloseDays: [1, 3650],
} as const satisfies Partial<Record<keyof SiteSettings, readonly [min: number, max: number]>>;

export type NumericSetting = keyof typeof SETTING_RANGES;

/** A whole number typed in a form field, between `min` and `max`, with messages a person reads. */
function wholeNumber([min, max]: readonly [number, number]) {
  const range = `Enter a whole number from ${min} to ${max}.`;
  return text(range)
    .trim()
    .min(1, { error: range })
    .regex(/^-?\d{1,9}$/, { error: range })
    .transform(Number)
    .pipe(z.number().int().min(min, { error: range }).max(max, { error: range }));
}

/** A checkbox: present ("on") when ticked, absent otherwise. */
const checkbox = z
  .unknown()
  .optional()
  .transform((v) => v === "on" || v === "true" || v === "1");

/** A word list: one entry per line; line endings normalized, trailing spaces dropped. */
const wordList = multilineText()
  .default("")
  .transform((s) =>
    s
      .split("\n")
      .map((line) => line.trim())
      .join("\n")
      .trim(),
  )
  .pipe(z.string().max(WORD_LIST_MAX, { error: `Keep the list under ${WORD_LIST_MAX.toLocaleString("en-US")} characters.` }));

/** The site settings form (/dashboard/settings), field by field. */
export const SettingsSchema = z
  .object({
    siteTitle: lineText("Give the site a title.")
      .trim()
      .min(1, { error: "Give the site a title." })
      .max(80, { error: "Use at most 80 characters." }),
    siteDescription: lineText().trim().max(300, { error: "Use at most 300 characters." }).default(""),
    commentsPerPage: wholeNumber(SETTING_RANGES.commentsPerPage),
    threadDepth: wholeNumber(SETTING_RANGES.threadDepth),
    commentOrder: z.enum(["oldest", "newest", "likes"], { error: "Choose an order." }),
    editWindowMinutes: wholeNumber(SETTING_RANGES.editWindowMinutes),
    floodPerMinute: wholeNumber(SETTING_RANGES.floodPerMinute),
    floodPerHour: wholeNumber(SETTING_RANGES.floodPerHour),
    likesPerMinute: wholeNumber(SETTING_RANGES.likesPerMinute),
    likesPerHour: wholeNumber(SETTING_RANGES.likesPerHour),
    holdLinkCount: wholeNumber(SETTING_RANGES.holdLinkCount),
    holdWords: wordList,
    blockWords: wordList,
    autoCloseEnabled: checkbox,
    autoCloseDays: wholeNumber(SETTING_RANGES.autoCloseDays),
    gravatarEnabled: checkbox,
    trustProxy: checkbox,
  })
  .superRefine((v, ctx) => {
    if (v.floodPerHour < v.floodPerMinute) {
      ctx.addIssue({
        code: "custom",
        path: ["floodPerHour"],
        message: "The hourly limit cannot be lower than the limit per minute.",
      });
    }
    if (v.likesPerHour < v.likesPerMinute) {
      ctx.addIssue({
        code: "custom",
        path: ["likesPerHour"],
        message: "The hourly limit cannot be lower than the limit per minute.",
      });
    }
  }) satisfies z.ZodType<SiteSettings, unknown>;

export type SettingsInput = z.infer<typeof SettingsSchema>;

/** The form's field names, in order (what the action reads from FormData): the schema's keys. */
const SETTINGS_FIELDS = Object.keys(SettingsSchema.shape) as (keyof SiteSettings)[];

/** Reads the settings form into the object SettingsSchema parses (absent fields as undefined). */
export function settingsFormInput(formData: FormData): Record<string, FormDataEntryValue | undefined> {
  const out: Record<string, FormDataEntryValue | undefined> = {};
  // A file where text belongs is passed on, so its field says so (not read as left empty).
  for (const name of SETTINGS_FIELDS) out[name] = formData.get(name) ?? undefined;
  return out;
}
