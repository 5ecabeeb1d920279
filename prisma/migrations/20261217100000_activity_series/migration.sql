-- Recurring activities: one series row with Graph's patternedRecurrence, occurrences as activities
-- (seriesId, occurrenceStart unique: never two of one occurrence), and the series' own outbox.

-- AlterTable
ALTER TABLE "Activity" ADD COLUMN     "occurrenceStart" TIMESTAMPTZ(3),
ADD COLUMN     "seriesException" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN     "seriesId" UUID;

-- CreateTable
CREATE TABLE "ActivitySeries" (
    "id" UUID NOT NULL,
    "type" "ActivityType" NOT NULL,
    "subject" TEXT NOT NULL,
    "notes" TEXT,
    "location" TEXT,
    "firstStartsAt" TIMESTAMPTZ(3) NOT NULL,
    "firstEndsAt" TIMESTAMPTZ(3) NOT NULL,
    "timeZone" TEXT NOT NULL,
    "allDay" BOOLEAN NOT NULL DEFAULT false,
    "reminderMinutesBefore" INTEGER,
    "onlineMeeting" BOOLEAN NOT NULL DEFAULT false,
    "pattern" JSONB NOT NULL,
    "range" JSONB NOT NULL,
    "cancelled" BOOLEAN NOT NULL DEFAULT false,
    "ownerId" UUID NOT NULL,
    "customerId" UUID,
    "contactId" UUID,
    "materialisedUntil" TIMESTAMPTZ(3) NOT NULL,
    "createdById" UUID NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "modifiedById" UUID NOT NULL,
    "modifiedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "version" INTEGER NOT NULL DEFAULT 1,
    "syncState" "SyncState" NOT NULL DEFAULT 'NOT_SYNCED',
    "graphEventId" TEXT,
    "graphChangeKey" TEXT,
    "graphGeneration" INTEGER NOT NULL DEFAULT 0,
    "syncError" TEXT,
    "lastSyncedAt" TIMESTAMPTZ(3),

    CONSTRAINT "ActivitySeries_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "SeriesOutbox" (
    "seriesId" UUID NOT NULL,
    "seriesVersion" INTEGER NOT NULL,
    "availableAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "lockedUntil" TIMESTAMPTZ(3),
    "lockedBy" TEXT,
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "lastError" TEXT,

    CONSTRAINT "SeriesOutbox_pkey" PRIMARY KEY ("seriesId")
);

-- CreateIndex
CREATE INDEX "ActivitySeries_customerId_idx" ON "ActivitySeries"("customerId");

-- CreateIndex
CREATE UNIQUE INDEX "ActivitySeries_ownerId_graphEventId_key" ON "ActivitySeries"("ownerId", "graphEventId");

-- CreateIndex
CREATE INDEX "SeriesOutbox_availableAt_idx" ON "SeriesOutbox"("availableAt");

-- CreateIndex
CREATE UNIQUE INDEX "Activity_seriesId_occurrenceStart_key" ON "Activity"("seriesId", "occurrenceStart");

-- AddForeignKey
ALTER TABLE "Activity" ADD CONSTRAINT "Activity_seriesId_fkey" FOREIGN KEY ("seriesId") REFERENCES "ActivitySeries"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ActivitySeries" ADD CONSTRAINT "ActivitySeries_ownerId_fkey" FOREIGN KEY ("ownerId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ActivitySeries" ADD CONSTRAINT "ActivitySeries_customerId_fkey" FOREIGN KEY ("customerId") REFERENCES "Customer"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SeriesOutbox" ADD CONSTRAINT "SeriesOutbox_seriesId_fkey" FOREIGN KEY ("seriesId") REFERENCES "ActivitySeries"("id") ON DELETE CASCADE ON UPDATE CASCADE;

