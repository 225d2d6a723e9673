import type { TocEntry } from "@/lib/markdown/essay";

export function TableOfContents({ entries }: { entries: TocEntry[] }) {
  return (
    <nav
      aria-label="Table of contents"
      className="mb-10 rounded-lg border border-stone-200 bg-white/60 p-5 text-sm dark:border-stone-800 dark:bg-stone-800/40"
    >
      <h2 className="mb-2 font-semibold uppercase tracking-wide text-stone-500 dark:text-stone-400">Contents</h2>
      <ol className="space-y-1">
        {entries.map((e) => (
          <li key={e.id} className={e.depth === 3 ? "pl-4" : undefined}>
            <a href={`#${e.id}`} className="text-stone-700 hover:text-amber-700 dark:hover:text-amber-400 dark:text-stone-300">
              {e.text}
            </a>
          </li>
        ))}
      </ol>
    </nav>
  );
}
