/**
 * Cache tags, in one place. Pages for anonymous readers are cached (ISR) and built from
 * tagged queries; a mutation revalidates exactly the tags it affects.
 */
export const tags = {
  /** Every list of posts: home, tag and author pages, feed, sitemap. */
  posts: "posts",
  /** One essay page (body, comment thread, like counts). */
  post: (postId: string) => `post:${postId}`,
  /** Site settings shown on every page. */
  settings: "settings",
  /** Public profiles (author pages, names on comments). */
  users: "users",
} as const;

/** How long a cached page may live without any mutation, as a safety net (seconds). */
export const PAGE_REVALIDATE_SECONDS = 3600;
