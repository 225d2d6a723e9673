// Types for server/reader-html.mjs (plain JavaScript with JSDoc; allowJs is off).
declare module "*/server/reader-html.mjs" {
  export function stripClientRuntime(html: string): string;
  export function canStripClientRuntime(html: string): boolean;
}
