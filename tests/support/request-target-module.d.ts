// Types for server/request-target.mjs (plain JavaScript with JSDoc; allowJs is off).
declare module "*/server/request-target.mjs" {
  type Headers = Record<string, string | string[] | undefined>;
  export function undecodablePath(target: string | undefined): boolean;
  export function crossSiteAction(req: { method?: string; url?: string; headers: Headers }): boolean;
  export function badPathPage(): string;
  export function crossSitePage(): string;
}
