import { describe } from "vitest";
import { freshDatabase } from "../support/test-db";
import { trustTests } from "./scenarios/trust";

// Trust tools (reports, blocks, the audit log, likes, edit history) on SQLite;
// trust-postgres.test.ts runs the same scenario on PostgreSQL.
describe("trust tools on SQLite", () => trustTests(freshDatabase));
