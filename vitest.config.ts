import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

const root = fileURLToPath(new URL(".", import.meta.url));

export default defineConfig({
  resolve: {
    alias: [
      { find: /^@\//, replacement: `${root}` },
      { find: /^server-only$/, replacement: fileURLToPath(new URL("./tests/support/empty.ts", import.meta.url)) },
    ],
  },
  test: {
    include: ["tests/unit/**/*.test.ts", "tests/integration/**/*.test.ts"],
    environment: "node",
    pool: "forks",
    testTimeout: 30_000,
    // The app has no fallback secret (lib/env.ts authSecret); tests sign with this one.
    env: { AUTH_SECRET: "vitest-auth-secret-0123456789abcdef" },
    // A file's beforeAll builds its database (PostgreSQL: create, migrate, seed a thread of a
    // hundred comments); on a loaded CI machine that outlasts the 10 s default.
    hookTimeout: 60_000,
  },
});
