import { z } from "zod";
import { cleanMultiline, intId, keyId, lineText, text } from "../forms/schema";
import { EmailSchema } from "../users/schema";

export const COMMENT_MAX = 10_000;

export const CommentBodySchema = text("Write a comment first.")
  .transform((s) => cleanMultiline(s).trim())
  .pipe(
    z
      .string()
      .min(1, { error: "Write a comment first." })
      .max(COMMENT_MAX, { error: `Keep it under ${COMMENT_MAX.toLocaleString("en-US")} characters.` }),
  );

/** A comment id from a form or a URL (strictly digits, in the database's range). */
export const CommentIdValue = intId("That is not a comment.");

/** The comment a reply answers: none ("" or absent) or a comment id. */
const PARENT_GONE = "The comment you are replying to is no longer available.";
const parentIdSchema = z
  .string({ error: PARENT_GONE })
  .optional()
  .transform((v) => v || undefined)
  .pipe(intId(PARENT_GONE).optional())
  .transform((v) => v ?? null);

export const GuestSchema = z.object({
  name: lineText("Enter your name.")
    .trim()
    .min(1, { error: "Enter your name." })
    .max(100, { error: "Use at most 100 characters." }),
  email: EmailSchema,
  url: lineText()
    .trim()
    .max(200, { error: "Use at most 200 characters." })
    .default("")
    // Add the https:// people leave out, but never to another scheme ("mailto:x@y", "javascript:…").
    .transform((v) => (v && !/^[a-z][a-z0-9+.-]*:(?!\d)/i.test(v) ? `https://${v}` : v))
    .pipe(
      z.union([
        z.literal(""),
        z.url({
          protocol: /^https?$/,
          hostname: z.regexes.domain,
          error: "Enter a web address starting with http:// or https://.",
        }),
      ]),
    ),
});

export const NewCommentSchema = z.object({
  postId: keyId("This essay is not open for comments."),
  parentId: parentIdSchema,
  body: CommentBodySchema,
});

export const EditCommentSchema = z.object({
  commentId: CommentIdValue,
  body: CommentBodySchema,
});

export const CommentIdSchema = z.object({ commentId: CommentIdValue });

/** The Like button's `like` field: "1" likes, "0" unlikes (a browser always sends one of them). */
export const LikeFieldSchema = z
  .enum(["1", "0"], { error: "Press Like or Unlike: this request asked for neither." })
  .transform((v) => v === "1");
