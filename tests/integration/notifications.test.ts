import { describe } from "vitest";
import { freshDatabase } from "../support/test-db";
import { notificationTests } from "./scenarios/notifications";

// The notification outbox on SQLite; notifications-postgres.test.ts runs the same scenario on PostgreSQL.
describe("notification outbox on SQLite", () => notificationTests(freshDatabase));
