import { NextResponse } from "next/server";
import { commentPermalink } from "@/lib/comments/queries";

export const dynamic = "force-dynamic";

/** Short permalink /comments/<id>: to the comment page that shows it, scrolled to it. */
export async function GET(request: Request, { params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const permalink = /^\d{1,12}$/.test(id) ? await commentPermalink(Number(id)) : null;
  if (!permalink) return new NextResponse("Not found", { status: 404 });
  return NextResponse.redirect(new URL(permalink, request.url), 307);
}
