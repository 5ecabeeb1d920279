-- What the CRM last sent Outlook for each event field, and the attendees Outlook last showed: a
-- PATCH carries only the fields the CRM changed since, so Outlook-side edits survive. Activities
-- synced before have none: their next PATCH sends every field but the attendees.
ALTER TABLE "Activity" ADD COLUMN "graphPushed" JSONB;
