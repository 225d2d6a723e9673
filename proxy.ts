import { NextResponse, type NextRequest } from "next/server";
import { viewerRoute, wantsViewerPage } from "@/lib/auth/viewer-routing";

/** Routes readers with a session (or their own guest cookies) to per-viewer pages; see lib/auth/viewer-routing.ts. */
export function proxy(request: NextRequest) {
  const personal = wantsViewerPage({
    cookieNames: request.cookies.getAll().map((c) => c.name),
    searchParams: request.nextUrl.searchParams,
  });
  const route = viewerRoute(request.nextUrl.pathname, personal);
  if (route.kind === "pass") return NextResponse.next();
  const url = request.nextUrl.clone();
  url.pathname = route.pathname;
  return NextResponse.rewrite(url);
}

export const config = {
  matcher: ["/", "/page/:path*", "/posts/:path*", "/tags/:path*", "/authors/:path*"],
};
