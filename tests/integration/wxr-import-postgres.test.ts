import { afterAll, beforeAll, describe } from "vitest";
import { postgresAvailable, scratchDatabase } from "../support/postgres";
import { migrate } from "../../lib/db/migrate";
import { createDb, type Db } from "../../lib/db/client";
import { wxrImportCases } from "../support/wxr-cases";

// The same cases as wxr-import.test.ts, on PostgreSQL (skipped locally when none answers).
const scratch = scratchDatabase("hearth_wxr");
const available = await postgresAvailable("the WordPress import test on it");

describe.skipIf(!available)("WordPress import on PostgreSQL", () => {
  let db: Db;
  beforeAll(async () => {
    await scratch.create();
    await migrate(scratch.url);
    db = createDb(scratch.url);
  });
  afterAll(async () => {
    await db?.$disconnect();
    await scratch.drop();
  });
  wxrImportCases(() => db);
});
