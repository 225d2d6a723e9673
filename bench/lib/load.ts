// One load case: warm the URL, weigh its HTML, then hammer it with autocannon.
import { gzipSync } from "node:zlib";
import autocannon from "autocannon";
import { get } from "./http";

export interface Target {
  minRps?: number;
  maxP99Ms?: number;
}

export interface CaseSpec {
  name: string;
  path: string;
  target?: Target;
}

export interface CaseResult {
  name: string;
  path: string;
  mode: "front-cache" | "isr-only";
  /** Whether the load requests sent Accept-Encoding: gzip (BENCH_GZIP=1). */
  gzipLoad: boolean;
  rps: number;
  p50Ms: number;
  p90Ms: number;
  p99Ms: number;
  maxMs: number;
  requests: number;
  non2xx: number;
  errors: number;
  timeouts: number;
  /** Bytes of one HTML response without Accept-Encoding. */
  htmlBytes: number;
  /** The Content-Length header of that response, when the server sent one. */
  contentLength: number | null;
  /** Bytes on the wire for a request with Accept-Encoding: gzip (null when the server did not compress). */
  gzipBytes: number | null;
  /** The same HTML gzipped here at level 9, for comparison. */
  gzip9Bytes: number;
  /** Cache headers of the last warm-up response (what the measured requests were served from). */
  cache: { nextjs: string | null; front: string | null };
  target: Target | null;
  pass: boolean | null;
  durationS: number;
  connections: number;
}

/**
 * autocannon keeps every response body as a string (`req.body += chunk` in
 * lib/pipelinedRequestsQueue.js) for its optional body checks, which we do not use. For pages of
 * several hundred KB that copying and its garbage collection cost the load generator more CPU
 * than the server spends answering, so the figures would measure autocannon. Drop the copies.
 */
export function skipBodyCopies(client: unknown): void {
  const queue = (client as { pipelinedRequests?: { addBody?: unknown } }).pipelinedRequests;
  if (queue && typeof queue.addBody === "function") queue.addBody = () => {};
  else if (!warnedAboutBodies) {
    warnedAboutBodies = true;
    console.error("! autocannon internals changed: response bodies are copied, large pages will measure the client");
  }
}
let warnedAboutBodies = false;

const header = (value: string | string[] | undefined): string | null =>
  Array.isArray(value) ? (value[0] ?? null) : (value ?? null);

export async function runCase(
  base: string,
  spec: CaseSpec,
  mode: CaseResult["mode"],
  options: {
    durationS: number;
    connections: number;
    warmups: number;
    gzip: boolean;
    /** Other work (e.g. posting comments) run during the measured load, started with it and awaited. */
    alongside?: () => Promise<unknown>;
  },
): Promise<CaseResult> {
  const url = `${base}${spec.path}`;
  // Warm up: the first request renders (or reads Next's cache), later ones are served cached.
  // Both variants the load may ask for (with and without gzip) are warmed.
  let gz = await get(url, { "accept-encoding": "gzip" });
  let last = await get(url);
  for (let i = 1; i < options.warmups; i++) {
    last = await get(url);
    gz = await get(url, { "accept-encoding": "gzip" });
  }
  const gzipped = header(gz.headers["content-encoding"]) === "gzip";
  const probe = options.gzip ? gz : last;
  const contentLength = header(last.headers["content-length"]);

  const load = (durationS: number) =>
    autocannon({
      url,
      connections: options.connections,
      duration: durationS,
      timeout: 10,
      headers: options.gzip ? { "accept-encoding": "gzip" } : {},
      setupClient: skipBodyCopies,
    });
  // A short unrecorded burst first, so the server's code for this page is compiled (JIT) and
  // the first case of a run is not penalised.
  await load(1);
  const [result] = await Promise.all([load(options.durationS), options.alongside?.()]);
  const rps = result.requests.average;
  const p99 = result.latency.p99;
  let pass: boolean | null = null;
  if (spec.target) {
    pass = true;
    if (spec.target.minRps !== undefined && rps < spec.target.minRps) pass = false;
    if (spec.target.maxP99Ms !== undefined && !(p99 < spec.target.maxP99Ms)) pass = false;
  }
  return {
    name: spec.name,
    path: spec.path,
    mode,
    gzipLoad: options.gzip,
    rps,
    p50Ms: result.latency.p50,
    p90Ms: result.latency.p90,
    p99Ms: p99,
    maxMs: result.latency.max,
    requests: result.requests.total,
    non2xx: result.non2xx,
    errors: result.errors,
    timeouts: result.timeouts,
    htmlBytes: last.body.length,
    contentLength: contentLength === null ? null : Number(contentLength),
    gzipBytes: gzipped ? gz.body.length : null,
    gzip9Bytes: gzipSync(last.body, { level: 9 }).length,
    cache: { nextjs: header(probe.headers["x-nextjs-cache"]), front: header(probe.headers["x-hearth-cache"]) },
    target: spec.target ?? null,
    pass,
    durationS: options.durationS,
    connections: options.connections,
  };
}
