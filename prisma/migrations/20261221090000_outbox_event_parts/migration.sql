-- Which parts of the Outlook event an outbox entry must write (issue 13: a finished activity's outcome
-- goes into the event's body by a PATCH of the body alone); '*' is the whole event, as before.
ALTER TABLE "CalendarOutbox" ADD COLUMN "eventParts" TEXT[] NOT NULL DEFAULT ARRAY['*']::TEXT[];
