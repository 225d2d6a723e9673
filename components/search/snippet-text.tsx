import type { SnippetPart } from "@/lib/search/terms";

/** A search snippet: its text as text (React escapes it), matches in <mark>. */
export function SnippetText({ parts }: { parts: readonly SnippetPart[] }) {
  return (
    <>
      {parts.map((part, i) =>
        part.hit ? (
          <mark key={i} className="rounded-sm bg-amber-200 px-0.5 text-inherit dark:bg-amber-700/60">
            {part.text}
          </mark>
        ) : (
          part.text
        ),
      )}
    </>
  );
}
