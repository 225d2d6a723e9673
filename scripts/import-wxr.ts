/**
 * `npm run import:wxr -- export.xml [--as admin@example.com]`: imports a WordPress export
 * (lib/wxr/import.ts) into the database of DATABASE_URL, printing progress. All or nothing;
 * running it again with the same file imports nothing twice. The posts' new authors are matched
 * or created from the file; the import runs as the given admin (default: the first admin).
 */
import { readFile } from "node:fs/promises";
import { db } from "../lib/db/client";
import { runCli } from "./lib/cli";
import { importWxr } from "../lib/wxr/import";

async function main(): Promise<number> {
  const args = process.argv.slice(2);
  const asIndex = args.indexOf("--as");
  const asEmail = asIndex >= 0 ? args[asIndex + 1] : undefined;
  const file = args.find((a, i) => !a.startsWith("--") && (asIndex < 0 || i !== asIndex + 1));
  if (!file) {
    console.error("Usage: npm run import:wxr -- <wordpress-export.xml> [--as admin@example.com]");
    return 2;
  }
  const admin = await db.user.findFirst({
    where: { role: "ADMIN", ...(asEmail ? { email: asEmail.toLowerCase() } : {}) },
    orderBy: { createdAt: "asc" },
    select: { id: true, role: true, email: true },
  });
  if (!admin) {
    console.error(asEmail ? `No admin with the e-mail ${asEmail}.` : "The site has no admin yet: create one first (npm run user:create).");
    return 1;
  }
  let xml: string;
  try {
    xml = await readFile(file, "utf8");
  } catch (error) {
    console.error(`Cannot read ${file}: ${error instanceof Error ? error.message : String(error)}`);
    return 1;
  }
  let last = "";
  const result = await importWxr(db, { id: admin.id, role: admin.role }, xml, {
    onProgress: (done, total, stage) => {
      const line = `${stage}: ${done}/${total} (${Math.floor((done / total) * 100)}%)`;
      if (line !== last) console.log(line);
      last = line;
    },
  });
  if ("forbidden" in result) {
    console.error("Only an admin can import.");
    return 1;
  }
  if (!result.ok) {
    console.error(`Nothing was imported; ${file} has problems:`);
    for (const e of result.errors) console.error(`  - ${e}`);
    return 1;
  }
  const r = result.report;
  console.log(
    `Imported ${r.postsCreated} posts (${r.postsAlreadyThere} were there already) and ${r.commentsCreated} comments (${r.commentsAlreadyThere} were there already).`,
  );
  if (r.authorsCreated.length) console.log(`New author accounts (no password, sign in by e-mail link): ${r.authorsCreated.join(", ")}`);
  if (r.authorsMatched.length) console.log(`Matched existing accounts: ${r.authorsMatched.join(", ")}`);
  for (const s of r.skipped) console.log(`Skipped ${s}`);
  for (const p of r.posts) console.log(`  ${p.type} ${p.wpId} → /posts/${p.slug}`);
  return 0;
}

runCli(main);
