-- Written by hand: SQLite adds these columns in place (`prisma migrate diff` proposes rebuilding
-- the User and Settings tables, which is needless for columns with constant defaults).

-- AlterTable
ALTER TABLE "User" ADD COLUMN "sessionVersion" INTEGER NOT NULL DEFAULT 0;

-- AlterTable
ALTER TABLE "Comment" ADD COLUMN "guestKey" TEXT;

-- AlterTable
ALTER TABLE "Settings" ADD COLUMN "likesPerMinute" INTEGER NOT NULL DEFAULT 30;
ALTER TABLE "Settings" ADD COLUMN "likesPerHour" INTEGER NOT NULL DEFAULT 300;
ALTER TABLE "Settings" ADD COLUMN "setupTokenHash" TEXT;
ALTER TABLE "Settings" ADD COLUMN "setupTokenExpires" DATETIME;
