-- CreateEnum
CREATE TYPE "CalendarSubscriptionState" AS ENUM ('NONE', 'ACTIVE', 'REAUTHORIZE', 'REMOVED', 'FAILED');

-- CreateTable
CREATE TABLE "CalendarMailbox" (
    "userId" UUID NOT NULL,
    "subscriptionId" TEXT,
    "clientStateHash" TEXT,
    "subscriptionState" "CalendarSubscriptionState" NOT NULL DEFAULT 'NONE',
    "expiresAt" TIMESTAMPTZ(3),
    "leasedUntil" TIMESTAMPTZ(3),
    "leasedBy" TEXT,
    "retryAt" TIMESTAMPTZ(3),
    "subscriptionError" TEXT,
    "lastNotificationAt" TIMESTAMPTZ(3),
    "pullRequestedAt" TIMESTAMPTZ(3),
    "pullRequestSeq" INTEGER NOT NULL DEFAULT 0,
    "pullLockedUntil" TIMESTAMPTZ(3),
    "lastPushAt" TIMESTAMPTZ(3),
    "pullError" TEXT,
    "pullErrorAt" TIMESTAMPTZ(3),

    CONSTRAINT "CalendarMailbox_pkey" PRIMARY KEY ("userId")
);

-- CreateIndex
CREATE UNIQUE INDEX "CalendarMailbox_subscriptionId_key" ON "CalendarMailbox"("subscriptionId");

-- CreateIndex
CREATE INDEX "CalendarMailbox_pullRequestedAt_idx" ON "CalendarMailbox"("pullRequestedAt");

-- AddForeignKey
ALTER TABLE "CalendarMailbox" ADD CONSTRAINT "CalendarMailbox_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

