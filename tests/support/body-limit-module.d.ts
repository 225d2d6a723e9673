// Types for server/body-limit.mjs (plain JavaScript with JSDoc; allowJs is off).
declare module "*/server/body-limit.mjs" {
  type Headers = Record<string, string | string[] | undefined>;
  export function exceedsBodyLimit(req: { method?: string; headers: Headers }, limitBytes: number): boolean;
  export function hasUnannouncedBody(req: { headers: Headers }): boolean;
  export function holdBody(req: import("node:stream").Readable, limitBytes: number, onDone: (withinLimit: boolean) => void): void;
  export function backLink(headers: Headers, requestUrl: string | undefined): string;
  export function tooLargePage(input: { limitBytes: number; imageMaxBytes: number; sentBytes: number; back: string }): string;
}
