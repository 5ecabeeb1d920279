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
}

export class FakeMailbox {
  readonly events = new Map<string, StoredEvent>();
  seq = 0;
  /** Delta tokens older than this answer 410, like Graph's after its sync state expired. */
  oldestValidSeq = 0;
  /** Cancellation messages sent to attendees (POST /events/{id}/cancel). */
  readonly cancellations: { eventId: string; comment: string }[] = [];

  /** Called on every change, for the fake's change notifications. */
  onChange?: (event: StoredEvent, change: "created" | "updated" | "deleted") => void;

  constructor(readonly token: string) {}

  /** Live single events and series masters (what Outlook shows, before expansion). */
  live(): StoredEvent[] {
    return [...this.events.values()].filter((event) => !event.deleted);
  }

  touch(event: StoredEvent, at = new Date()) {
    const change = event.deleted ? "deleted" : this.events.has(event.id) ? "updated" : "created";
    event.seq = ++this.seq;
    event.changeKey = randomUUID().replace(/-/g, "").slice(0, 20);
    event.lastModifiedDateTime = at.toISOString();
    event["@odata.etag"] = `W/"${event.changeKey}"`;
    this.onChange?.(event, change);
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
    const matches =
      pattern.type === "daily"
        ? offset % pattern.interval === 0
        : Math.floor((Date.parse(`${day}T00:00:00Z`) - Date.parse(`${weekStart}T00:00:00Z`)) / 604_800_000) %
            pattern.interval ===
            0 && (pattern.daysOfWeek ?? []).includes(DAY_NAMES[new Date(`${day}T00:00:00Z`).getUTCDay()]!);
    if (!matches) continue;
    count++;
    if (master.deletedOccurrences?.includes(day)) continue;
    const occurrence: StoredEvent = {
      ...master,
      id: `${master.id}_occ_${day}`,
      type: "occurrence",
      seriesMasterId: master.id,
      recurrence: null,
      start: { dateTime: `${day}${timeOfDay}`, timeZone: master.start.timeZone },
      end: { dateTime: `${addDays(day, durationDays)}${endTimeOfDay}`, timeZone: master.end.timeZone },
    };
    if (overlaps(occurrence, start, end)) result.push(occurrence);
  }
  return result;
}

/** An event as Graph returns it; with Prefer: outlook.timezone="UTC", timed events in UTC. */
export function present(event: StoredEvent, utc: boolean): GraphEvent {
  // eslint-disable-next-line @typescript-eslint/no-unused-vars -- internal bookkeeping stays inside the fake
  const { seq, deleted, deletedOccurrences, singleValueExtendedProperties, ...visible } = event;
  const convert = (value: GraphDateTime): GraphDateTime =>
    event.isAllDay
      ? { dateTime: value.dateTime, timeZone: utc ? "UTC" : value.timeZone }
      : utc
        ? { dateTime: wallTime(instantOf(value), "UTC"), timeZone: "UTC" }
        : value;
  return { ...visible, start: convert(event.start), end: convert(event.end) };
}
