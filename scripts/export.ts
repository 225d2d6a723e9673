/**
 * `npm run export -- <out.tar.gz | out-dir>`: writes the whole site (lib/export/site.ts) as a
 * .tar.gz, or, given a directory, as files in it (posts/<slug>.md and comments.json).
 */
import { mkdir, stat, writeFile } from "node:fs/promises";
import path from "node:path";
import { db } from "../lib/db/client";
import { runCli } from "./lib/cli";
import { buildSiteExport } from "../lib/export/site";
import { writeTarGz } from "../lib/export/tar";

async function main(): Promise<number> {
  const target = process.argv[2];
  if (!target) {
    console.error("Usage: npm run export -- <out.tar.gz | out-directory>");
    return 2;
  }
  const entries = await buildSiteExport(db);
  const isDir = !/\.(tar\.gz|tgz)$/i.test(target) || (await stat(target).then((s) => s.isDirectory(), () => false));
  if (isDir) {
    for (const e of entries) {
      const file = path.join(target, e.name);
      await mkdir(path.dirname(file), { recursive: true });
      await writeFile(file, e.content);
    }
  } else {
    await mkdir(path.dirname(path.resolve(target)), { recursive: true });
    await writeFile(target, writeTarGz(entries));
  }
  console.log(`Exported ${entries.length - 1} posts and comments.json to ${target}`);
  return 0;
}

runCli(main);
