import { describe } from "vitest";
import { freshPostgresDatabase, postgresAvailable } from "../support/postgres";
import { rateLimiterTests } from "./scenarios/rate-limit";

// The rate limiter (tests/integration/scenarios/rate-limit.ts) on PostgreSQL, where hitAll counts
// and reads the previous windows in one statement.
const available = await postgresAvailable("the rate limiter tests on it");

describe.skipIf(!available)("RateLimiter on PostgreSQL", () => rateLimiterTests(() => freshPostgresDatabase("hearth_limits")));
