// Types for server/http-cache.mjs (plain JavaScript with JSDoc; allowJs is off).
declare module "*/server/http-cache.mjs" {
  import type CachePolicy from "http-cache-semantics";
  type Headers = Record<string, string | string[] | undefined>;
  export interface RequestLike {
    url: string;
    method: string;
    headers: Headers;
  }
  /** A copy's headers as `writeHead` takes them, per answer (identity, gzip, 304). */
  export interface Wire {
    identity: string[];
    gzip: string[] | null;
    notModified: string[];
  }
  export function wireHeaders(
    headers: Record<string, string | string[] | number | undefined>,
    identity: Buffer,
    gzip: Buffer | null,
  ): Wire;
  /** What a response is sent from. */
  export interface Copy {
    status: number;
    etag: string;
    identity: Buffer;
    gzip: Buffer | null;
    wire: Wire;
    initialAge: number;
    storedAt: number;
  }
  export interface Entry extends Copy {
    policy: CachePolicy;
    keys: string[];
    bytes: number;
    freshUntil: number;
    varyNames: string[] | null;
    varyValues: (string | string[] | undefined)[];
  }
  export function surrogateKeys(headers: Headers): string[];
  export function cacheRequest(req: { url?: string; headers: Headers }): RequestLike;
  export class HttpCache {
    constructor(options?: { maxBytes?: number });
    bytes: number;
    lookup(req: RequestLike): { kind: "fresh" | "stale"; entry: Entry } | null;
    policyFor(req: RequestLike, res: { status: number; headers: Headers }): CachePolicy | null;
    store(
      req: RequestLike,
      policy: CachePolicy,
      response: { status: number; keys: string[]; etag: string; identity: Buffer; gzip: Buffer | null },
      begunAt: number,
    ): boolean;
    purge(keys: string[]): number;
    coalesce<T>(url: string, fetch: () => Promise<T>): { leader: boolean; done: Promise<T> };
  }
}
