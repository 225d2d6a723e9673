import { z } from "zod";
import { CommentBodySchema, CommentIdValue } from "../comments/schema";
import { KEY_ID, keyId } from "../forms/schema";
import { MODERATION_OPS, QUEUE_STATUSES, type ModerationOp } from "./transitions";

/** At most this many comments in one bulk action (a page of the queue is 20). */
export const BULK_MAX = 200;

const CommentId = CommentIdValue;

/** The queue's query string: ?status=pending&page=2&post=<id>. Anything odd falls back to defaults. */
export const QueueParamsSchema = z.object({
  status: z
    .string()
    .transform((s) => s.toUpperCase())
    .pipe(z.enum(QUEUE_STATUSES))
    .catch("PENDING"),
  page: z
    .string()
    .regex(/^[1-9][0-9]{0,5}$/)
    .transform(Number)
    .catch(1),
  post: z.string().trim().regex(KEY_ID).optional().catch(undefined),
});

const OpSchema = z.enum(MODERATION_OPS, { error: "Choose an action." });

/**
 * The queue form: either one comment's button (`op` = "approve:12") or the bulk Apply button
 * (`op` = "bulk", with `bulkAction` and the ticked `ids`).
 */
export const ModerateFormSchema = z
  .object({
    // The pressed button and the bulk menu: anything else than their values is not an action.
    op: z.string({ error: "Unknown action." }).max(40, { error: "Unknown action." }),
    bulkAction: z.string({ error: "Choose an action to apply." }).max(40, { error: "Choose an action to apply." }).optional(),
    ids: z.array(z.string()).max(BULK_MAX, { error: `Select at most ${BULK_MAX} comments at a time.` }),
  })
  .transform((v, ctx): { op: ModerationOp; ids: number[] } => {
    if (v.op === "bulk") {
      const op = OpSchema.safeParse(v.bulkAction ?? "");
      if (!op.success) {
        ctx.addIssue({ code: "custom", path: ["bulkAction"], message: "Choose an action to apply." });
        return z.NEVER;
      }
      const ids = v.ids.map((id) => CommentId.safeParse(id));
      if (ids.some((r) => !r.success)) {
        ctx.addIssue({ code: "custom", path: ["ids"], message: "That is not a comment." });
        return z.NEVER;
      }
      if (ids.length === 0) {
        ctx.addIssue({ code: "custom", path: ["ids"], message: "Select at least one comment." });
        return z.NEVER;
      }
      return { op: op.data, ids: ids.map((r) => r.data as number) };
    }
    const [name, rawId] = v.op.split(":");
    const op = OpSchema.safeParse(name);
    const id = CommentId.safeParse(rawId);
    if (!op.success || !id.success) {
      ctx.addIssue({ code: "custom", path: ["op"], message: "Unknown action." });
      return z.NEVER;
    }
    return { op: op.data, ids: [id.data] };
  });

export const ModeratorEditSchema = z.object({ commentId: CommentId, body: CommentBodySchema });
export const ModeratorReplySchema = z.object({ commentId: CommentId, body: CommentBodySchema });

/** A moderator's "Remove" button next to one person's like. */
export const RemoveLikeSchema = z.object({ commentId: CommentId, userId: keyId("That is not a like.") });
