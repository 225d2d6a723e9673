-- Written by hand: full-text search (docs/decisions/021-search.md). Expression GIN indexes, so
-- nothing is stored twice and nothing needs keeping in step; lib/search/query.ts uses exactly
-- these expressions so the planner can use the indexes.
CREATE INDEX "Post_search_idx" ON "Post" USING GIN (
  (setweight(to_tsvector('english'::regconfig, "title"), 'A') || setweight(to_tsvector('english'::regconfig, "bodyMarkdown"), 'B'))
);
CREATE INDEX "Comment_search_idx" ON "Comment" USING GIN (to_tsvector('english'::regconfig, "bodyMarkdown"));
