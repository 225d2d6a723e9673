import { blockedMessage } from "@/lib/users/block";
import { db } from "@/lib/db/client";
import { editHistoryOf, seesEditHistory } from "@/lib/comments/history";

/** The ids of the edited comments on a page of the thread. */
function editedIds(nodes: CommentNodeView[], out: number[] = []): number[] {
  for (const n of nodes) {
    if (n.comment.editedAt && !n.tombstone) out.push(n.comment.id);
    editedIds(n.children, out);
  }
  return out;
}
import Link from "next/link";
import type { Metadata } from "next";
import { alternatesFor } from "@/lib/seo/metadata";
import { notFound, permanentRedirect } from "next/navigation";
import { CommentSection, commentPagePath } from "@/components/comments/comment-section";
import { commentSourceForEditing, getThreadPage, readThreadPage } from "@/lib/comments/queries";
import { commentsClosed } from "@/lib/comments/policy";
import { formToken } from "@/lib/comments/tokens";
import { commentSecret } from "@/lib/comments/viewer";
import type { CommentNodeView, EssayViewer } from "@/lib/comments/views";
import type { ThreadContext } from "@/components/comments/thread-context";
import { getPublishedPost } from "@/lib/posts/queries";
import { getSlugRedirect } from "@/lib/posts/redirects";
import { TOC_MIN_ENTRIES, type PostDetail } from "@/lib/posts/views";
import { getSettings } from "@/lib/settings/queries";
import { absoluteUrl } from "@/lib/config/site";
import { OG_IMAGE_SIZE, essayImagePath } from "@/lib/seo/og-image";
import { ESSAY_PROSE_CLASS } from "./essay-prose";
import { PostMeta } from "./post-meta";
import { TagList } from "./tag-list";
import { TableOfContents } from "./table-of-contents";
import { routeKey } from "@/lib/http/route-param";

/** JSON-LD for search engines. `<` is escaped so the essay's text can never close the script. */
function ArticleJsonLd({ post, siteTitle }: { post: PostDetail; siteTitle: string }) {
  const data = {
    "@context": "https://schema.org",
    "@type": "Article",
    headline: post.title,
    description: post.excerpt,
    datePublished: post.publishedAt,
    dateModified: post.updatedAt,
    wordCount: post.wordCount,
    url: absoluteUrl(`/posts/${post.slug}`),
    mainEntityOfPage: absoluteUrl(`/posts/${post.slug}`),
    author: { "@type": "Person", name: post.author.name, url: absoluteUrl(`/authors/${post.author.handle}`) },
    publisher: { "@type": "Organization", name: siteTitle },
    keywords: post.tags.map((t) => t.name).join(", "),
    commentCount: post.commentCount,
    ...(post.coverImage ? { image: absoluteUrl(post.coverImage) } : {}),
  };
  return (
    <script type="application/ld+json" dangerouslySetInnerHTML={{ __html: JSON.stringify(data).replace(/</g, "\\u003c") }} />
  );
}

/** Metadata shared by the essay and its comment pages. */
export async function essayMetadata(slug: string, commentPage: number): Promise<Metadata> {
  const key = routeKey(slug);
  const post = key ? await getPublishedPost(key) : null;
  if (!post) return { title: "Not found" };
  const canonical = commentPagePath(post.slug, commentPage);
  // The essay's own cover when it has one (the author chose it); else its generated card
  // (docs/decisions/021-search.md).
  const image = post.coverImage
    ? { url: absoluteUrl(post.coverImage), alt: post.coverAlt ?? "" }
    : { url: absoluteUrl(essayImagePath(post.slug)), ...OG_IMAGE_SIZE, alt: `${post.title}, by ${post.author.name}` };
  return {
    title: commentPage > 1 ? `${post.title} (comments, page ${commentPage})` : post.title,
    description: post.excerpt,
    authors: [{ name: post.author.name, url: `/authors/${post.author.handle}` }],
    keywords: post.tags.map((t) => t.name),
    alternates: alternatesFor(canonical, [{ url: `/posts/${post.slug}/comments.xml`, title: `Comments on “${post.title}”` }]),
    openGraph: {
      type: "article",
      title: post.title,
      description: post.excerpt,
      url: canonical,
      publishedTime: post.publishedAt,
      modifiedTime: post.updatedAt,
      authors: [absoluteUrl(`/authors/${post.author.handle}`)],
      tags: post.tags.map((t) => t.name),
      images: [image],
    },
    twitter: {
      card: "summary_large_image",
      title: post.title,
      description: post.excerpt,
      images: [image],
    },
  };
}

function containsComment(nodes: CommentNodeView[], id: number): boolean {
  return nodes.some((n) => (n.comment.id === id && !n.tombstone) || containsComment(n.children, id));
}

/**
 * The essay itself: title, meta, tags, cover, table of contents and body. Shared by the public
 * page and the author's private preview, so the preview is exactly what readers will see.
 */
export function EssayArticle({ post }: { post: PostDetail }) {
  return (
    <article>
      <header className="mb-10 flex flex-col gap-4">
        <h1 className="font-serif text-4xl font-semibold leading-tight tracking-tight sm:text-5xl">{post.title}</h1>
        <PostMeta post={post} commentsHref="#comments" />
        <TagList tags={post.tags} />
      </header>
      {post.coverImage ? (
        // eslint-disable-next-line @next/next/no-img-element -- uploaded covers are served as they are
        <img src={post.coverImage} alt={post.coverAlt ?? ""} className="mb-10 w-full rounded-lg" />
      ) : null}
      {post.toc.length >= TOC_MIN_ENTRIES ? <TableOfContents entries={post.toc} /> : null}
      <div
        className={ESSAY_PROSE_CLASS}
        // Rendered and sanitized when the essay was saved (lib/markdown/essay.ts).
        dangerouslySetInnerHTML={{ __html: post.bodyHtml }}
      />
    </article>
  );
}

/**
 * An essay with one page of its conversation, for whoever is looking (lib/comments/essay-viewer.ts):
 * for an anonymous reader it is the page every such reader shares (kept by HTTP caches); for a
 * viewer it shows their own pending comments, likes, remembered details and reply/edit forms.
 */
export async function EssayPage({ slug, commentPage, viewer }: { slug: string; commentPage: number; viewer: EssayViewer }) {
  // A segment that cannot be a slug is not looked up (nor cached under): it names nothing.
  if (!routeKey(slug)) notFound();
  const [post, settings] = await Promise.all([getPublishedPost(slug), getSettings()]);
  if (!post) {
    // An essay whose slug was changed keeps its old address as a permanent redirect (308).
    const moved = await getSlugRedirect(slug);
    if (moved) permanentRedirect(commentPagePath(moved, commentPage));
    notFound();
  }
  const order = viewer.order ?? settings.commentOrder;
  const options = { page: commentPage, perPage: settings.commentsPerPage, order, maxDepth: settings.threadDepth };
  const personal = viewer.user !== null || viewer.pendingIds.length > 0;
  const known = { approvedCount: post.commentCount, gravatarEnabled: settings.gravatarEnabled };
  const thread = personal
    ? await readThreadPage(
        post.id,
        post.authorId,
        options,
        { userId: viewer.user?.id ?? null, pendingIds: viewer.pendingIds },
        known,
      )
    : await getThreadPage(post.id, post.authorId, options, known);
  // A comment page past the end is not a page.
  if (commentPage > 1 && commentPage > thread.pageCount) notFound();

  const history = seesEditHistory(viewer.user, post.authorId) ? await editHistoryOf(db, editedIds(thread.nodes)) : null;
  const closed = commentsClosed({ commentsOpen: post.commentsOpen, publishedAt: post.publishedAt }, settings);
  const replyTo = viewer.replyTo && containsComment(thread.nodes, viewer.replyTo) ? viewer.replyTo : null;
  const editing = viewer.user && viewer.editId ? await commentSourceForEditing(viewer.editId, post.id) : null;
  const pagePath = commentPagePath(post.slug, thread.page);
  const ctx: ThreadContext = {
    postId: post.id,
    postAuthorId: post.authorId,
    permalinkBase: pagePath,
    pagePath,
    commentsOpen: !closed,
    viewer: viewer.user ?? null,
    editWindowMinutes: settings.editWindowMinutes,
    now: new Date().toISOString(),
    replyTo,
    editing,
    orderQuery: "",
    history,
    form: {
      postId: post.id,
      signedInAs: viewer.user?.name ?? null,
      unconfirmedEmail: viewer.user?.unconfirmedEmail ?? null,
      blocked: viewer.user?.blockedUntil ? blockedMessage(viewer.user.blockedUntil) : null,
      remembered: viewer.user ? null : (viewer.remembered ?? null),
      formToken: formToken(commentSecret()),
      signInHref: `/signin?callbackUrl=${encodeURIComponent(`${pagePath}#respond`)}`,
    },
  };

  return (
    <>
      <ArticleJsonLd post={post} siteTitle={settings.siteTitle} />
      <EssayArticle post={post} />
      <nav
        aria-label="More essays"
        className="mt-14 grid gap-4 border-t border-stone-200 pt-6 text-sm sm:grid-cols-2 dark:border-stone-800"
      >
        {post.previous ? (
          <Link href={`/posts/${post.previous.slug}`} rel="prev" className="group flex flex-col">
            <span className="text-stone-500 dark:text-stone-400">← Previous essay</span>
            <span className="font-medium group-hover:text-amber-700 dark:group-hover:text-amber-400">{post.previous.title}</span>
          </Link>
        ) : (
          <span />
        )}
        {post.next ? (
          <Link href={`/posts/${post.next.slug}`} rel="next" className="group flex flex-col sm:text-right">
            <span className="text-stone-500 dark:text-stone-400">Next essay →</span>
            <span className="font-medium group-hover:text-amber-700 dark:group-hover:text-amber-400">{post.next.title}</span>
          </Link>
        ) : null}
      </nav>
      <CommentSection
        slug={post.slug}
        title={post.title}
        thread={thread}
        order={order}
        defaultOrder={settings.commentOrder}
        closed={closed}
        ctx={ctx}
      />
    </>
  );
}
