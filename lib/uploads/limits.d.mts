// Types for ./limits.mjs (plain JavaScript with JSDoc; allowJs is off).
export declare const COVER_MAX_BYTES: number;
export declare const REQUEST_BODY_MAX_BYTES: number;
export declare const IMPORT_MAX_FILES: number;
export declare const IMPORT_FILE_MAX_BYTES: number;
export declare const IMPORT_TOTAL_MAX_BYTES: number;
export declare function megabytes(bytes: number): string;
