"use client";

import { StatusPage } from "@/components/layout/status-page";

/** Anything unexpected: a page a reader can act on instead of a bare stack trace. */
export default function ErrorPage({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <StatusPage code="500" title="Something went wrong on our side">
      <p>The page could not be shown. Please try again in a moment.</p>
      {error.digest ? <p className="mt-2 text-xs">Reference: {error.digest}</p> : null}
      <p className="mt-6">
        <button type="button" onClick={reset} className="underline">
          Try again
        </button>
      </p>
    </StatusPage>
  );
}
