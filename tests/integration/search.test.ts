import { describe } from "vitest";
import { freshDatabase } from "../support/test-db";
import { searchTests } from "./scenarios/search";

// Search on SQLite (FTS5 tables kept in step by triggers); search-postgres.test.ts runs the same
// scenario on PostgreSQL.
describe("search on SQLite", () => searchTests(freshDatabase));
