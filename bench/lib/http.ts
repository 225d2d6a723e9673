// A small HTTP client for the benchmark's single requests: raw bytes (no automatic
// decompression, unlike fetch), response headers and timings.
import http from "node:http";

export interface Response {
  status: number;
  headers: http.IncomingHttpHeaders;
  /** The body exactly as sent (still compressed when the server compressed it). */
  body: Buffer;
  /** Time to the response headers, ms. */
  ttfbMs: number;
  /** Time to the last byte of the body, ms. */
  totalMs: number;
}

export function request(
  url: string,
  options: { method?: string; headers?: Record<string, string>; body?: string | Buffer; timeoutMs?: number } = {},
): Promise<Response> {
  const target = new URL(url);
  if (target.hostname !== "127.0.0.1" && target.hostname !== "localhost")
    return Promise.reject(new Error(`benchmark traffic stays on loopback, not ${url}`));
  return new Promise((resolve, reject) => {
    const started = performance.now();
    let ttfbMs = 0;
    const req = http.request(
      target,
      {
        method: options.method ?? "GET",
        // A fresh connection per request: nothing is shared with autocannon's connections.
        agent: false,
        headers: {
          ...(options.body !== undefined ? { "content-length": String(Buffer.byteLength(options.body)) } : {}),
          ...options.headers,
        },
        timeout: options.timeoutMs ?? 30_000,
      },
      (res) => {
        ttfbMs = performance.now() - started;
        const chunks: Buffer[] = [];
        res.on("data", (chunk: Buffer) => chunks.push(chunk));
        res.on("error", reject);
        res.on("end", () =>
          resolve({
            status: res.statusCode ?? 0,
            headers: res.headers,
            body: Buffer.concat(chunks),
            ttfbMs,
            totalMs: performance.now() - started,
          }),
        );
      },
    );
    req.on("timeout", () => req.destroy(new Error(`${options.method ?? "GET"} ${url} timed out`)));
    req.on("error", reject);
    req.end(options.body);
  });
}

/** GET that must answer 200; the error names the URL and status otherwise. */
export async function get(url: string, headers: Record<string, string> = {}): Promise<Response> {
  const res = await request(url, { headers });
  if (res.status !== 200) throw new Error(`GET ${url} answered ${res.status}`);
  return res;
}
