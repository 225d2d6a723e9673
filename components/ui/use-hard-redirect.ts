"use client";

import { useEffect } from "react";

/** Follows a server action's `redirectTo` with a full page load. */
export function useHardRedirect(redirectTo: string | undefined): void {
  useEffect(() => {
    if (redirectTo) window.location.assign(redirectTo);
  }, [redirectTo]);
}
