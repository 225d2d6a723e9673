import { describe } from "vitest";
import { freshPostgresDatabase, postgresAvailable } from "../support/postgres";
import { threadViewerTests } from "./scenarios/thread-viewer";

// The thread-viewer scenario (tests/integration/scenarios/thread-viewer.ts) on PostgreSQL: the
// pending branches of the thread's SQL (a guest's held ids, a signed-in writer's own comments)
// compare an enum status, integer ids and text user ids there.
const available = await postgresAvailable("the thread viewer tests on it");

describe.skipIf(!available)("readThreadPage and commentPermalink for a viewer, on PostgreSQL", () =>
  threadViewerTests(() => freshPostgresDatabase("hearth_viewer")),
);
