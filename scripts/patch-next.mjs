// Mends one line of Next.js after install (run by `postinstall`): IncrementalCache.set measures
// every entry with `JSON.stringify(data).length`, although the figure is only used for fetch
// cache entries (their 2 MB limit). For a rendered page, `data` holds the page's React Server
// Components payload as a Buffer, which JSON.stringify turns into an array of numbers, one per
// byte: ~80 ms for the 10,000-comment essay, on every render. After the patch the size is
// measured only where it is used. See docs/decisions/013-render-cost.md.
//
// Idempotent; prints what it did. A Next.js file that still has the unpatched line after this
// runs makes `tests/unit/patch-next.test.ts` fail, so an upgrade that moves the line is noticed.
import { readdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const MARKER = "items over 2MB can not be cached";

/** Minified runtimes: `let i=JSON.stringify(t).length;if(r.fetchCache&&i>2097152` */
const MINIFIED = /\b([\w$]+)=JSON\.stringify\(([\w$]+)\)\.length;(\s*)if\(([\w$]+)\.fetchCache&&\1>2097152/g;
/** Readable sources: `const itemSize = JSON.stringify(data).length;\n if (ctx.fetchCache && itemSize > 2 * 1024 * 1024` */
const READABLE = /\b([\w$]+) = JSON\.stringify\(([\w$]+)\)\.length;(\s*)if \(([\w$]+)\.fetchCache && \1 > 2 \* 1024 \* 1024/g;

/** The source with the size measured only for fetch cache entries; `count` is how many places changed. */
export function patchSource(source) {
  let count = 0;
  const patched = source
    .replace(MINIFIED, (_m, size, data, space, ctx) => {
      count++;
      return `${size}=${ctx}.fetchCache?JSON.stringify(${data}).length:0;${space}if(${ctx}.fetchCache&&${size}>2097152`;
    })
    .replace(READABLE, (_m, size, data, space, ctx) => {
      count++;
      return `${size} = ${ctx}.fetchCache ? JSON.stringify(${data}).length : 0;${space}if (${ctx}.fetchCache && ${size} > 2 * 1024 * 1024`;
    });
  return { source: patched, count };
}

/** Whether a source still measures every entry (the unpatched line). */
export function needsPatch(source) {
  MINIFIED.lastIndex = 0;
  READABLE.lastIndex = 0;
  const found = MINIFIED.test(source) || READABLE.test(source);
  MINIFIED.lastIndex = 0;
  READABLE.lastIndex = 0;
  return found;
}

/** Every JavaScript file of Next's dist that has IncrementalCache.set. */
export function filesToPatch(nextDir) {
  const found = [];
  const walk = (dir) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (entry.name.endsWith(".js") && readFileSync(full, "utf8").includes(MARKER)) found.push(full);
    }
  };
  walk(path.join(nextDir, "dist"));
  return found;
}

function main() {
  const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
  const nextDir = path.join(root, "node_modules", "next");
  let patched = 0;
  let already = 0;
  const unknown = [];
  for (const file of filesToPatch(nextDir)) {
    const before = readFileSync(file, "utf8");
    const { source, count } = patchSource(before);
    if (count > 0) {
      writeFileSync(file, source);
      patched++;
    } else if (before.includes(".fetchCache?JSON.stringify(") || before.includes(".fetchCache ? JSON.stringify(")) already++;
    else unknown.push(path.relative(root, file));
  }
  console.log(`patch-next: IncrementalCache.set measures only fetch entries (${patched} files patched, ${already} already)`);
  if (unknown.length > 0) console.warn(`patch-next: the line was not found in ${unknown.join(", ")} (a new Next.js version?)`);
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) main();
