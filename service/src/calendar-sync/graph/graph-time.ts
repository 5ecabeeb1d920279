import { dayInZone, instantOfWallClock, nextDay, startOfDayInZone, zoneOffsetMs } from "contract/zoned-time";
import type { GraphDateTime } from "./graph-event.types";
import { ianaZoneOf, windowsZoneOf } from "./graph-time-zones";

// Graph carries wall-clock times plus a zone. Sending the activity's own zone (not UTC) keeps a
// 09:00 meeting at 09:00 when Outlook shows it in that zone across a daylight-saving change.

/**
 * The IANA zone that reads a Graph zone name. A name that says nothing by itself (a legacy custom
 * zone) is read in the zone the request asked Graph to answer in: the sync always asks for UTC
 * (Prefer: outlook.timezone="UTC"), and Graph then gives start and end in it.
 */
export const ianaZone = (zone: string, asked = "UTC") => ianaZoneOf(zone) ?? asked;

/** "2026-03-30T09:00:00.0000000" for the instant as seen in the zone. */
export function wallTime(instant: Date, timeZone: string): string {
  const local = new Date(instant.getTime() + zoneOffsetMs(instant, timeZone));
  return `${local.toISOString().slice(0, 19)}.0000000`;
}

/** The instant a wall-clock time in a zone stands for (in a DST gap, the time after the jump). */
export function instantOf(value: GraphDateTime): Date {
  const zone = ianaZone(value.timeZone);
  const match = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?/.exec(value.dateTime);
  if (!match) throw new Error(`not a Graph dateTime: ${value.dateTime}`);
  const [, y, mo, d, h, mi, s] = match.map(Number) as number[];
  return instantOfWallClock(Date.UTC(y!, mo! - 1, d!, h!, mi!, s || 0), zone);
}

/** An all-day event's day (YYYY-MM-DD): Graph keeps all-day events as floating midnights. */
export const dayOf = (value: GraphDateTime) => value.dateTime.slice(0, 10);

const HOUR = 3_600_000;

/**
 * An instant as Graph should get it: the wall-clock time in the Windows zone of the activity's
 * zone, so Outlook keeps it at that time across daylight-saving changes. Where that would not keep
 * the instant, it goes as UTC instead: a zone CLDR does not map, a zone whose Windows zone has
 * other rules at that time, and a wall-clock time that happens twice (the hour repeated when
 * summer time ends), which Graph could read as either.
 */
export function graphDateTime(instant: Date, timeZone: string): GraphDateTime {
  const windows = windowsZoneOf(timeZone);
  const reading = windows && ianaZoneOf(windows);
  if (windows && reading) {
    const dateTime = wallTime(instant, reading);
    const repeated = [-HOUR, HOUR, -HOUR / 2, HOUR / 2, -2 * HOUR, 2 * HOUR].some(
      (shift) => wallTime(new Date(instant.getTime() + shift), reading) === dateTime,
    );
    if (!repeated && instantOf({ dateTime, timeZone: windows }).getTime() === instant.getTime())
      return { dateTime, timeZone: windows };
  }
  return { dateTime: wallTime(instant, "UTC"), timeZone: "UTC" };
}

/** All-day events as Graph wants them: midnight to midnight (exclusive) in the activity's zone. */
export function allDayRange(startsAt: Date, endsAt: Date, timeZone: string) {
  const firstDay = dayInZone(startsAt, timeZone);
  const lastDay = endsAt > startsAt ? dayInZone(new Date(endsAt.getTime() - 1), timeZone) : firstDay;
  // Floating midnights: the zone only names where the day is, so any zone Graph takes will do.
  const zone = windowsZoneOf(timeZone) ?? "UTC";
  const midnight = (day: string): GraphDateTime => ({ dateTime: `${day}T00:00:00.0000000`, timeZone: zone });
  return { start: midnight(firstDay), end: midnight(nextDay(lastDay < firstDay ? firstDay : lastDay)) };
}

/** An all-day event's days as instants in a zone: the activity keeps its day in its own zone. */
export function allDayInstants(start: GraphDateTime, end: GraphDateTime, timeZone: string) {
  const first = dayOf(start);
  const afterLast = dayOf(end) > first ? dayOf(end) : nextDay(first);
  return { startsAt: startOfDayInZone(first, timeZone), endsAt: startOfDayInZone(afterLast, timeZone) };
}
