import { describe } from "vitest";
import { freshDatabase } from "../support/test-db";
import { commentOrderTests } from "./scenarios/comment-order";

// Comment order, paging and permalinks on SQLite; comment-order-postgres.test.ts runs the same
// scenario on PostgreSQL.
describe("comment order on SQLite", () => commentOrderTests(freshDatabase));
