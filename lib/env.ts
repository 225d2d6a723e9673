import { z } from "zod";

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
});

export type Env = z.infer<typeof EnvSchema>;

let cached: Env | undefined;

/** The validated environment; throws a message naming the bad variable. */
export function env(): Env {
  if (cached) return cached;
  const parsed = EnvSchema.safeParse({
    DATABASE_URL: process.env.DATABASE_URL || undefined,
    PORT: process.env.PORT || undefined,
    SITE_URL: process.env.SITE_URL || undefined,
    REVALIDATE_SECRET: process.env.REVALIDATE_SECRET || undefined,
  });
  if (!parsed.success) {
    throw new Error(`Invalid environment:\n${z.prettifyError(parsed.error)}`);
  }
  cached = parsed.data;
  return cached;
}
