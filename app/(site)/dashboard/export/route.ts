import { can } from "@/lib/auth/permissions";
import { getCurrentUser } from "@/lib/auth/session";
import { db } from "@/lib/db/client";
import { buildSiteExport } from "@/lib/export/site";
import { writeTarGz } from "@/lib/export/tar";

export const dynamic = "force-dynamic";

/** The whole site as a .tar.gz (posts as Markdown with front matter, comments.json): admins only. */
export async function GET(): Promise<Response> {
  const user = await getCurrentUser();
  if (!user) return new Response("Sign in as an admin to export the site.", { status: 401, headers: { "Cache-Control": "no-store" } });
  if (!can(user, "settings:update")) return new Response("Only an admin can export the site.", { status: 403, headers: { "Cache-Control": "no-store" } });
  const archive = writeTarGz(await buildSiteExport(db));
  const day = new Date().toISOString().slice(0, 10);
  return new Response(new Uint8Array(archive), {
    headers: {
      "Content-Type": "application/gzip",
      "Content-Disposition": `attachment; filename="hearth-export-${day}.tar.gz"`,
      "Cache-Control": "private, no-store",
    },
  });
}
