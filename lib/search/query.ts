import { Prisma } from "../generated/sqlite/client";
import { db, sqlOf } from "../db/client";
import { databaseUrl, engineOf } from "../db/url";
import { MARK_END, MARK_START, fts5Match, searchTerms, snippetParts, tsqueryText, type SnippetPart } from "./terms";

/**
 * Full-text search over published essays and approved comments (docs/decisions/021-search.md):
 * FTS5 on SQLite (prisma/migrations/sqlite/…_search), tsvector expression indexes on PostgreSQL
 * (prisma/migrations/postgresql/…_search). One ranked list of both kinds, a page at a time.
 */

export const SEARCH_PAGE_SIZE = 10;
/** Pages past this are not offered (deep OFFSETs cost, and nobody reads page 50 of a search). */
export const MAX_SEARCH_PAGE = 50;

export type SearchHit =
  | {
      kind: "essay";
      postId: string;
      href: string;
      title: SnippetPart[];
      snippet: SnippetPart[];
      author: string;
      publishedAt: Date | null;
    }
  | {
      kind: "comment";
      commentId: number;
      href: string;
      essayTitle: string;
      snippet: SnippetPart[];
      author: string;
      createdAt: Date;
    };

export interface SearchResult {
  /** The words searched for (empty: nothing to search, no query was run). */
  terms: string[];
  page: number;
  hits: SearchHit[];
  hasNext: boolean;
}

interface Row {
  kind: "essay" | "comment";
  postId: string;
  commentId: number | bigint | null;
  titleHit: string | null;
  snippet: string | null;
}

const published = Prisma.sql`p."status" IN ('PUBLISHED', 'SCHEDULED') AND p."publishedAt" <= `;

function sqliteSearch(match: string, now: Date, limit: number, offset: number): Prisma.Sql {
  // bm25: lower is better; the title counts ten times the body. snippet(): ~24 tokens around matches.
  return Prisma.sql`
    SELECT "kind", "postId", "commentId", "titleHit", "snippet" FROM (
      SELECT 'essay' AS "kind", p."id" AS "postId", NULL AS "commentId",
             bm25("PostSearch", 1.0, 10.0, 1.0) AS "score",
             highlight("PostSearch", 1, ${MARK_START}, ${MARK_END}) AS "titleHit",
             snippet("PostSearch", 2, ${MARK_START}, ${MARK_END}, '…', 24) AS "snippet"
      FROM "PostSearch" JOIN "Post" p ON p."id" = "PostSearch"."postId"
      WHERE "PostSearch" MATCH ${match} AND ${published}${now}
      UNION ALL
      SELECT 'comment', c."postId", c."id", bm25("CommentSearch"), NULL,
             snippet("CommentSearch", 0, ${MARK_START}, ${MARK_END}, '…', 24)
      FROM "CommentSearch" JOIN "Comment" c ON c."id" = "CommentSearch".rowid JOIN "Post" p ON p."id" = c."postId"
      WHERE "CommentSearch" MATCH ${match} AND c."status" = 'APPROVED' AND ${published}${now}
    )
    ORDER BY "score", "kind" DESC, "postId", "commentId"
    LIMIT ${limit} OFFSET ${offset}`;
}

/** The expression of the migration's index on Post (keep them identical, or the index is not used). */
const postVector = Prisma.sql`(setweight(to_tsvector('english'::regconfig, p."title"), 'A') || setweight(to_tsvector('english'::regconfig, p."bodyMarkdown"), 'B'))`;
const commentVector = Prisma.sql`to_tsvector('english'::regconfig, c."bodyMarkdown")`;
const HEADLINE = `StartSel=${MARK_START}, StopSel=${MARK_END}, MaxWords=30, MinWords=12, MaxFragments=2, FragmentDelimiter=" … "`;
const TITLE_HEADLINE = `StartSel=${MARK_START}, StopSel=${MARK_END}, HighlightAll=true`;

function postgresSearch(text: string, now: Date, limit: number, offset: number): Prisma.Sql {
  // ts_headline re-parses the text, so it runs only for the rows of the page.
  return Prisma.sql`
    WITH q AS (SELECT plainto_tsquery('english'::regconfig, ${text}) AS q),
    hits AS (
      (SELECT 'essay' AS "kind", p."id" AS "postId", NULL::integer AS "commentId", ts_rank(${postVector}, q.q) AS "score"
         FROM "Post" p, q WHERE ${postVector} @@ q.q AND ${published}${now}
       UNION ALL
       SELECT 'comment', c."postId", c."id", ts_rank(${commentVector}, q.q)
         FROM "Comment" c JOIN "Post" p ON p."id" = c."postId", q
         WHERE ${commentVector} @@ q.q AND c."status" = 'APPROVED' AND ${published}${now})
      ORDER BY "score" DESC, "kind" DESC, "postId", "commentId"
      LIMIT ${limit} OFFSET ${offset}
    )
    SELECT h."kind", h."postId", h."commentId",
           CASE WHEN h."kind" = 'essay' THEN ts_headline('english'::regconfig, p."title", q.q, ${TITLE_HEADLINE}) END AS "titleHit",
           ts_headline('english'::regconfig, COALESCE(c."bodyMarkdown", p."bodyMarkdown"), q.q, ${HEADLINE}) AS "snippet"
    FROM hits h JOIN "Post" p ON p."id" = h."postId" LEFT JOIN "Comment" c ON c."id" = h."commentId", q
    ORDER BY h."score" DESC, h."kind" DESC, h."postId", h."commentId"`;
}

/** Clamps a page parameter (anything odd is page 1). */
export function searchPage(raw: string | string[] | undefined): number {
  const text = Array.isArray(raw) ? raw[0] : raw;
  const n = text !== undefined && /^\d{1,4}$/.test(text) ? Number(text) : 1;
  return Math.min(Math.max(n, 1), MAX_SEARCH_PAGE);
}

/** One page of results for what a reader typed. Never throws for any input. */
export async function search(query: string, page = 1, now: Date = new Date()): Promise<SearchResult> {
  const terms = searchTerms(query);
  if (terms.length === 0) return { terms, page, hits: [], hasNext: false };
  const limit = SEARCH_PAGE_SIZE + 1;
  const offset = (page - 1) * SEARCH_PAGE_SIZE;
  const sql =
    engineOf(databaseUrl()) === "postgresql"
      ? postgresSearch(tsqueryText(terms), now, limit, offset)
      : sqliteSearch(fts5Match(terms), now, limit, offset);
  const rows = await sqlOf(db).query<Row>(sql);
  const pageRows = rows.slice(0, SEARCH_PAGE_SIZE);

  const postIds = [...new Set(pageRows.map((r) => r.postId))];
  const commentIds = pageRows.filter((r) => r.kind === "comment").map((r) => Number(r.commentId));
  const [posts, comments] = await Promise.all([
    db.post.findMany({
      where: { id: { in: postIds } },
      select: { id: true, slug: true, title: true, publishedAt: true, author: { select: { name: true } } },
    }),
    commentIds.length === 0
      ? []
      : db.comment.findMany({
          where: { id: { in: commentIds } },
          select: { id: true, guestName: true, createdAt: true, author: { select: { name: true } } },
        }),
  ]);
  const postById = new Map(posts.map((p) => [p.id, p]));
  const commentById = new Map(comments.map((c) => [c.id, c]));

  const hits: SearchHit[] = [];
  for (const row of pageRows) {
    const post = postById.get(row.postId);
    if (!post) continue; // deleted in between
    if (row.kind === "essay") {
      hits.push({
        kind: "essay",
        postId: post.id,
        href: `/posts/${post.slug}`,
        title: snippetParts(row.titleHit ?? post.title),
        snippet: snippetParts(row.snippet ?? ""),
        author: post.author.name,
        publishedAt: post.publishedAt,
      });
    } else {
      const id = Number(row.commentId);
      const comment = commentById.get(id);
      if (!comment) continue;
      hits.push({
        kind: "comment",
        commentId: id,
        href: `/comments/${id}`,
        essayTitle: post.title,
        snippet: snippetParts(row.snippet ?? ""),
        author: comment.author?.name ?? comment.guestName ?? "A guest",
        createdAt: comment.createdAt,
      });
    }
  }
  return { terms, page, hits, hasNext: rows.length > SEARCH_PAGE_SIZE };
}
