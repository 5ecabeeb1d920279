-- How a finished activity went, in the user's words (issue 13: finish with outcome and notes).
ALTER TABLE "Activity" ADD COLUMN "outcome" TEXT;
