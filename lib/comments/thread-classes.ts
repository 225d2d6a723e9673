/**
 * The thread's classes, used by the React components (components/comments/). A module of its
 * own: the Like button's
 * client code imports it. Each name is defined in app/globals.css (`.thread-*`, built with
 * @apply); the comment body keeps the typography plugin's classes, which it composes with.
 */
export const threadClasses = {
  item: "thread-item",
  tombstone: "thread-tombstone",
  article: "thread-article",
  main: "thread-main",
  header: "thread-header",
  authorLink: "thread-author-link",
  guestLink: "thread-guest-link",
  authorName: "thread-author-name",
  authorBadge: "thread-author-badge",
  date: "thread-date",
  edited: "thread-edited",
  pending: "thread-pending",
  replyingTo: "thread-replying-to",
  replyingToLink: "thread-replying-to-link",
  body: "prose prose-stone prose-sm mt-2 max-w-none dark:prose-invert prose-p:my-2 prose-pre:my-2",
  actions: "thread-actions",
  reply: "thread-reply",
  replies: "thread-replies",
  likes: "thread-likes",
  likeButton: "thread-like-button",
  likedBy: "thread-liked-by",
  likedBySummary: "thread-liked-by-summary",
  likers: "thread-likers",
  likeMessage: "thread-like-message",
} as const;
