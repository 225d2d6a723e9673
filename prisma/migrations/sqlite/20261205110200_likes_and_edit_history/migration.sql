-- Written by hand from `prisma migrate diff`: SQLite adds the User column in place (the diff
-- proposes rebuilding the User table, which is needless for a column with a constant default).

-- CreateTable
CREATE TABLE "CommentRevision" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "commentId" INTEGER NOT NULL,
    "bodyMarkdown" TEXT NOT NULL,
    "bodyHtml" TEXT NOT NULL,
    "editedAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "editorId" TEXT,
    CONSTRAINT "CommentRevision_commentId_fkey" FOREIGN KEY ("commentId") REFERENCES "Comment" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "CommentRevision_editorId_fkey" FOREIGN KEY ("editorId") REFERENCES "User" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- AlterTable
ALTER TABLE "User" ADD COLUMN "hideLikes" BOOLEAN NOT NULL DEFAULT false;

-- CreateIndex
CREATE INDEX "CommentRevision_commentId_editedAt_idx" ON "CommentRevision"("commentId", "editedAt");
