// Types for server/strip-scripts.mjs (plain JavaScript with JSDoc; allowJs is off).
declare module "*/server/strip-scripts.mjs" {
  export function forbidsScripts(csp: unknown): boolean;
  export function stripScripts(html: string): Promise<string>;
}
