import { MIME_BY_EXT } from "@/lib/uploads/images";
import { readUpload } from "@/lib/uploads/store";
import { httpKeys } from "@/lib/cache/http";

export const dynamic = "force-dynamic";

/** Serves uploaded images from .data/uploads with their real type; anything else is 404. */
export async function GET(_request: Request, { params }: { params: Promise<{ path: string[] }> }) {
  const parts = (await params).path;
  if (parts.length !== 2) return new Response("Not found", { status: 404 });
  const [kind = "", name = ""] = parts;
  const body = await readUpload(kind, name);
  if (!body) return new Response("Not found", { status: 404 });
  const ext = name.split(".").pop() ?? "";
  return new Response(new Uint8Array(body), {
    headers: {
      "Content-Type": MIME_BY_EXT[ext] ?? "application/octet-stream",
      "Content-Length": String(body.length),
      // Names are random and never reused; a deleted file is purged from HTTP caches by its key.
      "Cache-Control": "public, max-age=31536000, immutable",
      "Cache-Tag": httpKeys.upload(kind, name),
      "X-Content-Type-Options": "nosniff",
      "Content-Security-Policy": "default-src 'none'; sandbox",
    },
  });
}
