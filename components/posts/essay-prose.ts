/** The typography of an essay body (the essay page, its preview, the editor's live preview). */
export const ESSAY_PROSE_CLASS =
  "prose prose-stone prose-lg max-w-none font-serif dark:prose-invert prose-headings:font-sans prose-headings:tracking-tight prose-a:text-amber-800 dark:prose-a:text-amber-400 prose-pre:font-mono prose-code:before:content-none prose-code:after:content-none";
