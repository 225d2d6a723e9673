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
  const cookieNames = request.cookies.getAll().map((c) => c.name);
  if (request.method === "POST") {
    // A form an anonymous reader posted from a shared page (it has no JavaScript: a guest's
    // comment with a mistake in it, its preview) is answered with that page again, which must be
    // as script-free as the page it came from: with React loaded, hydration would overwrite what
    // the reader types into the kept fields before it finishes.
    if (readingPageKeys(pathname) !== null && isHtmlReadingPage(pathname) && !isViewerRequest({ cookieNames, searchParams }))
      response.headers.set("Content-Security-Policy", SHARED_PAGE_CSP);
    return response;
  }
  if (request.method !== "GET" && request.method !== "HEAD") return response;
  if (pathname === SEARCH_PATH) {
    // Per query and per moment: never kept by a shared cache (docs/decisions/021-search.md).
    response.headers.set("Cache-Control", PRIVATE_CACHE_CONTROL);
    if (!isViewerRequest({ cookieNames, searchParams })) response.headers.set("Content-Security-Policy", SHARED_PAGE_CSP);
    return response;
  }
  const keys = readingPageKeys(pathname);
  if (keys === null) return response;
  if (isViewerRequest({ cookieNames, searchParams })) {
    response.headers.set("Cache-Control", PRIVATE_CACHE_CONTROL);
    return response;
  }
  response.headers.set("Cache-Control", PUBLIC_CACHE_CONTROL);
  response.headers.set("Cache-Tag", keys.join(" "));
  if (isHtmlReadingPage(pathname)) response.headers.set("Content-Security-Policy", SHARED_PAGE_CSP);
  return response;
}

export const config = {
  matcher: ["/", "/page/:path*", "/posts/:path*", "/tags/:path*", "/authors/:path*", "/feed.xml", "/sitemap.xml", "/search"],
};
