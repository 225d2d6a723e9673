/**
 * The suite's `test`: Playwright's, plus a `data` fixture (see ./data.ts) with one database
 * connection per worker.
 */
import { test as base, expect } from "@playwright/test";
import { openDb, TestData, type Db } from "./data";

export const test = base.extend<{ data: TestData }, { db: Db }>({
  db: [
    async ({}, use) => {
      const db = openDb();
      await use(db);
      await db.$disconnect();
    },
    { scope: "worker" },
  ],
  data: async ({ db, request }, use) => {
    await use(new TestData(db, request));
  },
});

export { expect };
