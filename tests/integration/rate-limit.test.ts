import { describe } from "vitest";
import { freshDatabase } from "../support/test-db";
import { rateLimiterTests } from "./scenarios/rate-limit";

// The rate limiter on SQLite; rate-limit-postgres.test.ts runs the same scenario on PostgreSQL.
describe("RateLimiter on a freshly migrated SQLite database", () => rateLimiterTests(freshDatabase));
