/**
 * Runs once when a Hearth server starts. Arms the timers that make scheduled essays appear on
 * time (lib/posts/schedule.ts) and starts the notification worker (lib/notify/notifier.ts). Not during `next build`, which needs no database.
 */
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  if (process.env.NEXT_PHASE === "phase-production-build") return;
  const { startScheduler } = await import("./lib/posts/schedule");
  await startScheduler();
  // Notification e-mails go out from the outbox, off the request path (lib/notify).
  const { startNotifier } = await import("./lib/notify/notifier");
  startNotifier();
}
