// Types for ./limits.mjs (plain JavaScript with JSDoc; allowJs is off).
export declare const COVER_MAX_BYTES: number;
export declare const REQUEST_BODY_MAX_BYTES: number;
