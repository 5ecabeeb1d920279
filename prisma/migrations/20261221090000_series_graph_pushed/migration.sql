-- What the CRM last sent each Outlook series master (per field group, and the attendees Outlook
-- showed), so a change of the whole series PATCHes only what the CRM changed. Series synced before
-- have none: their next PATCH sends every field but the attendees once.

-- AlterTable
ALTER TABLE "ActivitySeries" ADD COLUMN     "graphPushed" JSONB;
