import { z } from "zod";
import { CommentIdValue } from "../comments/schema";
import { cleanMultiline, text } from "../forms/schema";

/** Why a reader reports a comment (optional: a report may give no reason). */
export const REPORT_REASONS = ["spam", "abuse", "off-topic", "other"] as const;
export type ReportReason = (typeof REPORT_REASONS)[number];

export const REASON_LABEL: Readonly<Record<ReportReason | "", string>> = {
  spam: "Spam",
  abuse: "Abuse or harassment",
  "off-topic": "Off-topic",
  other: "Something else",
  "": "No reason given",
};

export const REPORT_NOTE_MAX = 500;

export const ALREADY_REPORTED = "You already reported this.";
export const REPORT_THANKS = "Thank you. A moderator will look at this comment.";

/** The report form: which comment, an optional reason, an optional note (≤ 500 characters). */
export const ReportSchema = z.object({
  commentId: CommentIdValue,
  reason: z
    .string({ error: "Choose one of the reasons." })
    .optional()
    .transform((v) => v ?? "")
    .pipe(z.enum([...REPORT_REASONS, ""], { error: "Choose one of the reasons." })),
  note: text("Write the note as text.")
    .optional()
    .transform((v) => cleanMultiline(v ?? "").trim())
    .pipe(z.string().max(REPORT_NOTE_MAX, { error: `Keep the note under ${REPORT_NOTE_MAX} characters.` })),
});

/** The Reports tab's buttons: `op` = "<action>:<comment id>". */
export const REPORT_OPS = ["dismiss", "spam", "trash"] as const;
export type ReportOp = (typeof REPORT_OPS)[number];

export const REPORT_OP_LABEL: Readonly<Record<ReportOp, string>> = {
  dismiss: "Dismiss reports",
  spam: "Mark as spam",
  trash: "Move to trash",
};

export const ReportOpSchema = z
  .string({ error: "Unknown action." })
  .max(40, { error: "Unknown action." })
  .transform((v, ctx): { op: ReportOp; commentId: number } => {
    const parts = v.split(":");
    const op = z.enum(REPORT_OPS).safeParse(parts[0]);
    const id = CommentIdValue.safeParse(parts[1]);
    if (parts.length !== 2 || !op.success || !id.success) {
      ctx.addIssue({ code: "custom", message: "Unknown action." });
      return z.NEVER;
    }
    return { op: op.data, commentId: id.data };
  });

/** "2 reports dismissed." and the like: what the moderator reads after acting on reports. */
export function reportOutcome(op: ReportOp, resolved: number): string {
  const noun = resolved === 1 ? "1 report" : `${resolved} reports`;
  switch (op) {
    case "dismiss":
      return `${noun} dismissed; the comment stays as it is.`;
    case "spam":
      return `Comment marked as spam; ${noun} closed.`;
    case "trash":
      return `Comment moved to the trash; ${noun} closed.`;
  }
}
