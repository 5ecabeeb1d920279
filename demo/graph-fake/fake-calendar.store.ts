import { randomUUID } from "node:crypto";
import type {
  GraphDateTime,
  GraphEvent,
  GraphRecurrence,
} from "../../service/src/calendar-sync/graph/graph-event.types";
import { dayOf, instantOf, wallTime } from "../../service/src/calendar-sync/graph/graph-time";

// The state behind the Graph fake: one mailbox per bearer token, events with change keys, and a
// change sequence that calendarView/delta reads. Recurring series expand into occurrences with
// stable ids, as Graph's calendarView does.

export interface StoredEvent extends GraphEvent {
  createdDateTime: string;
  /** Position in the mailbox's change sequence of the last change (delta reads changes after a token's). */
  seq: number;
  deleted: boolean;
  /** Days (YYYY-MM-DD) of a series' occurrences deleted one by one. */
  deletedOccurrences?: string[];
  /** A series' occurrences changed one by one (Graph's exceptions), by their day. */
  exceptions?: Record<string, Partial<GraphEvent>>;
  /**
   * A series' change key and time as of its own last change: its plain occurrences carry them, so
   * changing or deleting one occurrence does not change the others (the master's own key moves).
   */
  instanceKey?: string;
  instanceModified?: string;
}

export class FakeMailbox {
  readonly events = new Map<string, StoredEvent>();
  seq = 0;
  /** Delta tokens older than this answer 410, like Graph's after its sync state expired. */
  oldestValidSeq = 0;
  /** Cancellation messages sent to attendees (POST /events/{id}/cancel). */
  readonly cancellations: { eventId: string; comment: string }[] = [];
  /**
   * The calendar's allowedOnlineMeetingProviders (GET /me/calendar): a Microsoft 365 mailbox with
   * Teams by default; a test empties it for a calendar without online meetings.
   */
  allowedOnlineMeetingProviders: string[] = ["teamsForBusiness"];

  /** Called on every change, for the fake's change notifications. */
  onChange?: (event: StoredEvent, change: "created" | "updated" | "deleted") => void;

  constructor(readonly token: string) {}

  /** Live single events and series masters (what Outlook shows, before expansion). */
  live(): StoredEvent[] {
    return [...this.events.values()].filter((event) => !event.deleted);
  }

  /** A change of the event; `own: false` for a change of one of a series' occurrences only. */
  touch(event: StoredEvent, at = new Date(), own = true) {
    const change = event.deleted ? "deleted" : this.events.has(event.id) ? "updated" : "created";
    event.seq = ++this.seq;
    event.changeKey = randomUUID().replace(/-/g, "").slice(0, 20);
    event.lastModifiedDateTime = at.toISOString();
    event["@odata.etag"] = `W/"${event.changeKey}"`;
    if (own) {
      event.instanceKey = event.changeKey;
      event.instanceModified = event.lastModifiedDateTime;
    }
    this.onChange?.(event, change);
  }

  /** One occurrence of a series changed (an exception) or deleted: only it and the master change. */
  touchOccurrence(master: StoredEvent, day: string, changes: Partial<GraphEvent> | null, at = new Date()) {
    if (changes) {
      const changeKey = randomUUID().replace(/-/g, "").slice(0, 20);
      master.exceptions = {
        ...master.exceptions,
        [day]: { ...master.exceptions?.[day], ...changes, changeKey, lastModifiedDateTime: at.toISOString() },
      };
    } else master.deletedOccurrences = [...(master.deletedOccurrences ?? []), day];
    this.touch(master, at, false);
  }

  insert(fields: Omit<GraphEvent, "id" | "changeKey" | "lastModifiedDateTime">, at = new Date()): StoredEvent {
    const event = {
      ...fields,
      id: `AAMk${randomUUID().replace(/-/g, "")}`,
      type: fields.recurrence ? "seriesMaster" : "singleInstance",
      createdDateTime: at.toISOString(),
      deleted: false,
    } as StoredEvent;
    this.touch(event, at);
    this.events.set(event.id, event);
    return event;
  }

  /** An event by id: a stored one, or an occurrence of a series ("<masterId>_occ_<day>"). */
  find(id: string): StoredEvent | undefined {
    const stored = this.events.get(id);
    if (stored) return stored.deleted ? undefined : stored;
    const match = /^(.*)_occ_(\d{4}-\d{2}-\d{2})$/.exec(id);
    const master = match ? this.events.get(match[1]!) : undefined;
    if (!master || master.deleted || !master.recurrence) return undefined;
    return occurrencesOf(master, new Date(0), new Date(8.64e15)).find((occurrence) => occurrence.id === id);
  }
}

/**
 * Graph's online meeting rules ("Create or set an event as an online meeting in an Outlook calendar",
 * learn.microsoft.com/graph/outlook-calendar-online-meetings, and the event resource's isOnlineMeeting
 * and onlineMeetingProvider): asked with a provider the calendar allows, Graph initialises
 * onlineMeeting with a join URL; afterwards it ignores isOnlineMeeting and keeps the meeting online.
 * With a provider the calendar does not allow, the event is saved as a plain one.
 */
export function applyOnlineMeeting(box: FakeMailbox, event: StoredEvent, write: Partial<GraphEvent>) {
  if (event.onlineMeeting?.joinUrl) {
    event.isOnlineMeeting = true;
    return;
  }
  const provider = write.onlineMeetingProvider ?? (write.isOnlineMeeting ? "teamsForBusiness" : undefined);
  if (write.isOnlineMeeting && provider && box.allowedOnlineMeetingProviders.includes(provider)) {
    const meeting = randomUUID().replace(/-/g, "");
    event.isOnlineMeeting = true;
    event.onlineMeetingProvider = provider as GraphEvent["onlineMeetingProvider"];
    event.onlineMeeting = {
      joinUrl: `https://teams.microsoft.com/l/meetup-join/19%3ameeting_${meeting}%40thread.v2/0?context=%7b%7d`,
    };
  } else {
    event.isOnlineMeeting = false;
    event.onlineMeetingProvider = "unknown";
    event.onlineMeeting = null;
  }
}

/** Instances of an event overlapping [start, end): itself, or its series' occurrences. */
export function instancesIn(event: StoredEvent, start: Date, end: Date): StoredEvent[] {
  if (event.recurrence) return occurrencesOf(event, start, end);
  return overlaps(event, start, end) ? [event] : [];
}

function overlaps(event: GraphEvent, start: Date, end: Date): boolean {
  const { from, to } = spanOf(event);
  return from < end && (to > start || (from.getTime() === to.getTime() && from >= start));
}

/** All-day events are floating days: compared as UTC days, good enough for a window of months. */
function spanOf(event: GraphEvent) {
  if (event.isAllDay)
    return { from: new Date(`${dayOf(event.start)}T00:00:00Z`), to: new Date(`${dayOf(event.end)}T00:00:00Z`) };
  return { from: instantOf(event.start), to: instantOf(event.end) };
}

const DAY_NAMES = ["sunday", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday"];

function addDays(day: string, days: number): string {
  const date = new Date(`${day}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}

const INDEX = { first: 0, second: 1, third: 2, fourth: 3 } as const;

/**
 * Whether a day is one of the pattern's (recurrencePattern, learn.microsoft.com/graph/api/resources/
 * recurrencepattern). Written out by hand, apart from the service's rrule expansion, so a test sees
 * it when the two disagree. Yearly patterns are left out: the CRM's tests do not use them.
 */
function patternMatches(
  pattern: GraphRecurrence["pattern"],
  day: string,
  offset: number,
  weekStart: string,
  startDay: string,
): boolean {
  const date = new Date(`${day}T00:00:00Z`);
  const weekday = DAY_NAMES[date.getUTCDay()]!;
  const months =
    (date.getUTCFullYear() - Number(startDay.slice(0, 4))) * 12 +
    date.getUTCMonth() -
    (Number(startDay.slice(5, 7)) - 1);
  switch (pattern.type) {
    case "daily":
      return offset % pattern.interval === 0;
    case "weekly":
      return (
        Math.floor((date.getTime() - Date.parse(`${weekStart}T00:00:00Z`)) / 604_800_000) % pattern.interval === 0 &&
        (pattern.daysOfWeek ?? []).includes(weekday)
      );
    case "absoluteMonthly":
      return months % pattern.interval === 0 && date.getUTCDate() === pattern.dayOfMonth;
    case "relativeMonthly": {
      if (months % pattern.interval !== 0 || !(pattern.daysOfWeek ?? []).includes(weekday)) return false;
      const index = pattern.index ?? "first";
      if (index === "last") return date.getUTCMonth() !== new Date(date.getTime() + 7 * 86_400_000).getUTCMonth();
      return Math.floor((date.getUTCDate() - 1) / 7) === INDEX[index];
    }
    default:
      return false;
  }
}

/** Expands a series in its own zone, so 09:00 stays 09:00 across a daylight-saving change. */
export function occurrencesOf(master: StoredEvent, start: Date, end: Date): StoredEvent[] {
  const recurrence = master.recurrence as GraphRecurrence;
  const { pattern, range } = recurrence;
  const startDay = range.startDate;
  const timeOfDay = master.start.dateTime.slice(10);
  const durationDays =
    (Date.parse(`${dayOf(master.end)}T00:00:00Z`) - Date.parse(`${dayOf(master.start)}T00:00:00Z`)) / 86_400_000;
  const endTimeOfDay = master.end.dateTime.slice(10);
  const weekStart = addDays(startDay, -new Date(`${startDay}T00:00:00Z`).getUTCDay());
  const result: StoredEvent[] = [];
  let count = 0;
  for (let offset = 0; offset < 800; offset++) {
    const day = addDays(startDay, offset);
    if (range.type === "endDate" && range.endDate && day > range.endDate) break;
    if (range.type === "numbered" && count >= (range.numberOfOccurrences ?? 0)) break;
    if (!patternMatches(pattern, day, offset, weekStart, startDay)) continue;
    count++;
    if (master.deletedOccurrences?.includes(day)) continue;
    const start0 = { dateTime: `${day}${timeOfDay}`, timeZone: master.start.timeZone };
    const exception = master.exceptions?.[day];
    const occurrence: StoredEvent = {
      ...master,
      id: `${master.id}_occ_${day}`,
      type: exception ? "exception" : "occurrence",
      seriesMasterId: master.id,
      originalStart: instantOf(start0).toISOString(),
      recurrence: null,
      start: start0,
      end: { dateTime: `${addDays(day, durationDays)}${endTimeOfDay}`, timeZone: master.end.timeZone },
      changeKey: master.instanceKey ?? master.changeKey,
      lastModifiedDateTime: master.instanceModified ?? master.lastModifiedDateTime,
      ...exception,
    };
    occurrence["@odata.etag"] = `W/"${occurrence.changeKey}"`;
    if (overlaps(occurrence, start, end)) result.push(occurrence);
  }
  return result;
}

/** An event as Graph returns it; with Prefer: outlook.timezone="UTC", timed events in UTC. */
export function present(event: StoredEvent, utc: boolean): GraphEvent {
  /* eslint-disable @typescript-eslint/no-unused-vars -- internal bookkeeping stays inside the fake */
  const {
    seq,
    deleted,
    deletedOccurrences,
    exceptions,
    instanceKey,
    instanceModified,
    singleValueExtendedProperties,
    ...visible
  } = event;
  /* eslint-enable @typescript-eslint/no-unused-vars */
  const convert = (value: GraphDateTime): GraphDateTime =>
    event.isAllDay
      ? { dateTime: value.dateTime, timeZone: utc ? "UTC" : value.timeZone }
      : utc
        ? { dateTime: wallTime(instantOf(value), "UTC"), timeZone: "UTC" }
        : value;
  return { ...visible, start: convert(event.start), end: convert(event.end) };
}
