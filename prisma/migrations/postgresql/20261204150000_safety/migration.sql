-- AlterTable
ALTER TABLE "User" ADD COLUMN     "sessionVersion" INTEGER NOT NULL DEFAULT 0;

-- AlterTable
ALTER TABLE "Comment" ADD COLUMN     "guestKey" TEXT;

-- AlterTable
ALTER TABLE "Settings" ADD COLUMN     "likesPerHour" INTEGER NOT NULL DEFAULT 300,
ADD COLUMN     "likesPerMinute" INTEGER NOT NULL DEFAULT 30,
ADD COLUMN     "setupTokenExpires" TIMESTAMP(3),
ADD COLUMN     "setupTokenHash" TEXT;

