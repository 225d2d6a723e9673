// Types for scripts/lib/production-env.mjs (plain JavaScript with JSDoc; allowJs is off).
declare module "*/scripts/lib/production-env.mjs" {
  export const PUBLIC_SECRETS: Set<string>;
  export const MIN_SECRET_LENGTH: number;
  export function productionProblems(
    env: Record<string, string | undefined>,
    options?: { generatedSecretsFile?: string },
  ): string[];
}
