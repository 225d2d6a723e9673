-- Written by hand: full-text search (docs/decisions/021-search.md). Prisma's schema has no
-- notion of FTS5 tables or triggers, so they live only here (`prisma migrate diff` ignores them).
--
-- Essays: an FTS5 table of its own holding a copy of each essay's title and Markdown, keyed by
-- the post's id (Post's rowid is not a stable key: VACUUM may renumber it).
CREATE VIRTUAL TABLE "PostSearch" USING fts5(
  "postId" UNINDEXED,
  "title",
  "body",
  tokenize = 'porter unicode61 remove_diacritics 2'
);

-- Comments: an external-content FTS5 index over Comment (its integer id is the rowid).
CREATE VIRTUAL TABLE "CommentSearch" USING fts5(
  "bodyMarkdown",
  content = 'Comment',
  content_rowid = 'id',
  tokenize = 'porter unicode61 remove_diacritics 2'
);

-- Kept in step by triggers, in the same transaction as the write.
CREATE TRIGGER "Post_search_insert" AFTER INSERT ON "Post" BEGIN
  INSERT INTO "PostSearch" ("postId", "title", "body") VALUES (new."id", new."title", new."bodyMarkdown");
END;
CREATE TRIGGER "Post_search_update" AFTER UPDATE OF "id", "title", "bodyMarkdown" ON "Post" BEGIN
  DELETE FROM "PostSearch" WHERE "postId" = old."id";
  INSERT INTO "PostSearch" ("postId", "title", "body") VALUES (new."id", new."title", new."bodyMarkdown");
END;
CREATE TRIGGER "Post_search_delete" AFTER DELETE ON "Post" BEGIN
  DELETE FROM "PostSearch" WHERE "postId" = old."id";
END;

CREATE TRIGGER "Comment_search_insert" AFTER INSERT ON "Comment" BEGIN
  INSERT INTO "CommentSearch" (rowid, "bodyMarkdown") VALUES (new."id", new."bodyMarkdown");
END;
CREATE TRIGGER "Comment_search_update" AFTER UPDATE OF "id", "bodyMarkdown" ON "Comment" BEGIN
  INSERT INTO "CommentSearch" ("CommentSearch", rowid, "bodyMarkdown") VALUES ('delete', old."id", old."bodyMarkdown");
  INSERT INTO "CommentSearch" (rowid, "bodyMarkdown") VALUES (new."id", new."bodyMarkdown");
END;
CREATE TRIGGER "Comment_search_delete" AFTER DELETE ON "Comment" BEGIN
  INSERT INTO "CommentSearch" ("CommentSearch", rowid, "bodyMarkdown") VALUES ('delete', old."id", old."bodyMarkdown");
END;

-- What was written before this migration.
INSERT INTO "PostSearch" ("postId", "title", "body") SELECT "id", "title", "bodyMarkdown" FROM "Post";
INSERT INTO "CommentSearch" ("CommentSearch") VALUES ('rebuild');
