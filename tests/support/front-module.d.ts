// Types for server/front.mjs (plain JavaScript with JSDoc; allowJs is off).
declare module "*/server/front.mjs" {
  import type http from "node:http";
  export interface FrontOptions {
    port: number;
    hostname: string;
    socketPath: string;
    cacheEnabled: boolean;
    cacheMaxBytes: number;
    handle: ((req: http.IncomingMessage, res: http.ServerResponse) => unknown) | null;
  }
  export function startFront(options: FrontOptions): Promise<http.Server>;
}
