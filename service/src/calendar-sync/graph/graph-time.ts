import { dayInZone, instantOfWallClock, nextDay, startOfDayInZone, zoneOffsetMs } from "contract/zoned-time";
import type { GraphDateTime } from "./graph-event.types";

// Graph carries wall-clock times plus a zone. Sending the activity's own zone (not UTC) keeps a
// 09:00 meeting at 09:00 when Outlook shows it in that zone across a daylight-saving change.

/** Windows zone names Graph may answer with when not asked for UTC; IANA names pass through. */
const WINDOWS_ZONES: Record<string, string> = {
  "W. Europe Standard Time": "Europe/Berlin",
  "GMT Standard Time": "Europe/London",
  "Romance Standard Time": "Europe/Paris",
  "Central Europe Standard Time": "Europe/Budapest",
  "Eastern Standard Time": "America/New_York",
  "Pacific Standard Time": "America/Los_Angeles",
  "Central Standard Time": "America/Chicago",
  "Tokyo Standard Time": "Asia/Tokyo",
  "Coordinated Universal Time": "UTC",
};

export const ianaZone = (zone: string) => WINDOWS_ZONES[zone] ?? zone;

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

/** All-day events as Graph wants them: midnight to midnight (exclusive) in the activity's zone. */
export function allDayRange(startsAt: Date, endsAt: Date, timeZone: string) {
  const firstDay = dayInZone(startsAt, timeZone);
  const lastDay = endsAt > startsAt ? dayInZone(new Date(endsAt.getTime() - 1), timeZone) : firstDay;
  const midnight = (day: string): GraphDateTime => ({ dateTime: `${day}T00:00:00.0000000`, timeZone });
  return { start: midnight(firstDay), end: midnight(nextDay(lastDay < firstDay ? firstDay : lastDay)) };
}

/** An all-day event's days as instants in a zone: the activity keeps its day in its own zone. */
export function allDayInstants(start: GraphDateTime, end: GraphDateTime, timeZone: string) {
  const first = dayOf(start);
  const afterLast = dayOf(end) > first ? dayOf(end) : nextDay(first);
  return { startsAt: startOfDayInZone(first, timeZone), endsAt: startOfDayInZone(afterLast, timeZone) };
}
