// One page measured side by side with its static twin: the page's bytes as a server answers an
// anonymous reader are written to a file that nginx serves at the same path; wrk loads nginx,
// then the server, with the same settings. Both must serve exactly those bytes.
import { createHash } from "node:crypto";
import { gunzipSync } from "node:zlib";
import { get, type Response } from "./http";
import { startStaticTwin } from "./nginx";
import { stop } from "./server";
import { runWrk, wrkProblems, type WrkResult } from "./wrk";

export interface CompareTarget {
  /** Server req/s ÷ nginx req/s at least this. */
  minRatio: number;
  /** The server's p99 below this (ms). */
  maxP99Ms?: number;
}

export interface PageComparison {
  /** e.g. "essay-30". */
  name: string;
  path: string;
  /** e.g. "embedded" or "front". */
  server: string;
  serverUrl: string;
  nginxUrl: string;
  /** Length of the body both served (gzip bytes when `gzip`, the identity bytes otherwise). */
  bodyBytes: number;
  /** Length of the page uncompressed. */
  identityBytes: number;
  /** Whether the requests accepted gzip (and the bytes compared are gzip). */
  gzip: boolean;
  sha256: string;
  /** Whether the server still served those exact bytes after its run (and nginx before its own). */
  sameBytes: boolean;
  /** Response headers of the server's copy that say how it was served. */
  serverHeaders: Record<string, string | null>;
  nginx: WrkResult;
  measured: WrkResult;
  /** measured.rps / nginx.rps */
  ratio: number;
  /** Every pair of runs (BENCH_ROUNDS); nginx and measured are the pair with the median ratio. */
  rounds: { nginxRps: number; nginxP99Ms: number; rps: number; p99Ms: number; ratio: number }[];
  /** Null for a line measured for information (the gzip lines). */
  target: CompareTarget | null;
  pass: boolean | null;
  problems: string[];
}

const sha = (b: Buffer) => createHash("sha256").update(b).digest("hex");

const SHOWN_HEADERS = ["cache-control", "age", "x-cache", "x-nextjs-cache", "etag", "via", "vary", "content-security-policy"];

function headersOf(res: Response): Record<string, string | null> {
  const out: Record<string, string | null> = {};
  for (const name of SHOWN_HEADERS) {
    const v = res.headers[name];
    out[name] = Array.isArray(v) ? v.join(", ") : (v ?? null);
  }
  return out;
}

/**
 * Fetches the page until the server answers the same bytes twice in a row (it is then served
 * from its cache), and returns that answer.
 */
export async function settledCopy(url: string, attempts = 20, headers: Record<string, string> = {}): Promise<Response> {
  let previous = await get(url, headers);
  for (let i = 0; i < attempts; i++) {
    await new Promise((r) => setTimeout(r, 50));
    const next = await get(url, headers);
    if (next.body.equals(previous.body)) return next;
    previous = next;
  }
  throw new Error(
    `${url} answered different bytes on each of ${attempts} requests: not cached, cannot compare with a static copy`,
  );
}

export async function compareWithStatic(options: {
  name: string;
  server: string;
  serverBase: string;
  path: string;
  nginxDir: string;
  nginxPort: number;
  durationS: number;
  connections: number;
  target: CompareTarget | null;
  /** Pairs of runs (nginx, then the server); default 1. */
  rounds?: number;
  /**
   * Requests send `Accept-Encoding: gzip`, as browsers do: the server's gzip bytes are compared,
   * nginx serving them as a precompressed file (gzip_static).
   */
  gzip?: boolean;
  progress: (message: string) => void;
}): Promise<PageComparison> {
  const { serverBase, path, durationS, connections } = options;
  const serverUrl = `${serverBase}${path}`;
  const headers: Record<string, string> = options.gzip ? { "accept-encoding": "gzip" } : {};
  const copy = await settledCopy(serverUrl, 20, headers);
  if (options.gzip && copy.headers["content-encoding"] !== "gzip")
    throw new Error(`${serverUrl} does not answer gzip to a request that accepts it`);
  const body = options.gzip ? gunzipSync(copy.body) : copy.body;
  const twin = await startStaticTwin({
    dir: options.nginxDir,
    port: options.nginxPort,
    urlPath: path,
    body,
    ...(options.gzip ? { gzipBody: copy.body } : {}),
  });
  try {
    const wrk = (url: string, seconds: number) => runWrk(url, { durationS: seconds, connections, threads: 1, headers });
    // An unrecorded second on each first (connections opened, the server's code compiled).
    await wrk(twin.url, 1);
    await wrk(serverUrl, 1);
    // Pairs of runs, nginx then the server (BENCH_ROUNDS, 1 by default); the pair with the median
    // ratio is reported, every pair is kept.
    const rounds: { nginx: WrkResult; measured: WrkResult; ratio: number }[] = [];
    for (let round = 1; round <= (options.rounds ?? 1); round++) {
      const of = (options.rounds ?? 1) > 1 ? ` (round ${round} of ${options.rounds})` : "";
      options.progress(`${options.name}: static nginx, ${durationS} s × ${connections} connections (wrk)${of}`);
      const n = await wrk(twin.url, durationS);
      options.progress(`${options.name}: ${options.server}, ${durationS} s × ${connections} connections (wrk)${of}`);
      const m = await wrk(serverUrl, durationS);
      rounds.push({ nginx: n, measured: m, ratio: n.rps > 0 ? m.rps / n.rps : 0 });
    }
    const chosen = [...rounds].sort((a, b) => a.ratio - b.ratio)[Math.floor((rounds.length - 1) / 2)];
    if (!chosen) throw new Error("no wrk rounds ran");
    const { nginx, measured } = chosen;
    // The bytes on the wire: gzip when the requests accept it.
    const sent = copy.body;
    const after = await get(serverUrl, headers);
    const nginxAfter = await get(twin.url, headers);
    const problems = [
      ...wrkProblems(nginx).map((p) => `nginx: ${p}`),
      ...wrkProblems(measured).map((p) => `${options.server}: ${p}`),
    ];
    const sameBytes = after.body.equals(sent) && nginxAfter.body.equals(sent);
    if (!after.body.equals(sent))
      problems.push(
        `${options.server} served other bytes after its run (${after.body.length} bytes, sha256 ${sha(after.body).slice(0, 12)}, ` +
          `not ${sent.length}, ${sha(sent).slice(0, 12)}): the page changed during the run`,
      );
    if (!nginxAfter.body.equals(sent)) problems.push(`nginx served ${nginxAfter.body.length} bytes, not ${sent.length}`);
    const ratio = chosen.ratio;
    const t = options.target;
    const pass = t === null ? null : ratio >= t.minRatio && (t.maxP99Ms === undefined || measured.p99Ms < t.maxP99Ms);
    return {
      name: options.name,
      path,
      server: options.server,
      serverUrl,
      nginxUrl: twin.url,
      bodyBytes: copy.body.length,
      identityBytes: body.length,
      gzip: options.gzip ?? false,
      sha256: sha(copy.body),
      sameBytes,
      serverHeaders: headersOf(after),
      nginx,
      measured,
      rounds: rounds.map((r) => ({
        nginxRps: r.nginx.rps,
        nginxP99Ms: r.nginx.p99Ms,
        rps: r.measured.rps,
        p99Ms: r.measured.p99Ms,
        ratio: r.ratio,
      })),
      ratio,
      target: options.target,
      pass,
      problems,
    };
  } finally {
    await stop(twin.child);
  }
}
