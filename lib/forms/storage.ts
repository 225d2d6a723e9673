import "server-only";
import { headers } from "next/headers";
import { redirect, unstable_rethrow } from "next/navigation";
import { isStorageUnavailable } from "../db/unavailable";
import { backFromReferer, logStorageFailure, UNAVAILABLE_MESSAGE, unavailableUrl } from "../http/unavailable";
import { formValues, type FormState } from "./state";

/** What a form gets back when the database could not take its write: nothing was saved. */
export interface StorageUnavailableState extends FormState {
  ok: false;
  status: 503;
  message: string;
}

/**
 * The action's result type must be able to hold StorageUnavailableState (every FormState can,
 * and `{ ok: false; message }` results can); an action that returns nothing gets it ignored.
 */
type AcceptsUnavailable<R> = [StorageUnavailableState] extends [R] ? unknown : [R] extends [void] ? unknown : never;

/**
 * Wraps a server action so that a write the database cannot take right now (read-only, disk
 * full, unreachable: lib/db/unavailable.ts) is answered clearly instead of with Next's 500 page:
 * - with JavaScript (the request carries `Next-Action`), the form gets a 503 state with the
 *   message and everything that was typed (never passwords), so nothing is lost;
 * - without JavaScript, the post is redirected (303) to /unavailable, a real 503 page with
 *   Retry-After and a link back to the form's page.
 * Every other error, and Next's redirect/notFound/forbidden, goes on as before.
 * See docs/decisions/015-storage-failures.md.
 */
export function withStorageGuard<A extends unknown[], R>(
  action: ((...args: A) => Promise<R>) & AcceptsUnavailable<R>,
): (...args: A) => Promise<R> {
  return async (...args: A): Promise<R> => {
    try {
      return await action(...args);
    } catch (error) {
      unstable_rethrow(error);
      if (!isStorageUnavailable(error)) throw error;
      const h = await headers();
      const back = backFromReferer(h);
      logStorageFailure(`a server action (form on ${back})`, error);
      if (!h.has("next-action")) redirect(unavailableUrl(back));
      const formData = args.find((arg): arg is FormData => arg instanceof FormData);
      const state: StorageUnavailableState = {
        ok: false,
        status: 503,
        message: UNAVAILABLE_MESSAGE,
        ...(formData ? { values: formValues(formData) } : {}),
      };
      return state as R;
    }
  };
}
