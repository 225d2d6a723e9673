// Minimal types for the parts of autocannon 8's programmatic API the benchmark uses
// (autocannon ships no type declarations).
declare module "autocannon" {
  /** One request of a `requests` sequence (what autocannon's request builder reads). */
  export interface RequestParams {
    method?: string;
    path?: string;
    headers?: Record<string, string>;
    body?: string | Buffer;
    /**
     * Called before each request is built (each connection's first request is built when the
     * connection is created): returns the request to send. `context` is the connection's own
     * object, reset before every request of a one-request sequence.
     */
    setupRequest?: (request: RequestParams, context: Record<string, unknown>) => RequestParams;
    /** Called with each response (`body` is empty when bodies are not copied; header names as sent). */
    onResponse?: (
      status: number,
      body: string,
      context: Record<string, unknown>,
      headers: Record<string, string | string[]>,
    ) => void;
  }

  export interface Options {
    url: string;
    connections?: number;
    duration?: number;
    pipelining?: number;
    timeout?: number;
    method?: string;
    headers?: Record<string, string>;
    /** Requests sent in turn by every connection (instead of a GET of `url`). */
    requests?: RequestParams[];
    /** Requests per second over all connections (0: as fast as answered). */
    overallRate?: number;
    /** Called with each connection's client (an internal object) before it starts. */
    setupClient?: (client: unknown) => void;
  }

  export interface Histogram {
    average: number;
    mean: number;
    stddev: number;
    min: number;
    max: number;
    total: number;
    p50: number;
    p90: number;
    p97_5: number;
    p99: number;
  }

  export interface Result {
    url: string;
    connections: number;
    /** Seconds from start to the end of the run. */
    duration: number;
    requests: Histogram & { sent: number };
    latency: Histogram & { totalCount: number };
    throughput: Histogram;
    errors: number;
    timeouts: number;
    /** Every answer outside 200–299 (1xx, 3xx, 4xx, 5xx). */
    non2xx: number;
    "2xx": number;
    /** Answers per status code, e.g. { "303": { count: 1200 } }. */
    statusCodeStats: Record<string, { count: number }>;
    start: Date;
    finish: Date;
  }

  function autocannon(options: Options): Promise<Result>;
  export default autocannon;
}
