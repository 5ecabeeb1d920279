-- AlterTable
ALTER TABLE "Activity" ADD COLUMN     "graphMailboxUserId" UUID;

-- Events pushed so far are in their owner's calendar.
UPDATE "Activity" SET "graphMailboxUserId" = "ownerId" WHERE "graphEventId" IS NOT NULL;
