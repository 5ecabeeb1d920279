import type { Recurrence } from "contract";
import type { ActivitySeries } from "../generated/prisma/client";
import type { SeriesFields } from "../shared/recurrence";

type SeriesFieldsRow = Pick<
  ActivitySeries,
  | "subject"
  | "notes"
  | "location"
  | "firstStartsAt"
  | "firstEndsAt"
  | "timeZone"
  | "allDay"
  | "reminderMinutesBefore"
  | "onlineMeeting"
  | "pattern"
  | "range"
>;

/**
 * How every repository reads what the occurrences of an ActivitySeries row share. The pattern and
 * range columns hold the recurrence as the contract checked it when it was written.
 */
export const seriesFieldsOf = (row: SeriesFieldsRow): SeriesFields => ({
  subject: row.subject,
  notes: row.notes,
  location: row.location,
  firstStartsAt: row.firstStartsAt,
  firstEndsAt: row.firstEndsAt,
  timeZone: row.timeZone,
  allDay: row.allDay,
  reminderMinutesBefore: row.reminderMinutesBefore,
  onlineMeeting: row.onlineMeeting,
  recurrence: { pattern: row.pattern, range: row.range } as Recurrence,
});
