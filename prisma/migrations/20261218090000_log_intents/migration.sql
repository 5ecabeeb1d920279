-- CreateEnum
CREATE TYPE "LogIntentState" AS ENUM ('PENDING', 'LOGGED', 'EXPIRED', 'REJECTED');

-- AlterTable
ALTER TABLE "EmailLogEntry" ADD COLUMN     "loggedBecause" TEXT;

-- CreateTable
CREATE TABLE "LogIntent" (
    "id" UUID NOT NULL,
    "userId" UUID NOT NULL,
    "marker" TEXT NOT NULL,
    "conversationId" TEXT,
    "subject" TEXT NOT NULL DEFAULT '',
    "customerId" UUID NOT NULL,
    "contactId" UUID,
    "state" "LogIntentState" NOT NULL DEFAULT 'PENDING',
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "nextAttemptAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "leaseUntil" TIMESTAMPTZ(3),
    "reason" TEXT,
    "internetMessageId" TEXT,
    "emailLogEntryId" UUID,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "expiresAt" TIMESTAMPTZ(3) NOT NULL,
    "finishedAt" TIMESTAMPTZ(3),

    CONSTRAINT "LogIntent_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "LogIntent_state_nextAttemptAt_idx" ON "LogIntent"("state", "nextAttemptAt");

-- CreateIndex
CREATE UNIQUE INDEX "LogIntent_userId_marker_key" ON "LogIntent"("userId", "marker");

-- AddForeignKey
ALTER TABLE "LogIntent" ADD CONSTRAINT "LogIntent_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

