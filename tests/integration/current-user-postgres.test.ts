import { describe, vi } from "vitest";
import { freshPostgresDatabase, postgresAvailable } from "../support/postgres";
import { currentUserTests } from "./scenarios/current-user";

// The getCurrentUser scenario (tests/integration/scenarios/current-user.ts) on PostgreSQL, where
// its plain query returns a real boolean and a timestamp.
vi.mock("next/headers", async () => (await import("../support/session-request")).nextHeadersModule);
vi.mock("next-auth", async () => (await import("../support/session-request")).nextAuthModule);

const available = await postgresAvailable("the getCurrentUser tests on it");

describe.skipIf(!available)("getCurrentUser on PostgreSQL", () =>
  currentUserTests(() => freshPostgresDatabase("hearth_session")),
);
