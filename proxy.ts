import { NextResponse, type NextRequest } from "next/server";
import { SESSION_COOKIES, viewerRoute } from "@/lib/auth/viewer-routing";

/** Routes signed-in readers to the per-viewer pages; see lib/auth/viewer-routing.ts. */
export function proxy(request: NextRequest) {
  const signedIn = SESSION_COOKIES.some((name) => request.cookies.has(name));
  const route = viewerRoute(request.nextUrl.pathname, signedIn);
  if (route.kind === "pass") return NextResponse.next();
  const url = request.nextUrl.clone();
  url.pathname = route.pathname;
  return NextResponse.rewrite(url);
}

export const config = {
  matcher: ["/", "/page/:path*", "/posts/:path*", "/tags/:path*", "/authors/:path*"],
};
