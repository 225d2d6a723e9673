/** What a form's server action returns: field errors, a message, and what the user typed. */
export interface FormState {
  ok?: boolean;
  /** A message for the whole form (shown at its top, announced to screen readers). */
  message?: string;
  /** HTTP-like status of the outcome (e.g. 429 when rate-limited, 403 when forbidden). */
  status?: number;
  /** One message per field name. */
  errors?: Record<string, string>;
  /** What the user typed (never passwords), so the form comes back filled in. */
  values?: Record<string, string>;
  /** Where the browser must go next with a full page load (see lib/forms/navigate.ts). */
  redirectTo?: string;
}

export const initialFormState: FormState = {};

/** The submitted text fields of a form, minus secrets and framework fields. */
export function formValues(
  formData: FormData,
  omit: readonly string[] = ["password", "currentPassword", "newPassword", "confirmPassword"],
): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, value] of formData.entries()) {
    if (typeof value !== "string" || key.startsWith("$ACTION") || omit.includes(key)) continue;
    out[key] = value.slice(0, 20_000);
  }
  return out;
}
