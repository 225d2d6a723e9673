import { createDb } from "../lib/db/client";

// Test-site settings (scripts/e2e-server.mjs): trust X-Forwarded-For so each end-to-end test
// can browse from its own made-up address and IP rate limits stay per test.
const db = createDb();
try {
  await db.settings.upsert({ where: { id: 1 }, update: { trustProxy: true }, create: { id: 1, trustProxy: true } });
} finally {
  await db.$disconnect();
}
