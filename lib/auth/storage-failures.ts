import { AsyncLocalStorage } from "node:async_hooks";
import { isStorageUnavailable } from "../db/unavailable";
import { guardRoute, logStorageFailure, unavailableResponse } from "../http/unavailable";

/**
 * Auth.js catches what its adapter and callbacks throw inside its route handler, logs it and
 * redirects to the error page ("/signin?error=Configuration"): a magic link that could not be
 * used up because the database is read-only would read as a broken configuration. Each request
 * to the handler notes here the storage failure Auth.js logged (lib/auth/config.ts's logger),
 * and is answered 503 instead (docs/decisions/015-storage-failures.md).
 */
const failures = new AsyncLocalStorage<{ error?: unknown }>();

/** Called by Auth.js's logger with every error it caught. */
export function noteAuthError(error: unknown): void {
  const store = failures.getStore();
  if (store && store.error === undefined && isStorageUnavailable(error)) store.error = error;
}

/** Auth.js's GET or POST handler, answering 503 when the database could not take its write. */
export function guardAuthRoute<Req extends Request>(
  handler: (request: Req) => Promise<Response>,
): (request: Req) => Promise<Response> {
  const guarded = guardRoute(handler);
  return (request) =>
    failures.run({}, async () => {
      const response = await guarded(request);
      const failure = failures.getStore()?.error;
      if (failure === undefined || response.status === 503) return response;
      logStorageFailure(`${request.method} ${new URL(request.url).pathname}`, failure);
      return unavailableResponse(request);
    });
}
