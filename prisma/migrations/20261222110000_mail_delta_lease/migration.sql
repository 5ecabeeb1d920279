-- Tracked conversations across replicas: a replica leases a mailbox folder before it reads its delta
-- (claimed with FOR UPDATE SKIP LOCKED), so no two read the same delta at once; a killed holder's
-- folder is taken over once its lease runs out.
ALTER TABLE "MailDeltaState" ADD COLUMN "leasedUntil" TIMESTAMPTZ(3);
ALTER TABLE "MailDeltaState" ADD COLUMN "leasedBy" TEXT;
