-- DropIndex
DROP INDEX "Comment_authorId_idx";

-- CreateIndex
CREATE INDEX "Comment_authorId_postId_idx" ON "Comment"("authorId", "postId");

-- CreateIndex
CREATE INDEX "Comment_guestEmail_postId_idx" ON "Comment"("guestEmail", "postId");
