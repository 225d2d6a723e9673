// Types for ./escape.mjs (plain JavaScript with JSDoc; allowJs is off).
export declare function escapeHtml(value: string): string;
