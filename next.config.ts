import type { NextConfig } from "next";
import { REQUEST_BODY_MAX_BYTES } from "./lib/uploads/limits.mjs";

const nextConfig: NextConfig = {
  // Benchmarks and parallel test runs may build into their own folder.
  distDir: process.env.NEXT_DIST_DIR || ".next",
  // Shiki's grammars and the native SQLite driver load from node_modules at run time.
  serverExternalPackages: [
    "shiki",
    "rehype-pretty-code",
    "better-sqlite3",
    "@prisma/adapter-better-sqlite3",
    "pg",
    "@node-rs/argon2",
  ],
  poweredByHeader: false,
  // server.mjs compresses what it keeps once, not on every request; a front (Varnish, nginx)
  // compresses the rest.
  compress: false,
  // Metadata is rendered into <head> before the page is sent, for every reader, not streamed in
  // afterwards by script: anonymous readers run no JavaScript (lib/cache/http.ts), and a page that
  // is not found must answer 404 with its content in the first response (documented way to turn
  // streaming metadata off).
  htmlLimitedBots: /.*/,
  // The build checks the app; `npm run typecheck` checks tests and tools too.
  // `npm test` type-checks everything (tsc) before it builds: it sets HEARTH_TYPECHECKED=1 so the
  // build does not check the same files a second time.
  typescript: { tsconfigPath: "tsconfig.build.json", ignoreBuildErrors: process.env.HEARTH_TYPECHECKED === "1" },
  generateEtags: false,
  images: { unoptimized: true },
  // forbidden() answers 403 with app/forbidden.tsx.
  experimental: {
    authInterrupts: true,
    // 6 MB. server.mjs answers a larger request itself with a readable 413 page before Next
    // reads it; the limit here still holds for anything that reaches Next another way.
    serverActions: { bodySizeLimit: REQUEST_BODY_MAX_BYTES },
    // Cached query results stay in this process's memory, never on disk, where they would outlive
    // the process and the database it served (docs/decisions/017-http-caching.md).
    isrFlushToDisk: false,
  },
  async rewrites() {
    // The home page is page 1 of the essay listing.
    // Old WordPress addresses of imported posts (/?p=123, /?page_id=7, /2019/05/slug/) go to the
    // old-address page, which redirects to the post or answers 404 (lib/wxr/legacy.ts).
    return {
      beforeFiles: [
        { source: "/", has: [{ type: "query", key: "p", value: "(?<p>\\d{1,12})" }], destination: "/old-address/p/:p" },
        { source: "/", has: [{ type: "query", key: "page_id", value: "(?<id>\\d{1,12})" }], destination: "/old-address/page_id/:id" },
        { source: "/", destination: "/page/1" },
      ],
      // Only WordPress-shaped paths (date archives' posts, top-level page slugs), and only after
      // Hearth's own pages: /2019/05/slug, /2019/05/03/slug, /2019/slug, /about.
      afterFiles: [
        { source: "/:y(\\d{4})/:m(\\d{2})/:d(\\d{2})/:slug", destination: "/old-address/path/:y/:m/:d/:slug" },
        { source: "/:y(\\d{4})/:m(\\d{2})/:slug", destination: "/old-address/path/:y/:m/:slug" },
        { source: "/:y(\\d{4})/:slug", destination: "/old-address/path/:y/:slug" },
        { source: "/:slug([a-z0-9][a-z0-9_-]*)", destination: "/old-address/path/:slug" },
      ],
      fallback: [],
    };
  },
  async redirects() {
    return [{ source: "/page/1", destination: "/", permanent: true }];
  },
  async headers() {
    return [
      {
        source: "/:path*",
        headers: [
          { key: "X-Content-Type-Options", value: "nosniff" },
          { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
          { key: "X-Frame-Options", value: "SAMEORIGIN" },
        ],
      },
    ];
  },
};

export default nextConfig;
