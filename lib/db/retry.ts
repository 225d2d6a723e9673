/**
 * SQLite lets one writer in at a time. Within one process Prisma's driver serializes
 * transactions, but two processes (or two clients) on the same file can meet: a transaction
 * that read first and then wants to write gets SQLITE_BUSY(_SNAPSHOT) at once, without waiting.
 * Such a transaction rolled back completely, so it is safe to run it again.
 */
export function isBusyError(error: unknown): boolean {
  const e = error as { code?: string; message?: string; meta?: unknown; cause?: unknown } | null;
  if (!e) return false;
  if (e.code === "P1008" || e.code === "SQLITE_BUSY" || e.code === "SQLITE_BUSY_SNAPSHOT") return true;
  const text = `${e.message ?? ""} ${JSON.stringify(e.meta ?? "")}`;
  return /SQLITE_BUSY|database is locked/i.test(text) || (e.cause !== undefined && e.cause !== error && isBusyError(e.cause));
}

/** Runs `fn` again (up to `attempts` times, with a short random back-off) while SQLite is busy. */
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
