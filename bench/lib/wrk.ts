// Read load with wrk (https://github.com/wg/wrk): `wrk -t1 -c16 -d<N>s --latency <url>`, its
// output parsed for requests per second, the latency distribution and the errors it counted.
import { spawn } from "node:child_process";

export const WRK = process.env.BENCH_WRK ?? "/usr/bin/wrk";

export interface WrkResult {
  url: string;
  /** `Requests/sec:` — responses over the run's duration. */
  rps: number;
  p50Ms: number;
  p75Ms: number;
  p90Ms: number;
  p99Ms: number;
  avgMs: number;
  maxMs: number;
  requests: number;
  /** Bytes read (headers and bodies), as wrk reports them (rounded to its unit). */
  bytesRead: number;
  /** `Non-2xx or 3xx responses:` */
  non2xx3xx: number;
  socketErrors: { connect: number; read: number; write: number; timeout: number };
  durationS: number;
  threads: number;
  connections: number;
  /** The command run and wrk's full output, for the results file. */
  command: string;
  output: string;
}

const UNIT_MS: Record<string, number> = { us: 0.001, ms: 1, s: 1000, m: 60_000, h: 3_600_000 };
const UNIT_BYTES: Record<string, number> = { B: 1, KB: 1024, MB: 1024 ** 2, GB: 1024 ** 3, TB: 1024 ** 4 };

/** "1.23ms", "850.00us", "1.02s" → milliseconds. */
export function parseDuration(text: string): number {
  const m = /^([\d.]+)(us|ms|s|m|h)$/.exec(text.trim());
  if (!m) throw new Error(`wrk: cannot read the duration "${text}"`);
  return Number(m[1]) * (UNIT_MS[m[2] ?? ""] ?? Number.NaN);
}

/** Parses the output of `wrk --latency` (wrk 4.x). */
export function parseWrk(output: string): Omit<WrkResult, "url" | "durationS" | "threads" | "connections" | "command"> {
  const latency = (pct: string) => {
    const m = new RegExp(`^\\s*${pct}%\\s+(\\S+)\\s*$`, "m").exec(output);
    if (!m?.[1]) throw new Error(`wrk: no ${pct}% line in the latency distribution:\n${output}`);
    return parseDuration(m[1]);
  };
  const stats = /^\s*Latency\s+(\S+)\s+\S+\s+(\S+)/m.exec(output);
  const rps = /^Requests\/sec:\s+([\d.]+)/m.exec(output);
  const total = /^\s*(\d+) requests in [\d.]+\w+, ([\d.]+)(B|KB|MB|GB|TB) read/m.exec(output);
  if (!rps?.[1] || !total?.[1] || !stats?.[1] || !stats[2]) throw new Error(`wrk: unexpected output:\n${output}`);
  const errors = /Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)/.exec(output);
  const non = /Non-2xx or 3xx responses: (\d+)/.exec(output);
  return {
    rps: Number(rps[1]),
    p50Ms: latency("50"),
    p75Ms: latency("75"),
    p90Ms: latency("90"),
    p99Ms: latency("99"),
    avgMs: parseDuration(stats[1]),
    maxMs: parseDuration(stats[2]),
    requests: Number(total[1]),
    bytesRead: Math.round(Number(total[2]) * (UNIT_BYTES[total[3] ?? ""] ?? Number.NaN)),
    non2xx3xx: non ? Number(non[1]) : 0,
    socketErrors: {
      connect: Number(errors?.[1] ?? 0),
      read: Number(errors?.[2] ?? 0),
      write: Number(errors?.[3] ?? 0),
      timeout: Number(errors?.[4] ?? 0),
    },
    output,
  };
}

/** Runs `wrk -t<threads> -c<connections> -d<duration>s --latency [-H …] <url>` and parses it. */
export function runWrk(
  url: string,
  options: { durationS: number; connections?: number; threads?: number; headers?: Record<string, string>; timeoutS?: number },
): Promise<WrkResult> {
  const threads = options.threads ?? 1;
  const connections = options.connections ?? 16;
  const args = [`-t${threads}`, `-c${connections}`, `-d${options.durationS}s`, "--latency"];
  if (options.timeoutS) args.push(`--timeout`, `${options.timeoutS}s`);
  for (const [name, value] of Object.entries(options.headers ?? {})) args.push("-H", `${name}: ${value}`);
  args.push(url);
  const command = `wrk ${args.map((a) => (/\s/.test(a) ? `'${a}'` : a)).join(" ")}`;
  return new Promise((resolve, reject) => {
    const child = spawn(WRK, args, { stdio: ["ignore", "pipe", "pipe"] });
    let out = "";
    let err = "";
    child.stdout.on("data", (chunk: Buffer) => (out += chunk.toString("utf8")));
    child.stderr.on("data", (chunk: Buffer) => (err += chunk.toString("utf8")));
    child.once("error", (error) => reject(new Error(`cannot run ${WRK}: ${error.message}`)));
    child.once("exit", (code, signal) => {
      if (code !== 0) {
        reject(new Error(`${command} failed (${signal ?? `exit ${code}`}):\n${out}${err}`));
        return;
      }
      try {
        resolve({ ...parseWrk(out), url, durationS: options.durationS, threads, connections, command });
      } catch (error) {
        reject(error instanceof Error ? error : new Error(String(error)));
      }
    });
  });
}

/** Requests wrk saw fail: non-2xx/3xx answers and socket errors (a number > 0 fails the run). */
export const wrkProblems = (r: WrkResult): string[] => {
  const problems: string[] = [];
  if (r.non2xx3xx > 0) problems.push(`${r.non2xx3xx} non-2xx/3xx responses`);
  const e = r.socketErrors;
  if (e.connect + e.read + e.write + e.timeout > 0)
    problems.push(`socket errors: connect ${e.connect}, read ${e.read}, write ${e.write}, timeout ${e.timeout}`);
  return problems;
};
