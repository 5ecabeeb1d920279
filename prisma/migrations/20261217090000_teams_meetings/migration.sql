-- AlterTable: a meeting may ask Outlook for a Teams meeting; its join link comes back from Graph.
ALTER TABLE "Activity" ADD COLUMN     "onlineMeeting" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN     "onlineMeetingJoinUrl" TEXT;
