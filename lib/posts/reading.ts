/** Average adult silent-reading speed for non-fiction prose, words per minute. */
export const WORDS_PER_MINUTE = 230;

/** Counts words in plain text: runs of letters/digits (apostrophes and hyphens stay inside words). */
export function countWords(text: string): number {
  const matches = text.match(/[\p{L}\p{N}]+(?:['’-][\p{L}\p{N}]+)*/gu);
  return matches ? matches.length : 0;
}

/** Whole minutes to read `wordCount` words; never less than one. */
export function readingMinutes(wordCount: number): number {
  return Math.max(1, Math.round(wordCount / WORDS_PER_MINUTE));
}

/** "4 min read" */
export function formatReadingTime(minutes: number): string {
  return `${minutes} min read`;
}
