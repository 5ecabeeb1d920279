-- CreateEnum
CREATE TYPE "SyncWaitReason" AS ENUM ('UNREACHABLE', 'THROTTLED', 'OUTLOOK_ERROR', 'SIGN_IN');

-- AlterTable
ALTER TABLE "Activity" ADD COLUMN     "syncRetryAt" TIMESTAMPTZ(3),
ADD COLUMN     "syncWaitReason" "SyncWaitReason",
ADD COLUMN     "syncWaitingSince" TIMESTAMPTZ(3);

-- Activities the old rule gave up on after 12 attempts that got no answer (or a 429/5xx) were never
-- refused by Outlook: they go back to the outbox and are pushed once Graph answers.
INSERT INTO "CalendarOutbox" ("activityId", "activityVersion")
SELECT "id", "version" FROM "Activity"
WHERE "syncState" = 'FAILED' AND "syncError" LIKE 'Outlook did not accept this change after % attempts:%'
ON CONFLICT ("activityId") DO NOTHING;

UPDATE "Activity" SET "syncState" = 'PENDING', "syncError" = NULL
WHERE "syncState" = 'FAILED' AND "syncError" LIKE 'Outlook did not accept this change after % attempts:%';
