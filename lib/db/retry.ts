/**
 * A transaction the database rolled back whole, so that running it again is safe:
 * - SQLite lets one writer in at a time. Within one process Prisma's driver serializes
 *   transactions, but two processes (or two clients) on the same file can meet: a transaction
 *   that read first and then wants to write gets SQLITE_BUSY(_SNAPSHOT) at once, without waiting.
 * - PostgreSQL resolves a serialization failure (40001) or a deadlock (40P01) by rolling one of
 *   the transactions back (Prisma reports either as P2034).
 */
export function isBusyError(error: unknown): boolean {
  const e = error as { code?: string; message?: string; meta?: unknown; cause?: unknown } | null;
  if (!e) return false;
  if (e.code !== undefined && RETRYABLE_CODES.has(e.code)) return true;
  const text = `${e.message ?? ""} ${JSON.stringify(e.meta ?? "")}`;
  return /SQLITE_BUSY|database is locked/i.test(text) || (e.cause !== undefined && e.cause !== error && isBusyError(e.cause));
}

const RETRYABLE_CODES = new Set(["P1008", "SQLITE_BUSY", "SQLITE_BUSY_SNAPSHOT", "40001", "40P01", "P2034"]);

/** Runs `fn` again (up to `attempts` times, with a short random back-off) while SQLite is busy or PostgreSQL rolled it back. */
export async function retryWhenBusy<T>(fn: () => Promise<T>, attempts = 10): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await fn();
    } catch (error) {
      if (attempt >= attempts || !isBusyError(error)) throw error;
      await new Promise((resolve) => setTimeout(resolve, 2 + Math.random() * 10 * attempt));
    }
  }
}
