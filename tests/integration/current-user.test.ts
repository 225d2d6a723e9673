import { describe, vi } from "vitest";
import { freshDatabase } from "../support/test-db";
import { currentUserTests } from "./scenarios/current-user";

// getCurrentUser on SQLite; current-user-postgres.test.ts runs the same scenario on PostgreSQL.
// The request (its cookies) and Auth.js's entry point are replaced: see tests/support/session-request.ts.
vi.mock("next/headers", async () => (await import("../support/session-request")).nextHeadersModule);
vi.mock("next-auth", async () => (await import("../support/session-request")).nextAuthModule);

describe("getCurrentUser on SQLite", () => currentUserTests(freshDatabase));
