import { describe } from "vitest";
import { freshDatabase } from "../support/test-db";
import { threadViewerTests } from "./scenarios/thread-viewer";

// A thread as each viewer sees it, on SQLite; thread-viewer-postgres.test.ts runs the same
// scenario on PostgreSQL.
describe("readThreadPage and commentPermalink for a viewer, on SQLite", () => threadViewerTests(freshDatabase));
