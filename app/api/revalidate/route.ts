import { timingSafeEqual } from "node:crypto";
import { z } from "zod";
import { expireTags } from "@/lib/cache/revalidate";
import { tags as cacheTags } from "@/lib/cache/tags";
import { env } from "@/lib/env";

export const dynamic = "force-dynamic";

const BodySchema = z.object({
  tags: z
    .array(
      z
        .string()
        .regex(/^[a-z]+(:[A-Za-z0-9_-]+)?$/, { error: "Not a cache tag" })
        .max(256),
    )
    .min(1)
    .max(50)
    .default([cacheTags.posts]),
});

function authorized(header: string | null): boolean {
  const secret = env().REVALIDATE_SECRET;
  if (!secret || !header?.startsWith("Bearer ")) return false;
  const given = Buffer.from(header.slice("Bearer ".length));
  const expected = Buffer.from(secret);
  return given.length === expected.length && timingSafeEqual(given, expected);
}

/**
 * Drops cached pages after the database was changed outside the app (imports, scripts, tests).
 * Requires `Authorization: Bearer $REVALIDATE_SECRET`; disabled when the secret is unset.
 */
export async function POST(request: Request) {
  if (!authorized(request.headers.get("authorization"))) {
    return Response.json({ ok: false, error: "Unauthorized" }, { status: 401 });
  }
  // No body asks for the default tags; a body that is not JSON is refused, not read as none.
  const text = await request.text();
  let raw: unknown = {};
  if (text.trim() !== "") {
    try {
      raw = JSON.parse(text);
    } catch {
      return Response.json({ ok: false, error: 'The body is not JSON: send {"tags": ["posts"]}.' }, { status: 400 });
    }
  }
  const parsed = BodySchema.safeParse(raw);
  if (!parsed.success) return Response.json({ ok: false, error: z.prettifyError(parsed.error) }, { status: 400 });
  await expireTags(...parsed.data.tags);
  return Response.json({ ok: true, revalidated: parsed.data.tags });
}
