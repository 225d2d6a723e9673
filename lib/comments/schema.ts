import { z } from "zod";
import { EmailSchema } from "../users/schema";

export const COMMENT_MAX = 10_000;

export const CommentBodySchema = z
  .string({ error: "Write a comment first." })
  .transform((s) => s.replace(/\r\n?/g, "\n").trim())
  .pipe(
    z
      .string()
      .min(1, { error: "Write a comment first." })
      .max(COMMENT_MAX, { error: `Keep it under ${COMMENT_MAX.toLocaleString("en-US")} characters.` }),
  );

const optionalId = z
  .union([z.literal(""), z.coerce.number().int().positive()])
  .optional()
  .transform((v) => (typeof v === "number" ? v : null));

export const GuestSchema = z.object({
  name: z
    .string({ error: "Enter your name." })
    .trim()
    .min(1, { error: "Enter your name." })
    .max(100, { error: "Use at most 100 characters." }),
  email: EmailSchema,
  url: z
    .string()
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
  postId: z.string().min(1).max(64),
  parentId: optionalId,
  body: CommentBodySchema,
});

export const EditCommentSchema = z.object({
  commentId: z.coerce.number().int().positive(),
  body: CommentBodySchema,
});

export const CommentIdSchema = z.object({ commentId: z.coerce.number().int().positive() });
