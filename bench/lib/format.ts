// How the benchmark prints its figures: one table, a row per measured line. 1 KB = 1,024 bytes.
import type { ClientJsResult } from "./client-js";
import type { PageComparison } from "./compare";
import type { LikesResult, PostCommentsResult, ReadWhilePostingResult, WarmUp, WriteFigures } from "./writes";
import type { WrkResult } from "./wrk";

const int = new Intl.NumberFormat("en-US", { maximumFractionDigits: 0 });
const one = new Intl.NumberFormat("en-US", { minimumFractionDigits: 1, maximumFractionDigits: 1 });
const two = new Intl.NumberFormat("en-US", { minimumFractionDigits: 2, maximumFractionDigits: 2 });

export const kb = (bytes: number) => `${one.format(bytes / 1024)} KB`;
export const bytes = (n: number) => `${int.format(n)} B`;

/** Milliseconds: whole numbers from 10 ms up, two decimals below 1 ms, one decimal between. */
export const ms = (value: number) =>
  !Number.isFinite(value)
    ? "–"
    : value >= 10
      ? `${int.format(value)} ms`
      : value < 1
        ? `${two.format(value)} ms`
        : `${one.format(value)} ms`;

export type Verdict = "PASS" | "FAIL" | "" | "NOT MEASURED" | "FAILED";

export interface Row {
  /** Where it was measured: "static nginx", "embedded", "front", "client JS"… */
  where: string;
  what: string;
  rate: string;
  p99: string;
  /** The server's rate as a share of the static twin's ("0.83 × nginx"). */
  ratio: string;
  target: string;
  verdict: Verdict;
  note: string;
}

const blank = { rate: "", p99: "", ratio: "", target: "", verdict: "" as Verdict, note: "" };

export function table(rows: readonly Row[]): string {
  const head: Row = {
    where: "where",
    what: "line",
    rate: "rate",
    p99: "p99",
    ratio: "vs nginx",
    target: "target",
    verdict: "",
    note: "",
  };
  const cols: (keyof Row)[] = ["where", "what", "rate", "p99", "ratio", "target", "verdict"];
  const right = new Set<keyof Row>(["rate", "p99", "ratio"]);
  const width = Object.fromEntries(cols.map((c) => [c, Math.max(...[head, ...rows].map((r) => r[c].length))])) as Record<
    keyof Row,
    number
  >;
  const line = (r: Row) =>
    (
      cols.map((c) => (right.has(c) ? r[c].padStart(width[c]) : r[c].padEnd(width[c]))).join("  ") + (r.note ? `  ${r.note}` : "")
    ).trimEnd();
  const rule = "-".repeat(
    Math.min(
      160,
      cols.reduce((n, c) => n + width[c] + 2, 0),
    ),
  );
  return [line(head), rule, ...rows.map(line)].join("\n");
}

const verdict = (pass: boolean | null | undefined): Verdict => (pass === true ? "PASS" : pass === false ? "FAIL" : "");
const problems = (list: readonly string[]) => (list.length > 0 ? `!! ${list.join("; ")}` : "");

export function wrkRow(where: string, what: string, r: WrkResult, extra: Partial<Row> = {}): Row {
  return { ...blank, where, what, rate: `${int.format(r.rps)} req/s`, p99: ms(r.p99Ms), ...extra };
}

/** Two rows: the static twin, then the server, with the ratio and the target. */
export function comparisonRows(c: PageComparison): Row[] {
  const t = c.target;
  const target = t
    ? `≥${two.format(t.minRatio)} × nginx${t.maxP99Ms !== undefined ? `, p99<${t.maxP99Ms} ms` : ""}`
    : "(for information)";
  const what = c.gzip ? `${c.name} gzip` : c.name;
  const body = c.gzip ? `${bytes(c.bodyBytes)} gzip body` : `${bytes(c.bodyBytes)} body`;
  const same = c.sameBytes ? `same ${body}` : `!! bytes differ`;
  // wrk's byte total over its responses: the body plus each side's headers, as sent.
  const wire = (r: WrkResult) => (r.requests > 0 ? `~${int.format(r.bytesRead / r.requests)} B/response read by wrk` : "");
  const file = c.gzip ? `${kb(c.bodyBytes)} .gz file (gzip_static)` : `${kb(c.bodyBytes)} file`;
  return [
    wrkRow("static nginx", `${what} (${c.server}'s bytes)`, c.nginx, {
      note: [file, wire(c.nginx)].filter(Boolean).join(", "),
    }),
    wrkRow(c.server, what, c.measured, {
      ratio: `${two.format(c.ratio)} ×`,
      target,
      verdict: verdict(c.pass),
      note: [same, wire(c.measured), `p50 ${ms(c.measured.p50Ms)}`, problems(c.problems)].filter(Boolean).join(", "),
    }),
  ];
}

function writeRow(
  where: string,
  r: WriteFigures & { warmup: WarmUp; target: { minRate: number }; pass: boolean; problems: string[] },
  what: string,
  unit: string,
  db: string,
): Row {
  return {
    ...blank,
    where,
    what,
    rate: `${int.format(r.rate)} ${unit}`,
    p99: ms(r.p99Ms),
    target: `≥${int.format(r.target.minRate)} ${unit}`,
    verdict: verdict(r.pass),
    note: [
      `${int.format(r.ok)} answered 303 (slowest second ${int.format(r.slowestSecond)})`,
      warmedUp(r.warmup, unit),
      `DB: ${db}`,
      problems(r.problems),
    ]
      .filter(Boolean)
      .join("; "),
  };
}

/** The warm-up before a write line's measured run, and its rate (shown, not measured against the target). */
function warmedUp(w: WarmUp, unit: string): string {
  return `after ${int.format(w.durationS)} s of warm-up at ${int.format(w.rate)} ${unit}`;
}

export function postCommentsRow(where: string, r: PostCommentsResult): Row {
  const statuses = Object.entries(r.db.byStatus)
    .map(([status, n]) => `${int.format(n)} ${status}`)
    .join(", ");
  return writeRow(
    where,
    r,
    "post-comment",
    "comments/s",
    `${int.format(r.db.newComments)} new comments${statuses ? ` (${statuses})` : ""}`,
  );
}

export function likesRow(where: string, r: LikesResult): Row {
  const db =
    r.db.inconsistentCount === 0
      ? `likeCount = like rows on all ${int.format(r.db.commentsChecked)} comments`
      : `likeCount ≠ like rows on ${int.format(r.db.inconsistentCount)} of ${int.format(r.db.commentsChecked)} comments`;
  return {
    ...writeRow(where, r, "like", "likes/s", db),
    note: [
      `${int.format(r.ok)} answered 303: ${int.format(r.likes)} likes + ${int.format(r.unlikes)} unlikes by ${r.users} readers (slowest second ${int.format(r.slowestSecond)})`,
      warmedUp(r.warmup, "likes/s"),
      `DB: ${db}`,
      problems(r.problems),
    ]
      .filter(Boolean)
      .join("; "),
  };
}

export function readWhilePostingRow(where: string, r: ReadWhilePostingResult<WrkResult>, minRps: number): Row {
  const p = r.posting;
  return wrkRow(where, r.name, r.read, {
    target: `≥${int.format(minRps)} req/s`,
    verdict: verdict(r.pass),
    note: [
      `meanwhile ${int.format(p.ok)} comments posted (${p.ratePerS}/s, signed in, approved; DB +${int.format(p.db.newApproved)}; POST p99 ${ms(p.p99Ms)})`,
      p.skipped > 0 ? `${int.format(p.skipped)} posts not sent (${p.maxInFlight} waiting)` : "",
      problems(r.problems),
    ]
      .filter(Boolean)
      .join("; "),
  });
}

export function clientJsRow(c: ClientJsResult, via = "embedded"): Row {
  const csp = c.scriptSrc !== null ? `CSP script-src ${c.scriptSrc}` : "no CSP script-src";
  return {
    ...blank,
    where: "client JS",
    what: `anonymous reader, ${c.page} (${via})`,
    rate: `${kb(c.ranBytes)} ran`,
    target: "0 KB",
    verdict: verdict(c.pass),
    note:
      `${c.files.length} script responses (${kb(c.rawBytes)}, ${kb(c.gzipBytes)} gz); ` +
      `inline <script> in the HTML: ${c.inlineExecutable.count} executable (${kb(c.inlineExecutable.bytes)}), ${c.inlineData.count} data (${kb(c.inlineData.bytes)}); ` +
      `${csp}; blocked by CSP: ${new Set(c.blocked.filter((b) => b.blockedURI !== "inline").map((b) => b.blockedURI)).size} script URLs (not fetched), ` +
      `${c.blocked.filter((b) => b.blockedURI === "inline").length} inline`,
  };
}

export interface RenderResult {
  name: string;
  path: string;
  runs: number;
  medianMs: number;
  minMs: number;
  maxMs: number;
  medianTtfbMs: number;
  /** Time to last byte of the same page served from the cache, right after each render. */
  cachedMedianMs: number;
  samplesMs: number[];
}

export function renderRow(r: RenderResult, targetMs?: number): Row {
  return {
    ...blank,
    where: "embedded",
    what: `render ${r.name} (uncached)`,
    rate: `median ${ms(r.medianMs)}`,
    target: targetMs === undefined ? "" : `<${targetMs} ms`,
    verdict: targetMs === undefined ? "" : verdict(r.medianMs < targetMs),
    note: `${r.runs} runs, ${ms(r.minMs)}–${ms(r.maxMs)}; first byte ${ms(r.medianTtfbMs)}; cached ${ms(r.cachedMedianMs)}`,
  };
}

export const median = (values: readonly number[]): number => {
  const sorted = [...values].sort((a, b) => a - b);
  if (sorted.length === 0) return Number.NaN;
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? (sorted[mid] ?? Number.NaN) : ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2;
};
