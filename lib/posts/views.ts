import type { TocEntry } from "../markdown/essay";

/** Author as shown next to an essay or a comment. */
export interface AuthorView {
  name: string;
  handle: string;
  image: string | null;
}

export interface TagView {
  slug: string;
  name: string;
}

/** An essay in a listing. Dates are ISO strings: views cross the cache as JSON. */
export interface PostSummary {
  id: string;
  slug: string;
  title: string;
  excerpt: string;
  publishedAt: string;
  readingMinutes: number;
  commentCount: number;
  author: AuthorView;
  tags: TagView[];
}

export interface PostLink {
  slug: string;
  title: string;
}

export interface PostDetail extends PostSummary {
  bodyHtml: string;
  toc: TocEntry[];
  wordCount: number;
  updatedAt: string;
  commentsOpen: boolean;
  showLikes: boolean;
  authorId: string;
  coverImage: string | null;
  coverAlt: string | null;
  previous: PostLink | null;
  next: PostLink | null;
}

export interface Paged<T> {
  items: T[];
  page: number;
  pageCount: number;
  total: number;
}

/** Tables of contents are only worth showing on essays with several sections. */
export const TOC_MIN_ENTRIES = 3;
