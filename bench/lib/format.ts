// How the benchmark prints its figures. 1 KB = 1,024 bytes.
import type { ClientJsResult } from "./client-js";
import type { CaseResult, Target } from "./load";
import type { LikesResult, PostCommentsResult, ReadWhilePostingResult, WriteFigures } from "./writes";

const int = new Intl.NumberFormat("en-US", { maximumFractionDigits: 0 });
const one = new Intl.NumberFormat("en-US", { minimumFractionDigits: 1, maximumFractionDigits: 1 });

export const kb = (bytes: number) => `${one.format(bytes / 1024)} KB`;

/** Milliseconds: whole numbers from 10 ms up, one decimal below. */
export const ms = (value: number) => `${value >= 10 ? int.format(value) : one.format(value).replace(/\.0$/, "")} ms`;

export function describeTarget(target: Target | null): string {
  if (!target) return "";
  const parts: string[] = [];
  if (target.minRps !== undefined) parts.push(`≥${target.minRps} req/s`);
  if (target.maxP99Ms !== undefined) parts.push(`p99<${target.maxP99Ms} ms`);
  return parts.join(", ");
}

export function caseLine(r: CaseResult): string {
  const gz = r.gzipBytes !== null ? `${kb(r.gzipBytes)} gz` : `${kb(r.gzip9Bytes)} gz-9, server sent it uncompressed`;
  const target = r.target ? `target ${describeTarget(r.target)}: ${r.pass ? "PASS" : "FAIL"}` : "(no target)";
  const problems =
    r.non2xx + r.errors + r.timeouts > 0 ? `  !! ${r.non2xx} non-2xx, ${r.errors} errors, ${r.timeouts} timeouts` : "";
  return (
    [
      r.name.padEnd(12),
      r.mode.padEnd(11),
      `${int.format(r.rps).padStart(6)} req/s`,
      `p50 ${ms(r.p50Ms).padStart(6)}`,
      `p99 ${ms(r.p99Ms).padStart(6)}`,
      `${kb(r.htmlBytes).padStart(9)} html (${gz})`,
      target,
    ].join("  ") + problems
  );
}

export function clientJsLine(c: ClientJsResult, who = "an essay reader"): string {
  const verdict = c.pass ? "PASS" : "FAIL";
  return (
    `client JS for ${who}: ${kb(c.gzipBytes)} gzipped (target ≤ ${kb(c.targetGzipBytes).replace(".0 KB", " KB")}): ${verdict}` +
    ` — ${c.files.filter((f) => !f.noModule).length} files, ${kb(c.rawBytes)} raw, ${kb(c.brotliBytes)} brotli;` +
    ` plus ${kb(c.inlineScriptBytes)} inline script in the HTML (${kb(c.inlineScriptGzipBytes)} gz)`
  );
}

export interface RenderResult {
  name: string;
  path: string;
  runs: number;
  medianMs: number;
  minMs: number;
  maxMs: number;
  medianTtfbMs: number;
  /** Time to last byte of the same page served from Next's cache, right after each render. */
  cachedMedianMs: number;
  samplesMs: number[];
  cacheHeaders: (string | null)[];
}

export function renderLine(r: RenderResult, targetMs?: number): string {
  const target = targetMs === undefined ? "" : `  target < ${targetMs} ms: ${r.medianMs < targetMs ? "PASS" : "FAIL"}`;
  return (
    `server render of ${r.name} (first comment page, uncached): median ${ms(r.medianMs)}` +
    ` (${r.runs} runs, ${ms(r.minMs)}–${ms(r.maxMs)}; first byte ${ms(r.medianTtfbMs)}; cached: ${ms(r.cachedMedianMs)})` +
    target
  );
}

const problemsOf = (problems: readonly string[]) => (problems.length > 0 ? `  !! ${problems.join("; ")}` : "");

function writeFigures(r: WriteFigures, unit: string): string[] {
  return [`${int.format(r.rate).padStart(6)} ${unit}`, `p50 ${ms(r.p50Ms).padStart(6)}`, `p99 ${ms(r.p99Ms).padStart(6)}`];
}

export function postCommentsLine(r: PostCommentsResult): string {
  const statuses = Object.entries(r.db.byStatus)
    .map(([status, n]) => `${int.format(n)} ${status}`)
    .join(", ");
  return (
    [
      r.name.padEnd(12),
      r.mode.padEnd(11),
      ...writeFigures(r, "posts/s"),
      `${int.format(r.ok)} guest posts answered 303 (slowest second ${int.format(r.slowestSecond)})`,
      `DB: ${int.format(r.db.newComments)} new comments${statuses ? ` (${statuses})` : ""}`,
      `target ≥${r.target.minRate} posts/s: ${r.pass ? "PASS" : "FAIL"}`,
    ].join("  ") + problemsOf(r.problems)
  );
}

export function likesLine(r: LikesResult): string {
  const consistent =
    r.db.inconsistentCount === 0
      ? `likeCount = likes on all ${int.format(r.db.commentsChecked)} comments`
      : `likeCount ≠ likes on ${int.format(r.db.inconsistentCount)} of ${int.format(r.db.commentsChecked)} comments`;
  return (
    [
      r.name.padEnd(12),
      r.mode.padEnd(11),
      ...writeFigures(r, "likes/s"),
      `${int.format(r.ok)} answered 303: ${int.format(r.likes)} likes + ${int.format(r.unlikes)} unlikes by ${r.users} readers on ${int.format(r.comments)} comments (slowest second ${int.format(r.slowestSecond)})`,
      `DB: ${consistent}`,
      `target ≥${r.target.minRate} likes/s: ${r.pass ? "PASS" : "FAIL"}`,
    ].join("  ") + problemsOf(r.problems)
  );
}

export function readWhilePostingLine(r: ReadWhilePostingResult): string {
  const p = r.posting;
  return (
    caseLine(r.read) +
    ` — meanwhile ${int.format(p.ok)} comments posted (${p.ratePerS}/s, signed in, approved: DB +${int.format(p.db.newApproved)};` +
    (p.skipped > 0 ? ` ${int.format(p.skipped)} not sent: ${p.maxInFlight} posts were waiting;` : "") +
    ` POST p50 ${ms(p.p50Ms)}, p99 ${ms(p.p99Ms)})` +
    // caseLine already flags the reads' problems.
    problemsOf(r.problems.filter((problem) => !problem.startsWith("reads:")))
  );
}

export const median = (values: readonly number[]): number => {
  const sorted = [...values].sort((a, b) => a - b);
  if (sorted.length === 0) return Number.NaN;
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? (sorted[mid] ?? Number.NaN) : ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2;
};
