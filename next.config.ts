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
    // Rendered pages stay in memory (and in server.mjs's front cache); writing each render's HTML
    // and payload to disk as well cost a 10,000-comment page ~10 ms (docs/decisions/013-render-cost.md).
    isrFlushToDisk: false,
  },
  async rewrites() {
    // The home page is page 1 of the essay listing, a cached (ISR) route that is rendered on
    // first visit rather than at build time, so building never needs the database.
    return { beforeFiles: [{ source: "/", destination: "/page/1" }], afterFiles: [], fallback: [] };
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
