import { NextResponse, type NextRequest } from "next/server";
import { isViewerRequest } from "@/lib/auth/viewer";
import {
  PRIVATE_CACHE_CONTROL,
  PUBLIC_CACHE_CONTROL,
  SHARED_PAGE_CSP,
  isHtmlReadingPage,
  SEARCH_PATH,
  readingPageKeys,
} from "@/lib/cache/http";

/**
 * Says how HTTP caches may keep a reading page (lib/cache/http.ts): the copy an anonymous reader
 * gets is shared (`public`, with its surrogate keys in `Cache-Tag`); a viewer's own copy
 * (lib/auth/viewer.ts) is `private`. The page itself is the same route for both.
 */
export function proxy(request: NextRequest) {
  const response = NextResponse.next();
  const { pathname, searchParams } = request.nextUrl;
  const viewer = isViewerRequest({ cookieNames: request.cookies.getAll().map((c) => c.name), searchParams });
  const keys = readingPageKeys(pathname);
  // An anonymous reader's pages run no script, whatever the method: a form they post from one
  // (a guest's comment with a mistake in it, its preview) is answered with that page again, and
  // with React loaded its hydration would overwrite what they type into the kept fields.
  if (!viewer && (pathname === SEARCH_PATH || (keys !== null && isHtmlReadingPage(pathname))))
    response.headers.set("Content-Security-Policy", SHARED_PAGE_CSP);
  if (request.method !== "GET" && request.method !== "HEAD") return response;
  if (pathname === SEARCH_PATH) {
    // Per query and per moment: never kept by a shared cache (docs/decisions/021-search.md).
    response.headers.set("Cache-Control", PRIVATE_CACHE_CONTROL);
    return response;
  }
  if (keys === null) return response;
  if (viewer) {
    response.headers.set("Cache-Control", PRIVATE_CACHE_CONTROL);
    return response;
  }
  response.headers.set("Cache-Control", PUBLIC_CACHE_CONTROL);
  response.headers.set("Cache-Tag", keys.join(" "));
  return response;
}

export const config = {
  matcher: ["/", "/page/:path*", "/posts/:path*", "/tags/:path*", "/authors/:path*", "/feed.xml", "/sitemap.xml", "/search"],
};
