import { z } from "zod";
import { DEFAULT_TRUSTED_PROXIES, parseProxyList } from "./http/proxy-list";

/**
 * The one place that reads process.env for the app. Every variable is documented in the
 * README's configuration table and in .env.example.
 */
const EnvSchema = z.object({
  DATABASE_URL: z
    .string()
    .trim()
    .default("file:./.data/hearth.db")
    .refine((v) => v.startsWith("file:") || /^postgres(ql)?:\/\//.test(v), {
      error: "DATABASE_URL must be an SQLite file URL (file:./.data/hearth.db) or a postgresql:// URL",
    }),
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  SITE_URL: z.url({ error: "SITE_URL must be an absolute http(s) URL, e.g. https://blog.example.org" }).optional(),
  REVALIDATE_SECRET: z.string().min(16, { error: "REVALIDATE_SECRET must be at least 16 characters" }).optional(),
  AUTH_SECRET: z.string().min(16, { error: "AUTH_SECRET must be at least 16 characters (npm start generates one)" }).optional(),
  AUTH_GITHUB_ID: z.string().trim().min(1).optional(),
  AUTH_GITHUB_SECRET: z.string().trim().min(1).optional(),
  SMTP_URL: z
    .string()
    .trim()
    .refine((v) => /^smtps?:\/\//.test(v), { error: "SMTP_URL must look like smtp://user:pass@host:587 or smtps://…" })
    .optional(),
  EMAIL_FROM: z.string().trim().min(3).default("Hearth <hearth@localhost>"),
  TRUSTED_PROXIES: z
    .string()
    .trim()
    .default(DEFAULT_TRUSTED_PROXIES)
    .refine((v) => parseProxyList(v) !== null, {
      error: "TRUSTED_PROXIES must be a comma-separated list of IP addresses or CIDR ranges, e.g. 127.0.0.1/8, ::1, 10.0.0.0/8",
    }),
  // HTTP caches in front of the app (Varnish) to purge after a write.
  HEARTH_PURGE_URLS: z
    .string()
    .trim()
    .default("")
    .refine((v) => v === "" || v.split(",").every((u) => /^https?:\/\/[^\s]+$/.test(u.trim())), {
      error: "HEARTH_PURGE_URLS must be a comma-separated list of http(s) URLs, e.g. http://127.0.0.1:6081/",
    }),
  // Set by server.mjs to its own cache's address (never by hand).
  HEARTH_LOCAL_CACHE_URL: z.url().optional(),
  // "off" when several instances serve one database: each would keep its own copy of query results.
  HEARTH_QUERY_CACHE: z.enum(["on", "off"], { error: "HEARTH_QUERY_CACHE must be on or off" }).default("on"),
  // Notification e-mails (lib/notify): the batch window, how often the outbox is read, and the
  // first and longest wait before sending a failed mail again.
  NOTIFY_BATCH_WINDOW_MS: z.coerce.number({ error: "NOTIFY_BATCH_WINDOW_MS must be a number of milliseconds" }).int().min(0).default(600_000),
  NOTIFY_POLL_MS: z.coerce.number({ error: "NOTIFY_POLL_MS must be a number of milliseconds" }).int().min(200).default(15_000),
  NOTIFY_RETRY_BASE_MS: z.coerce.number({ error: "NOTIFY_RETRY_BASE_MS must be a number of milliseconds" }).int().min(100).default(30_000),
  NOTIFY_RETRY_MAX_MS: z.coerce.number({ error: "NOTIFY_RETRY_MAX_MS must be a number of milliseconds" }).int().min(100).default(3_600_000),
});

export type Env = z.infer<typeof EnvSchema>;

let cached: Env | undefined;

/** Forgets the parsed environment (tests change process.env between cases). */
export function resetEnvForTests(): void {
  cached = undefined;
}

/** The validated environment; throws a message naming the bad variable. */
export function env(): Env {
  if (cached) return cached;
  const parsed = EnvSchema.safeParse({
    DATABASE_URL: process.env.DATABASE_URL || undefined,
    PORT: process.env.PORT || undefined,
    SITE_URL: process.env.SITE_URL || undefined,
    REVALIDATE_SECRET: process.env.REVALIDATE_SECRET || undefined,
    AUTH_SECRET: process.env.AUTH_SECRET || undefined,
    AUTH_GITHUB_ID: process.env.AUTH_GITHUB_ID || undefined,
    AUTH_GITHUB_SECRET: process.env.AUTH_GITHUB_SECRET || undefined,
    SMTP_URL: process.env.SMTP_URL || undefined,
    EMAIL_FROM: process.env.EMAIL_FROM || undefined,
    TRUSTED_PROXIES: process.env.TRUSTED_PROXIES || undefined,
    HEARTH_PURGE_URLS: process.env.HEARTH_PURGE_URLS || undefined,
    HEARTH_QUERY_CACHE: process.env.HEARTH_QUERY_CACHE || undefined,
    HEARTH_LOCAL_CACHE_URL: process.env.HEARTH_LOCAL_CACHE_URL || undefined,
    NOTIFY_BATCH_WINDOW_MS: process.env.NOTIFY_BATCH_WINDOW_MS || undefined,
    NOTIFY_POLL_MS: process.env.NOTIFY_POLL_MS || undefined,
    NOTIFY_RETRY_BASE_MS: process.env.NOTIFY_RETRY_BASE_MS || undefined,
    NOTIFY_RETRY_MAX_MS: process.env.NOTIFY_RETRY_MAX_MS || undefined,
  });
  if (!parsed.success) {
    throw new Error(`Invalid environment:\n${z.prettifyError(parsed.error)}`);
  }
  cached = parsed.data;
  return cached;
}

/**
 * The secret that signs sessions, comment forms and Hearth's own cookies. There is no fallback:
 * `npm start` (the demo) generates one into .data/secrets.json and `npm run serve` (production)
 * refuses to start without one, so a missing secret is a broken deployment, not a default.
 */
export function authSecret(): string {
  const secret = env().AUTH_SECRET;
  if (!secret) throw new Error("AUTH_SECRET is not set: Hearth cannot sign sessions or forms without it.");
  return secret;
}
