import "server-only";
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import type { FormState } from "./state";

/**
 * Ends an action with a full load of `url`: the next page is a real request, rendered after the
 * action's writes and cache expiries (a changed sign-in, a comment's permalink), not a
 * client-side transition rendered inside the action:
 * - without JavaScript the form post gets an ordinary 303 redirect;
 * - with JavaScript (the request carries `Next-Action`) the form receives `redirectTo`, and
 *   useFormAction (components/ui/use-form-action.ts) loads it the moment the action answers.
 */
export async function navigateFresh(url: string): Promise<FormState> {
  if ((await headers()).has("next-action")) return { ok: true, redirectTo: url };
  redirect(url);
}
