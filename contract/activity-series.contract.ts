import { z } from "zod";
import { Id, IsoDate, IsoDateTime, OptionalText, Text, TimeZone, UserRef, VersionField } from "./common.contract";
import { Activity, ActivityType, ActivityWhatAndWhen } from "./activities.contract";
import { SyncState } from "./sync.contract";
import { DAYS_OF_WEEK } from "./activity-kinds";

export { DAYS_OF_WEEK };

// Recurring activities: one series with Graph's patternedRecurrence (recurrencePattern +
// recurrenceRange, learn.microsoft.com/graph/api/resources/patternedrecurrence), its occurrences
// activities of their own. The range starts on the first occurrence's day (startsAt in timeZone).

export const DayOfWeek = z.enum(DAYS_OF_WEEK);

export const RecurrencePattern = z
  .object({
    type: z.enum(["daily", "weekly", "absoluteMonthly", "relativeMonthly", "absoluteYearly", "relativeYearly"]),
    interval: z.number().int().min(1).max(99),
    daysOfWeek: z.array(DayOfWeek).min(1).max(7).optional(),
    dayOfMonth: z.number().int().min(1).max(31).optional(),
    month: z.number().int().min(1).max(12).optional(),
    /** relativeMonthly / relativeYearly: which of the month's daysOfWeek ("first" Monday). */
    index: z.enum(["first", "second", "third", "fourth", "last"]).optional(),
    firstDayOfWeek: DayOfWeek.optional(),
  })
  .refine((p) => !["weekly", "relativeMonthly", "relativeYearly"].includes(p.type) || p.daysOfWeek, {
    message: "is required for this pattern type",
    path: ["daysOfWeek"],
  })
  .refine((p) => !["absoluteMonthly", "absoluteYearly"].includes(p.type) || p.dayOfMonth, {
    message: "is required for this pattern type",
    path: ["dayOfMonth"],
  })
  .refine((p) => !["absoluteYearly", "relativeYearly"].includes(p.type) || p.month, {
    message: "is required for this pattern type",
    path: ["month"],
  });
export type RecurrencePattern = z.infer<typeof RecurrencePattern>;

export const RecurrenceRange = z
  .object({
    type: z.enum(["endDate", "numbered", "noEnd"]),
    endDate: IsoDate.optional(),
    numberOfOccurrences: z.number().int().min(1).max(999).optional(),
  })
  .refine((r) => r.type !== "endDate" || r.endDate, { message: "is required with endDate", path: ["endDate"] })
  .refine((r) => r.type !== "numbered" || r.numberOfOccurrences, {
    message: "is required with numbered",
    path: ["numberOfOccurrences"],
  });
export type RecurrenceRange = z.infer<typeof RecurrenceRange>;

export const Recurrence = z.object({ pattern: RecurrencePattern, range: RecurrenceRange });
export type Recurrence = z.infer<typeof Recurrence>;

const SeriesFields = z.object({
  customerId: Id.nullable().optional(),
  contactId: Id.nullable().optional(),
  type: ActivityType,
  subject: Text(255),
  notes: OptionalText(20000),
  location: OptionalText(255),
  /** The first occurrence: its time of day and duration hold for all of them, in timeZone. */
  startsAt: IsoDateTime,
  endsAt: IsoDateTime,
  timeZone: TimeZone,
  allDay: z.boolean(),
  reminderMinutesBefore: z.number().int().min(0).max(40320).nullable().optional(),
  onlineMeeting: z.boolean().optional(),
  recurrence: Recurrence,
});
const endsAfterStart = (value: { startsAt?: string; endsAt?: string }) =>
  !value.startsAt || !value.endsAt || Date.parse(value.endsAt) >= Date.parse(value.startsAt);

export const SeriesCreate = SeriesFields.extend({ allDay: z.boolean().default(false) }).refine(endsAfterStart, {
  message: "must not be before startsAt",
  path: ["endsAt"],
});
export type SeriesCreate = z.infer<typeof SeriesCreate>;

/** "The whole series": only the fields given change; cancelled ends it (occurrences to come are cancelled). */
export const SeriesUpdate = SeriesFields.omit({ customerId: true, contactId: true })
  .partial()
  .extend({ cancelled: z.literal(true).optional() })
  .extend(VersionField.shape)
  .refine(endsAfterStart, { message: "must not be before startsAt", path: ["endsAt"] });
export type SeriesUpdate = z.infer<typeof SeriesUpdate>;

export const ActivitySeries = z.object({
  id: Id,
  type: ActivityType,
  ...ActivityWhatAndWhen,
  reminderMinutesBefore: z.number().int().nullable(),
  onlineMeeting: z.boolean(),
  recurrence: Recurrence,
  cancelled: z.boolean(),
  owner: UserRef,
  customerId: Id.nullable(),
  contactId: Id.nullable(),
  /** The Outlook series master. */
  sync: z.object({ state: SyncState, eventId: z.string().nullable(), error: z.string().nullable() }),
  /** Occurrences exist as activities up to here; later ones follow as the days pass. */
  materialisedUntil: IsoDateTime,
  version: z.number().int(),
  /** Its occurrences in order, exceptions and cancelled ones included. */
  occurrences: z.array(Activity),
});
export type ActivitySeries = z.infer<typeof ActivitySeries>;
