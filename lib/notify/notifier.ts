/**
 * The notification worker of this server process: started once by instrumentation.ts, it reads
 * the outbox every NOTIFY_POLL_MS, and at once when this process has just queued something
 * (`nudgeNotifier`). Sending happens here, never in the request that caused the mail: a slow or
 * dead SMTP server cannot hold up or fail a comment.
 */
import { env, authSecret } from "../env";
import { siteUrl } from "../config/site";

interface Notifier {
  timer: ReturnType<typeof setInterval> | null;
  running: boolean;
  again: boolean;
}

// Route handlers, server actions and instrumentation are bundled apart: share one worker.
const holder = globalThis as { __hearthNotifier?: Notifier };
function notifier(): Notifier {
  holder.__hearthNotifier ??= { timer: null, running: false, again: false };
  return holder.__hearthNotifier;
}

async function pass(): Promise<void> {
  const state = notifier();
  if (state.running) {
    state.again = true;
    return;
  }
  state.running = true;
  try {
    do {
      state.again = false;
      const [{ db }, { runOutbox }, { sendMail, mailConfigured }] = await Promise.all([
        import("../db/client"),
        import("./worker"),
        import("../mail/send"),
      ]);
      if (!mailConfigured()) return;
      const e = env();
      await runOutbox(db, {
        send: sendMail,
        secret: authSecret(),
        siteUrl: siteUrl(),
        retryBaseMs: e.NOTIFY_RETRY_BASE_MS,
        retryMaxMs: e.NOTIFY_RETRY_MAX_MS,
      });
    } while (state.again);
  } catch (error) {
    console.error("[hearth] the notification worker could not read the outbox:", error);
  } finally {
    state.running = false;
  }
}

/** Starts the periodic outbox pass (once per process). */
export function startNotifier(): void {
  const state = notifier();
  if (state.timer) return;
  state.timer = setInterval(() => void pass(), env().NOTIFY_POLL_MS);
  state.timer.unref?.();
  void pass();
}

/** Something was just queued: send it now rather than at the next poll (only where the worker runs). */
export function nudgeNotifier(): void {
  if (!notifier().timer) return;
  const t = setTimeout(() => void pass(), 0);
  t.unref?.();
}
