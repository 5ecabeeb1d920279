import { Recurrence } from "contract";
import { type SeriesFields, startDayOf } from "../../shared/recurrence";
import type { GraphEvent, GraphEventWrite, GraphRecurrence } from "./graph-event.types";
import {
  FIELD_GROUPS,
  type PushedFields,
  type PushableActivity,
  fingerprints,
  pushedFieldsAfter,
  pushedFieldsOf,
  toGraphEvent,
  toGraphPatch,
} from "./graph-event.mapper";
import { windowsZoneOf } from "./graph-time-zones";
import { allDayInstants, instantOf } from "./graph-time";

// A recurring series as its Outlook series master: the first occurrence's event with Graph's
// patternedRecurrence. The same conflict rules as a single activity's event (graph-event.mapper.ts):
// a PATCH carries only the groups the CRM changed since it last sent the master, the recurrence
// being one group more; attendees only when the CRM's contact changed; categories never.

/** What a series master is made of. */
export interface SeriesForOutlook extends SeriesFields {
  id: string;
  graphGeneration: number;
  attendee: { email: string; name: string } | null;
}

/** What the CRM last sent a series master: a single event's record and the recurrence's fingerprint. */
export interface SeriesPushedFields extends PushedFields {
  recurrence: string;
}

/** Graph's patternedRecurrence of a series; the range starts on the first occurrence's day in its zone. */
export function recurrenceOf(
  series: Pick<SeriesForOutlook, "recurrence" | "firstStartsAt" | "timeZone" | "allDay" | "firstEndsAt">,
): GraphRecurrence {
  const { pattern, range } = series.recurrence;
  return {
    pattern: { ...pattern },
    range: {
      type: range.type,
      startDate: startDayOf(series),
      ...(range.type === "endDate" && { endDate: range.endDate }),
      ...(range.type === "numbered" && { numberOfOccurrences: range.numberOfOccurrences }),
      // A name Graph documents, as for start and end (CLDR windowsZones); UTC for a zone it does not map.
      recurrenceTimeZone: windowsZoneOf(series.timeZone) ?? "UTC",
    },
  };
}

/** The series as the first occurrence's event (what toGraphEvent and the fingerprints read). */
function firstOccurrenceOf(series: SeriesForOutlook): PushableActivity {
  return {
    id: series.id,
    subject: series.subject,
    notes: series.notes,
    location: series.location,
    startsAt: series.firstStartsAt,
    endsAt: series.firstEndsAt,
    timeZone: series.timeZone,
    allDay: series.allDay,
    status: "PLANNED",
    reminderMinutesBefore: series.reminderMinutesBefore,
    graphGeneration: series.graphGeneration,
    attendee: series.attendee,
    onlineMeeting: series.onlineMeeting,
  };
}

// The range's startDate and zone are in it: moving the series to another day changes the recurrence too.
const recurrenceFingerprint = (series: SeriesForOutlook) => JSON.stringify(recurrenceOf(series));

/** The whole series master, for a create. */
export function masterOf(series: SeriesForOutlook): GraphEventWrite {
  return { ...toGraphEvent(firstOccurrenceOf(series)), recurrence: recurrenceOf(series) };
}

/**
 * The PATCH of a series master: only the groups the CRM changed since it last sent it (the
 * recurrence whole, as Graph replaces it), the attendees only when the series' contact changed
 * (anyone invited in Outlook stays). Without a record (masters synced before it was kept), every
 * group goes but the attendees, as for a single activity.
 */
export function toSeriesPatch(series: SeriesForOutlook, previous: SeriesPushedFields | null): Partial<GraphEventWrite> {
  const patch = toGraphPatch(firstOccurrenceOf(series), previous);
  if (!previous || previous.recurrence !== recurrenceFingerprint(series)) patch.recurrence = recurrenceOf(series);
  return patch;
}

/** What was sent, once Graph answered: kept with the series for its next PATCH. */
export function seriesPushedAfter(
  series: SeriesForOutlook,
  answered: GraphEvent | null,
  previous: SeriesPushedFields | null,
  sent: Partial<GraphEventWrite>,
): SeriesPushedFields {
  return {
    ...pushedFieldsAfter(firstOccurrenceOf(series), answered, previous, sent),
    recurrence: recurrenceFingerprint(series),
  };
}

/** A stored record of what was sent to a series master (null for anything else). */
export function seriesPushedOf(value: unknown): SeriesPushedFields | null {
  const pushed = pushedFieldsOf(value);
  const recurrence = (value as { recurrence?: unknown } | null)?.recurrence;
  return pushed && typeof recurrence === "string" ? { ...pushed, recurrence } : null;
}

/** The fingerprint of each group of a series as it is now (the recurrence one more). */
export function seriesFingerprints(series: SeriesForOutlook) {
  return { ...fingerprints(firstOccurrenceOf(series)), recurrence: recurrenceFingerprint(series) };
}

export const SERIES_GROUPS = [...FIELD_GROUPS, "recurrence"] as const;
export type SeriesGroup = (typeof SERIES_GROUPS)[number];

/** The groups whose CRM value differs from what was last sent (all when nothing is known). */
export function seriesChangedGroups(series: SeriesForOutlook, previous: SeriesPushedFields | null): Set<SeriesGroup> {
  const now = seriesFingerprints(series);
  const before: Partial<Record<SeriesGroup, string>> = previous
    ? { ...previous.fields, recurrence: previous.recurrence }
    : {};
  return new Set(SERIES_GROUPS.filter((group) => !previous || before[group] !== now[group]));
}

/** What an Outlook series master says about the series' own fields. */
export interface SeriesFromMaster {
  subject: string;
  location: string | null;
  firstStartsAt: Date;
  firstEndsAt: Date;
  allDay: boolean;
  /** The pattern and range as the contract holds them (null: one the CRM cannot hold). */
  recurrence: Recurrence | null;
  cancelled: boolean;
}

const RELATIVE = new Set(["relativeMonthly", "relativeYearly"]);

/**
 * A recurrence with only the properties its pattern type uses, Graph's defaults spelt out (Graph
 * answers with every property of recurrencePattern, unused ones as 0 or "first": learn.microsoft.com/
 * graph/api/resources/recurrencepattern), so the CRM's and Outlook's compare equal when they mean
 * the same; null when the contract cannot hold it.
 */
export function normalisedRecurrence(value: { pattern: Record<string, unknown>; range: Record<string, unknown> }) {
  const { pattern, range } = value;
  const type = pattern.type as string;
  const parsed = Recurrence.safeParse({
    pattern: {
      type,
      interval: pattern.interval,
      ...((type === "weekly" || RELATIVE.has(type)) && { daysOfWeek: pattern.daysOfWeek }),
      ...(type === "weekly" && { firstDayOfWeek: pattern.firstDayOfWeek ?? "sunday" }),
      ...(RELATIVE.has(type) && { index: pattern.index ?? "first" }),
      ...((type === "absoluteMonthly" || type === "absoluteYearly") && { dayOfMonth: pattern.dayOfMonth }),
      ...((type === "absoluteYearly" || type === "relativeYearly") && { month: pattern.month }),
    },
    range: {
      type: range.type,
      ...(range.type === "endDate" && { endDate: range.endDate }),
      ...(range.type === "numbered" && { numberOfOccurrences: range.numberOfOccurrences }),
    },
  });
  return parsed.success ? parsed.data : null;
}

/** Whether two recurrences mean the same series of days. */
export const sameRecurrence = (a: Recurrence, b: Recurrence) =>
  JSON.stringify(normalisedRecurrence(a)) === JSON.stringify(normalisedRecurrence(b));

/**
 * Reads a series master (asked in UTC). Its start and end are the first occurrence's (the event
 * resource: a seriesMaster's start is its series' first); all-day ones keep their days in the
 * series' zone.
 */
export function fromSeriesMaster(master: GraphEvent, timeZone: string): SeriesFromMaster {
  const times = master.isAllDay
    ? allDayInstants(master.start, master.end, timeZone)
    : { startsAt: instantOf(master.start), endsAt: instantOf(master.end) };
  return {
    subject: master.subject || "(no subject)",
    location: master.location?.displayName || null,
    firstStartsAt: times.startsAt,
    firstEndsAt: times.endsAt,
    allDay: master.isAllDay,
    recurrence: master.recurrence
      ? normalisedRecurrence(master.recurrence as unknown as Parameters<typeof normalisedRecurrence>[0])
      : null,
    cancelled: master.isCancelled === true,
  };
}
