"use client";

import { useEffect } from "react";

/**
 * Follows a server action's `redirectTo` with a full page load. A target that differs from
 * the current page only by its #hash would merely scroll, so the page is reloaded then.
 */
export function useHardRedirect(redirectTo: string | undefined): void {
  useEffect(() => {
    if (!redirectTo) return;
    const target = new URL(redirectTo, window.location.href);
    const here = window.location;
    if (target.pathname === here.pathname && target.search === here.search) {
      if (target.hash) here.hash = target.hash;
      here.reload();
    } else {
      here.assign(target.href);
    }
  }, [redirectTo]);
}
