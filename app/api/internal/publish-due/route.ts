import { timingSafeEqual } from "node:crypto";
import { z } from "zod";
import { expireTags } from "@/lib/cache/revalidate";
import { scheduleToken } from "@/lib/posts/schedule";

export const dynamic = "force-dynamic";

const BodySchema = z.object({
  tags: z
    .array(
      z
        .string()
        .max(100)
        .regex(/^(posts|users|post:[A-Za-z0-9_-]+)$/),
    )
    .min(1)
    .max(10),
});

/**
 * Called by this server's own scheduling timers (lib/posts/schedule.ts) when a scheduled essay
 * is due, and by background WordPress imports when they are saved (lib/wxr/jobs.ts): cache tags can only be expired inside a request. Accepts only the token that exists in
 * this process's memory, so nothing outside the process can call it.
 */
export async function POST(request: Request) {
  const token = scheduleToken();
  const given = Buffer.from(request.headers.get("x-hearth-schedule") ?? "");
  if (!token || given.length !== token.length || !timingSafeEqual(given, Buffer.from(token))) {
    return Response.json({ ok: false }, { status: 404 });
  }
  const parsed = BodySchema.safeParse(await request.json().catch(() => null));
  if (!parsed.success) return Response.json({ ok: false }, { status: 400 });
  await expireTags(...parsed.data.tags);
  return Response.json({ ok: true });
}
