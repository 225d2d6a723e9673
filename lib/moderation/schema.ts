import { z } from "zod";
import { CommentBodySchema } from "../comments/schema";
import { MODERATION_OPS, QUEUE_STATUSES, type ModerationOp } from "./transitions";

/** At most this many comments in one bulk action (a page of the queue is 20). */
export const BULK_MAX = 200;

const CommentId = z.coerce.number({ error: "That is not a comment." }).int().positive({ error: "That is not a comment." });

/** The queue's query string: ?status=pending&page=2&post=<id>. Anything odd falls back to defaults. */
export const QueueParamsSchema = z.object({
  status: z
    .string()
    .transform((s) => s.toUpperCase())
    .pipe(z.enum(QUEUE_STATUSES))
    .catch("PENDING"),
  page: z.coerce.number().int().min(1).max(100_000).catch(1),
  post: z.string().trim().min(1).max(64).optional().catch(undefined),
});

const OpSchema = z.enum(MODERATION_OPS, { error: "Choose an action." });

/**
 * The queue form: either one comment's button (`op` = "approve:12") or the bulk Apply button
 * (`op` = "bulk", with `bulkAction` and the ticked `ids`).
 */
export const ModerateFormSchema = z
  .object({
    op: z.string().max(40),
    bulkAction: z.string().max(40).optional(),
    ids: z.array(z.string().max(20)).max(BULK_MAX, { error: `Select at most ${BULK_MAX} comments at a time.` }),
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
