import { rmSync } from "node:fs";
import { databaseUrl, engineOf, sqlitePath } from "../lib/db/url";
import { migrate } from "../lib/db/migrate";
import { createDb } from "../lib/db/client";
import { seedDemo } from "../prisma/seed";

// `npm run db:reset`: start over with a fresh, migrated and seeded SQLite database.
const url = databaseUrl();
if (engineOf(url) !== "sqlite") {
  console.error("db:reset only deletes SQLite databases. For PostgreSQL, drop and recreate the database, then run db:migrate.");
  process.exit(1);
}
const file = sqlitePath(url);
for (const suffix of ["", "-wal", "-shm", "-journal"]) rmSync(file + suffix, { force: true });
await migrate(url);
const db = createDb(url);
try {
  const s = await seedDemo(db);
  console.log(`Reset ${file}: ${s.users} users, ${s.posts} posts, ${s.comments} comments.`);
} finally {
  await db.$disconnect();
}
