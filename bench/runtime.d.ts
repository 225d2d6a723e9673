// Types for scripts/lib/runtime.mjs (plain JavaScript, imported by the benchmark).
declare module "*/scripts/lib/runtime.mjs" {
  export const ROOT: string;
  export const DATA_DIR: string;
  export function needsBuild(): boolean;
  export function bin(name: string): string;
  export function run(command: string, args: string[], options?: { env?: Record<string, string>; cwd?: string }): Promise<void>;
}
