import { getCurrentUser } from "@/lib/auth/session";
import { db } from "@/lib/db/client";
import { guardRoute } from "@/lib/http/unavailable";
import { confirmEmail } from "@/lib/users/verification";

export const dynamic = "force-dynamic";

/**
 * GET /verify-email?token=… — the link in the confirmation e-mail. It confirms the address of
 * the account it was sent for, only while signed in to that account (otherwise: sign in first,
 * and come back here), then shows the account page with the outcome.
 */
export const GET = guardRoute(async function GET(request: Request) {
  const token = new URL(request.url).searchParams.get("token") ?? "";
  const here = `/verify-email?token=${encodeURIComponent(token)}`;
  const user = await getCurrentUser();
  if (!user) return redirectTo(`/signin?callbackUrl=${encodeURIComponent(here)}`);
  const result = await confirmEmail(db, token, user);
  return redirectTo(`/account?email=${result.ok ? "confirmed" : result.reason}`);
});

/** A relative Location, so the browser stays on the host it used. */
function redirectTo(location: string): Response {
  return new Response(null, { status: 303, headers: { Location: location, "Cache-Control": "no-store" } });
}
