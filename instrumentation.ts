/**
 * Runs once when a Hearth server starts. Arms the timers that make scheduled essays appear on
 * time (lib/posts/schedule.ts). Not during `next build`, which needs no database.
 */
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  if (process.env.NEXT_PHASE === "phase-production-build") return;
  const { startScheduler } = await import("./lib/posts/schedule");
  await startScheduler();
}
