-- Which mailbox each logged message came from: the logging user's own, or a shared mailbox or the
-- owner of a delegate's folder (Outlook's shared properties). Entries logged before were all read in
-- the logging user's own mailbox, so they take that user's address.

-- AlterTable
ALTER TABLE "EmailLogEntry" ADD COLUMN "mailbox" TEXT;

UPDATE "EmailLogEntry" AS e SET "mailbox" = lower(u.email) FROM "User" AS u WHERE u.id = e."loggedById";

ALTER TABLE "EmailLogEntry" ALTER COLUMN "mailbox" SET NOT NULL;
