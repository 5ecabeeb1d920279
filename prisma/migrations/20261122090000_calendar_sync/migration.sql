-- AlterTable
ALTER TABLE "Activity" ADD COLUMN     "graphGeneration" INTEGER NOT NULL DEFAULT 0;

-- CreateTable
CREATE TABLE "CalendarOutbox" (
    "activityId" UUID NOT NULL,
    "activityVersion" INTEGER NOT NULL,
    "enqueuedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "availableAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "lockedUntil" TIMESTAMPTZ(3),
    "lockedBy" TEXT,
    "lastError" TEXT,

    CONSTRAINT "CalendarOutbox_pkey" PRIMARY KEY ("activityId")
);

-- CreateTable
CREATE TABLE "CalendarSyncState" (
    "userId" UUID NOT NULL,
    "deltaLink" TEXT,
    "windowStart" TIMESTAMPTZ(3) NOT NULL,
    "windowEnd" TIMESTAMPTZ(3) NOT NULL,
    "lastPullAt" TIMESTAMPTZ(3),
    "lastError" TEXT,

    CONSTRAINT "CalendarSyncState_pkey" PRIMARY KEY ("userId")
);

-- CreateTable
CREATE TABLE "GraphTokenCache" (
    "userId" UUID NOT NULL,
    "cipher" TEXT NOT NULL,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "GraphTokenCache_pkey" PRIMARY KEY ("userId")
);

-- CreateIndex
CREATE INDEX "CalendarOutbox_availableAt_idx" ON "CalendarOutbox"("availableAt");

-- CreateIndex
CREATE UNIQUE INDEX "Activity_ownerId_graphEventId_key" ON "Activity"("ownerId", "graphEventId");

-- AddForeignKey
ALTER TABLE "CalendarOutbox" ADD CONSTRAINT "CalendarOutbox_activityId_fkey" FOREIGN KEY ("activityId") REFERENCES "Activity"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CalendarSyncState" ADD CONSTRAINT "CalendarSyncState_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "GraphTokenCache" ADD CONSTRAINT "GraphTokenCache_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

