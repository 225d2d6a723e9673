-- Written by hand: SQLite adds these columns in place (`prisma migrate diff` proposes rebuilding
-- the User and Comment tables, which is needless for columns with constant defaults).

-- AlterTable
ALTER TABLE "User" ADD COLUMN "notifyModeration" BOOLEAN NOT NULL DEFAULT true;

-- AlterTable
ALTER TABLE "Comment" ADD COLUMN "notifyReplies" BOOLEAN NOT NULL DEFAULT false;

-- CreateTable
CREATE TABLE "Notification" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "kind" TEXT NOT NULL,
    "commentId" INTEGER NOT NULL,
    "postId" TEXT NOT NULL,
    "recipient" TEXT NOT NULL,
    "userId" TEXT,
    "dueAt" DATETIME NOT NULL,
    "claimedUntil" DATETIME,
    "claimToken" TEXT,
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "lastError" TEXT,
    "sentAt" DATETIME,
    "doneAt" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);

-- CreateIndex
CREATE INDEX "Notification_doneAt_dueAt_idx" ON "Notification"("doneAt", "dueAt");

-- CreateIndex
CREATE INDEX "Notification_recipient_kind_postId_sentAt_idx" ON "Notification"("recipient", "kind", "postId", "sentAt");

-- CreateIndex
CREATE INDEX "Notification_claimToken_idx" ON "Notification"("claimToken");

-- CreateIndex
CREATE UNIQUE INDEX "Notification_kind_commentId_key" ON "Notification"("kind", "commentId");
