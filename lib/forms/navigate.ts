import "server-only";
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import type { FormState } from "./state";

/**
 * Ends an action that changed who is signed in. Reading pages differ for anonymous and
 * signed-in readers (proxy.ts picks the twin per request), so the next page must be a real
 * request, not a client-side transition rendered inside the action:
 * - without JavaScript the form post gets an ordinary 303 redirect;
 * - with JavaScript (the request carries `Next-Action`) the form receives `redirectTo` and the
 *   client does a full page load (components/ui/use-hard-redirect.ts).
 */
export async function navigateFresh(url: string): Promise<FormState> {
  if ((await headers()).has("next-action")) return { ok: true, redirectTo: url };
  redirect(url);
}
