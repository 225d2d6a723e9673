import { z } from "zod";
import { keyId, lineText, multilineText, text } from "../forms/schema";
import { COMMON_PASSWORDS } from "./common-passwords";

export const PASSWORD_MIN = 10;
/** Bounded so hashing cannot be used to burn CPU. */
export const PASSWORD_MAX = 200;

/** Why a password is refused, or null when it is acceptable. */
export function passwordProblem(password: string, context: { email?: string; name?: string } = {}): string | null {
  if (password.length < PASSWORD_MIN) return `Use at least ${PASSWORD_MIN} characters.`;
  if (password.length > PASSWORD_MAX) return `Use at most ${PASSWORD_MAX} characters.`;
  const lower = password.toLowerCase();
  if (COMMON_PASSWORDS.has(lower) || /^(.)\1+$/u.test(password)) {
    return "This password is too common. Choose something harder to guess.";
  }
  const local = context.email?.split("@")[0]?.toLowerCase();
  if ((local && local.length >= 4 && lower === local) || (context.email && lower === context.email.toLowerCase())) {
    return "Don’t use your e-mail address as your password.";
  }
  return null;
}

export const EmailSchema = text("Enter your e-mail address.")
  .trim()
  .toLowerCase()
  .min(1, { error: "Enter your e-mail address." })
  .max(254, { error: "That e-mail address is too long." })
  .pipe(z.email({ error: "Enter a valid e-mail address, like name@example.com." }));

export const NameSchema = lineText("Enter your name.")
  .trim()
  .min(1, { error: "Enter your name." })
  .max(100, { error: "Use at most 100 characters." });

export const SignUpSchema = z
  .object({
    name: NameSchema,
    email: EmailSchema,
    password: text("Choose a password."),
  })
  .superRefine((v, ctx) => {
    const problem = passwordProblem(v.password, { email: v.email, name: v.name });
    if (problem) ctx.addIssue({ code: "custom", path: ["password"], message: problem });
  });

export const SignInSchema = z.object({
  email: EmailSchema,
  password: text("Enter your password.")
    .min(1, { error: "Enter your password." })
    .max(PASSWORD_MAX, { error: "Wrong e-mail or password." }),
});

export const MagicLinkSchema = z.object({ email: EmailSchema });

export const ProfileSchema = z.object({
  name: NameSchema,
  bio: multilineText().trim().max(500, { error: "Keep your bio under 500 characters." }).default(""),
});

export const PasswordChangeSchema = z
  .object({
    currentPassword: text().max(PASSWORD_MAX, { error: "That is not your current password." }).default(""),
    newPassword: text("Choose a new password."),
    confirmPassword: text("Repeat the new password."),
  })
  .superRefine((v, ctx) => {
    const problem = passwordProblem(v.newPassword);
    if (problem) ctx.addIssue({ code: "custom", path: ["newPassword"], message: problem });
    else if (v.newPassword !== v.confirmPassword)
      ctx.addIssue({ code: "custom", path: ["confirmPassword"], message: "The two passwords don’t match." });
  });

export const RoleSchema = z.enum(["READER", "AUTHOR", "ADMIN"], { error: "Choose a role." });

/** An admin's role change: whose account (its id, from the form) and the new role. */
export const RoleChangeSchema = z.object({ userId: keyId("That account no longer exists."), role: RoleSchema });

/** Field errors as the forms show them: the first message per field. */
export function fieldErrors(error: z.ZodError): Record<string, string> {
  const out: Record<string, string> = {};
  for (const issue of error.issues) {
    const key = String(issue.path[0] ?? "form");
    if (!(key in out)) out[key] = issue.message;
  }
  return out;
}
