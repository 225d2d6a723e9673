// @ts-check
// What a production start (`npm run serve`) demands of its environment before anything runs.
// Pure, so tests/unit/production-env.test.ts holds it to its promises.
import { existsSync, readFileSync } from "node:fs";

/** Secrets that are public: they appear in Hearth's own files, so anyone could sign with them. */
export const PUBLIC_SECRETS = new Set([
  "e2e-auth-secret-not-for-production-0123456789",
  "vitest-auth-secret-0123456789abcdef",
  "changeme",
  "secret",
]);

/** The shortest AUTH_SECRET a production start accepts (`openssl rand -base64 32` gives 44). */
export const MIN_SECRET_LENGTH = 32;

/**
 * Problems that stop a production start, one line each (empty: good to go).
 * @param {Record<string, string | undefined>} env the environment
 * @param {{ generatedSecretsFile?: string }} [options] where the demo keeps its generated secrets
 * @returns {string[]}
 */
export function productionProblems(env, options = {}) {
  const problems = [];
  const secret = env.AUTH_SECRET ?? "";
  let generated = {};
  if (options.generatedSecretsFile && existsSync(options.generatedSecretsFile)) {
    try {
      generated = JSON.parse(readFileSync(options.generatedSecretsFile, "utf8"));
    } catch {
      generated = {};
    }
  }
  const generatedValues = new Set(Object.values(generated).filter((v) => typeof v === "string"));
  if (!secret) {
    problems.push("AUTH_SECRET is not set. Generate one with `openssl rand -base64 32` and keep it secret.");
  } else if (generatedValues.has(secret)) {
    problems.push(
      "AUTH_SECRET is the one the demo (`npm start`) generated into .data/secrets.json. Production needs its own: `openssl rand -base64 32`.",
    );
  } else if (PUBLIC_SECRETS.has(secret) || /example|changeme|not-for-production/i.test(secret)) {
    problems.push("AUTH_SECRET is a published example value. Generate your own with `openssl rand -base64 32`.");
  } else if (secret.length < MIN_SECRET_LENGTH || new Set(secret).size < 8) {
    problems.push(`AUTH_SECRET is too weak: use at least ${MIN_SECRET_LENGTH} random characters (\`openssl rand -base64 32\`).`);
  }
  const revalidate = env.REVALIDATE_SECRET;
  if (revalidate && (generatedValues.has(revalidate) || revalidate.length < 24 || PUBLIC_SECRETS.has(revalidate))) {
    problems.push("REVALIDATE_SECRET is weak or the demo's generated one: use `openssl rand -base64 32`, or leave it unset.");
  }
  if (revalidate && revalidate === secret) problems.push("REVALIDATE_SECRET must differ from AUTH_SECRET.");
  if (!env.SITE_URL) {
    problems.push("SITE_URL is not set: the public address of the site (https://blog.example.org), used in e-mailed links.");
  } else if (!/^https?:\/\/[^/\s]+/.test(env.SITE_URL)) {
    problems.push("SITE_URL must be an absolute http(s) URL, e.g. https://blog.example.org");
  }
  if (!env.SMTP_URL) {
    problems.push(
      "SMTP_URL is not set: production sends real e-mail (account confirmations, sign-in links). Example: smtps://user:pass@smtp.example.org:465",
    );
  }
  return problems;
}
