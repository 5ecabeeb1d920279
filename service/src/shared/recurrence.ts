import { RRule } from "rrule";
import type { Recurrence, RecurrencePattern, RecurrenceRange } from "contract";
import { dayInZone, instantOfWallClock, zoneOffsetMs } from "contract/zoned-time";

// Recurring activities, the data model (README "Recurring activities" says the same for users):
//
// - ActivitySeries: one row per series with Graph's patternedRecurrence as the contract checked it
//   (pattern: daily | weekly | absoluteMonthly | relativeMonthly | absoluteYearly | relativeYearly,
//   interval, daysOfWeek, dayOfMonth, month, index, firstDayOfWeek; range: endDate | numbered |
//   noEnd from the first occurrence's day) and the fields every occurrence shares. The first
//   occurrence's start and end give the wall-clock time of day and the duration in the series' zone,
//   so 09:00 stays 09:00 in Berlin across a daylight-saving change, as Outlook keeps it.
// - Occurrences are Activity rows (seriesId, occurrenceStart), materialised from the rule for a
//   bounded window: from the first occurrence to the sync window's end (SYNC_WINDOW_FUTURE_DAYS),
//   at most MAX_MATERIALISED; the window moves on as days pass. They are real activities, so the
//   record, reminders, reports and "finish" work on them unchanged. occurrenceStart is where the rule
//   puts one (Graph's originalStart) and never changes when it is moved; (seriesId, occurrenceStart)
//   is unique, so two replicas materialising at once, a resync or a pull finding an occurrence first
//   can never make two activities of one occurrence (inserts skip duplicates).
// - Exceptions: an occurrence changed on its own ("this one" in the CRM, moved or edited in Outlook)
//   has seriesException; one cancelled is CANCELLED (kept, never erased). A change of the whole series
//   rewrites the planned occurrences that are not exceptions; finished ones stay as they were.
// - Outlook: one series master (ActivitySeries.graphEventId) created with patternedRecurrence; its
//   occurrences' Graph ids are learnt from calendarView/delta (which returns instances with
//   seriesMasterId and originalStart) and stored on the occurrence activities.
//
// Expansion uses rrule (RFC 5545, BSD-3): Graph's patterns map onto FREQ/INTERVAL/BYDAY/BYSETPOS/
// BYMONTHDAY/BYMONTH/WKST. It runs on floating days (UTC midnight stands for a calendar day), and the
// time of day is then placed in the series' zone, which avoids rrule's weak time zone support.

/** At most this many occurrences exist as activities per series at once. */
export const MAX_MATERIALISED = 500;

const WEEKDAYS = {
  monday: RRule.MO,
  tuesday: RRule.TU,
  wednesday: RRule.WE,
  thursday: RRule.TH,
  friday: RRule.FR,
  saturday: RRule.SA,
  sunday: RRule.SU,
} as const;
const INDEX = { first: 1, second: 2, third: 3, fourth: 4, last: -1 } as const;
const DAY = 86_400_000;

const dayMs = (day: string) => Date.parse(`${day}T00:00:00Z`);
const dayOfMs = (ms: number) => new Date(ms).toISOString().slice(0, 10);

function ruleOf(pattern: RecurrencePattern, range: RecurrenceRange, startDay: string) {
  const days = (pattern.daysOfWeek ?? []).map((day) => WEEKDAYS[day]);
  const freq = {
    daily: RRule.DAILY,
    weekly: RRule.WEEKLY,
    absoluteMonthly: RRule.MONTHLY,
    relativeMonthly: RRule.MONTHLY,
    absoluteYearly: RRule.YEARLY,
    relativeYearly: RRule.YEARLY,
  }[pattern.type];
  const relative = pattern.type === "relativeMonthly" || pattern.type === "relativeYearly";
  return new RRule({
    freq,
    interval: pattern.interval,
    dtstart: new Date(dayMs(startDay)),
    wkst: WEEKDAYS[pattern.firstDayOfWeek ?? "sunday"],
    ...(pattern.type === "weekly" && { byweekday: days }),
    // "The first Monday": any of the days, the index-th of them in the month (Graph's index).
    ...(relative && { byweekday: days, bysetpos: [INDEX[pattern.index ?? "first"]] }),
    ...((pattern.type === "absoluteMonthly" || pattern.type === "absoluteYearly") && {
      bymonthday: [pattern.dayOfMonth!],
    }),
    ...((pattern.type === "absoluteYearly" || pattern.type === "relativeYearly") && { bymonth: [pattern.month!] }),
    ...(range.type === "numbered" && { count: range.numberOfOccurrences }),
    ...(range.type === "endDate" && { until: new Date(dayMs(range.endDate!)) }),
  });
}

export interface SeriesTimes {
  firstStartsAt: Date;
  firstEndsAt: Date;
  timeZone: string;
  allDay: boolean;
}

/** What every occurrence of a series shares, as the service holds it (the rule, and the first occurrence's times). */
export interface SeriesFields extends SeriesTimes {
  subject: string;
  notes: string | null;
  location: string | null;
  reminderMinutesBefore: number | null;
  onlineMeeting: boolean;
  recurrence: Recurrence;
}

/** The day (YYYY-MM-DD, in the series' zone) of its first occurrence: Graph's range.startDate. */
export const startDayOf = (series: SeriesTimes) => dayInZone(series.firstStartsAt, series.timeZone);

/** An occurrence's start and end on a day, at the series' wall-clock time in its zone. */
export function occurrenceOn(series: SeriesTimes, day: string): { startsAt: Date; endsAt: Date } {
  const startDay = startDayOf(series);
  const wallStart = series.firstStartsAt.getTime() + zoneOffsetMs(series.firstStartsAt, series.timeZone);
  const timeOfDay = wallStart - dayMs(startDay);
  const duration = series.firstEndsAt.getTime() - series.firstStartsAt.getTime();
  const startsAt = instantOfWallClock(dayMs(day) + timeOfDay, series.timeZone);
  return { startsAt, endsAt: new Date(startsAt.getTime() + duration) };
}

/**
 * The occurrences of a series whose day lies in [fromDay, untilDay], at most `limit`, in order.
 * Graph starts a series on range.startDate: a first day that does not fit the pattern is not one.
 */
export function occurrencesBetween(
  series: SeriesTimes & { pattern: RecurrencePattern; range: RecurrenceRange },
  fromDay: string,
  untilDay: string,
  limit = MAX_MATERIALISED,
): { day: string; startsAt: Date; endsAt: Date }[] {
  const rule = ruleOf(series.pattern, series.range, startDayOf(series));
  const days: string[] = [];
  rule.between(new Date(dayMs(fromDay)), new Date(dayMs(untilDay) + DAY - 1), true, (date) => {
    days.push(dayOfMs(date.getTime()));
    return days.length < limit;
  });
  return days.map((day) => ({ day, ...occurrenceOn(series, day) }));
}

/**
 * The rule's occurrences on days no kept occurrence holds: an exception, a finished or a cancelled
 * one stays for its day when the series is rebuilt (as Outlook keeps its exceptions and deleted
 * occurrences by day), so a new time or rule never makes a second occurrence of that day.
 */
export function onFreeDays<T extends { startsAt: Date }>(
  occurrences: T[],
  kept: { occurrenceStart: Date | null }[],
  timeZone: string,
): T[] {
  const taken = new Set(kept.flatMap((row) => (row.occurrenceStart ? [dayInZone(row.occurrenceStart, timeZone)] : [])));
  return occurrences.filter((occurrence) => !taken.has(dayInZone(occurrence.startsAt, timeZone)));
}
