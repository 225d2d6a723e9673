// Types for scripts/lib/stack.mjs (plain JavaScript with JSDoc; allowJs is off).
declare module "*/scripts/lib/stack.mjs" {
  export const STACK_DIR: string;
  export const PID_FILE: string;
  export const VCL_TEMPLATE: string;
  export const PG_ADMIN_URL: string;
  export function varnishdPath(): string | null;
  export function stackUnavailable(adminUrl?: string): Promise<string | null>;
  export function vclFor(template: string, ports: number[]): string;
  export interface Stack {
    /** The front (Varnish). */
    url: string;
    /** Each instance, directly. */
    instanceUrls: string[];
    databaseUrl: string;
    varnishAdmin: { address: string; secretFile: string; workDir: string };
    /** The environment every instance shares. */
    env: Record<string, string>;
    logDir: string;
    killInstance(i: number, signal?: NodeJS.Signals): Promise<void>;
    startInstance(i: number): Promise<void>;
    stop(): Promise<void>;
  }
  export function startStack(options?: {
    instances?: number;
    frontPort?: number;
    adminPort?: number;
    firstPort?: number;
    database?: string;
    fresh?: boolean;
    env?: Record<string, string>;
    logDir?: string;
    adminUrl?: string;
    prepare?: (databaseUrl: string) => Promise<void>;
    log?: (line: string) => void;
  }): Promise<Stack>;
  export function stopRecordedStack(): Promise<boolean>;
}
