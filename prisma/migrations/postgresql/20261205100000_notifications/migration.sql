-- AlterTable
ALTER TABLE "User" ADD COLUMN     "notifyModeration" BOOLEAN NOT NULL DEFAULT true;

-- AlterTable
ALTER TABLE "Comment" ADD COLUMN     "notifyReplies" BOOLEAN NOT NULL DEFAULT false;

-- CreateTable
CREATE TABLE "Notification" (
    "id" SERIAL NOT NULL,
    "kind" TEXT NOT NULL,
    "commentId" INTEGER NOT NULL,
    "postId" TEXT NOT NULL,
    "recipient" TEXT NOT NULL,
    "userId" TEXT,
    "dueAt" TIMESTAMP(3) NOT NULL,
    "claimedUntil" TIMESTAMP(3),
    "claimToken" TEXT,
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "lastError" TEXT,
    "sentAt" TIMESTAMP(3),
    "doneAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Notification_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "Notification_doneAt_dueAt_idx" ON "Notification"("doneAt", "dueAt");

-- CreateIndex
CREATE INDEX "Notification_recipient_kind_postId_sentAt_idx" ON "Notification"("recipient", "kind", "postId", "sentAt");

-- CreateIndex
CREATE INDEX "Notification_claimToken_idx" ON "Notification"("claimToken");

-- CreateIndex
CREATE UNIQUE INDEX "Notification_kind_commentId_key" ON "Notification"("kind", "commentId");
