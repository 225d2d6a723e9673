"use client";

import { useSyncExternalStore } from "react";

const subscribe = () => () => {};

/** False on the server and during hydration, true once JavaScript runs in the browser. */
export function useHydrated(): boolean {
  return useSyncExternalStore(
    subscribe,
    () => true,
    () => false,
  );
}

/** The browser's current UTC offset in minutes (Date#getTimezoneOffset), null on the server. */
export function useTimezoneOffset(): number | null {
  return useSyncExternalStore(
    subscribe,
    () => new Date().getTimezoneOffset(),
    () => null,
  );
}
