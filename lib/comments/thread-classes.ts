/**
 * The thread's classes, shared by the React components (components/comments/) and the string
 * renderer of the anonymous page (./thread-html.ts). A module of its own: the Like button's
 * client code imports it. Each name is defined in app/globals.css from the utilities noted here
 * (the comment body keeps the typography plugin's classes, which it composes with).
 */
export const threadClasses = {
  /** mt-6 first:mt-0 */
  item: "thread-item",
  /** rounded-lg border border-dashed border-stone-300 px-4 py-3 text-sm italic text-stone-500 dark:border-stone-700 */
  tombstone: "thread-tombstone",
  /** flex gap-3 */
  article: "thread-article",
  /** min-w-0 flex-1 */
  main: "thread-main",
  /** flex flex-wrap items-baseline gap-x-2 gap-y-0.5 text-sm */
  header: "thread-header",
  /** font-semibold text-stone-900 hover:text-amber-700 dark:text-stone-100 */
  authorLink: "thread-author-link",
  /** font-semibold text-stone-900 underline decoration-stone-300 hover:text-amber-700 dark:text-stone-100 */
  guestLink: "thread-guest-link",
  /** font-semibold text-stone-900 dark:text-stone-100 */
  authorName: "thread-author-name",
  /** rounded bg-amber-600 px-1.5 py-px text-[0.7rem] font-semibold uppercase tracking-wide text-white */
  authorBadge: "thread-author-badge",
  /** text-stone-500 hover:text-amber-700 dark:text-stone-400 */
  date: "thread-date",
  /** text-stone-500 */
  edited: "thread-edited",
  /** mt-1 rounded bg-amber-50 px-2 py-1 text-sm font-medium text-amber-900 dark:bg-amber-950 dark:text-amber-100 */
  pending: "thread-pending",
  /** mt-1 text-xs text-stone-500 */
  replyingTo: "thread-replying-to",
  /** underline underline-offset-2 */
  replyingToLink: "thread-replying-to-link",
  body: "prose prose-stone prose-sm mt-2 max-w-none dark:prose-invert prose-p:my-2 prose-pre:my-2",
  /** mt-2 flex flex-wrap items-center gap-4 text-sm */
  actions: "thread-actions",
  /** font-medium text-amber-800 hover:underline dark:text-amber-400 */
  reply: "thread-reply",
  /** mt-6 border-l-2 border-stone-200 pl-4 sm:pl-6 dark:border-stone-800 */
  replies: "thread-replies",
  /** mt-2 flex flex-wrap items-center gap-3 text-sm */
  likes: "thread-likes",
  /** rounded-full border border-stone-300 px-3 py-0.5 font-medium hover:border-amber-600 aria-pressed:border-amber-600 aria-pressed:bg-amber-100 aria-pressed:text-amber-900 dark:border-stone-600 dark:aria-pressed:bg-amber-900/50 dark:aria-pressed:text-amber-100 */
  likeButton: "thread-like-button",
  /** text-stone-600 dark:text-stone-400 */
  likedBy: "thread-liked-by",
  /** cursor-pointer select-none hover:text-amber-700 */
  likedBySummary: "thread-liked-by-summary",
  /** mt-1 list-inside list-disc pl-1 */
  likers: "thread-likers",
  /** text-red-700 dark:text-red-400 */
  likeMessage: "thread-like-message",
} as const;
