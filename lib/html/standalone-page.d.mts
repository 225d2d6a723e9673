// Types for ./standalone-page.mjs (plain JavaScript with JSDoc; allowJs is off).
export declare const STANDALONE_PAGE_CSP: string;
export declare function standalonePage(page: { title?: string; heading: string; body: string }): string;
