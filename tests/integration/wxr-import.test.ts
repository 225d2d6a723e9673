import { afterAll, beforeAll, describe } from "vitest";
import { freshDatabase, type FreshDatabase } from "../support/test-db";
import { wxrImportCases } from "../support/wxr-cases";

describe("WordPress import on SQLite", () => {
  let fresh: FreshDatabase;
  beforeAll(async () => {
    fresh = await freshDatabase();
  });
  afterAll(async () => {
    await fresh?.cleanup();
  });
  wxrImportCases(() => fresh.db);
});
