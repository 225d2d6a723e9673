import { sameSitePath } from "@/lib/auth/callback-url";
import { unavailableResponse } from "@/lib/http/unavailable";

export const dynamic = "force-dynamic";

/**
 * GET /unavailable?back=/path — where a form posted without JavaScript is sent (303) when the
 * database could not take its write (lib/forms/storage.ts): a real 503 page with Retry-After and
 * a link back to the form's page (a path on this site only). Needs nothing that may be failing.
 */
export function GET(request: Request) {
  const back = sameSitePath(new URL(request.url).searchParams.get("back"));
  return unavailableResponse(request, back);
}
