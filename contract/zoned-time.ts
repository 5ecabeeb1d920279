// Calendar days and wall-clock times in a user's or an activity's IANA zone, shared by the service
// and the task pane: "due today" in Berlin ends at 23:00 UTC in winter, and 09:00 stays 09:00
// across a daylight-saving change.

// Building an Intl.DateTimeFormat costs about 0.1 ms; a calendar sync converts tens of thousands of
// times, so formatters are kept per zone.
const offsetFormatters = new Map<string, Intl.DateTimeFormat>();
const dayFormatters = new Map<string, Intl.DateTimeFormat>();

/** Milliseconds the zone is ahead of UTC at that instant. */
export function zoneOffsetMs(instant: Date, timeZone: string): number {
  if (timeZone === "UTC") return 0;
  let format = offsetFormatters.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat("en-US", {
      timeZone,
      hourCycle: "h23",
      year: "numeric",
      month: "2-digit",
      day: "2-digit",
      hour: "2-digit",
      minute: "2-digit",
      second: "2-digit",
    });
    offsetFormatters.set(timeZone, format);
  }
  const parts: Record<string, number> = {};
  for (const part of format.formatToParts(instant)) parts[part.type] = Number(part.value);
  const wall = Date.UTC(parts.year!, parts.month! - 1, parts.day!, parts.hour!, parts.minute!, parts.second!);
  return wall - Math.floor(instant.getTime() / 1000) * 1000;
}

/**
 * The instant a wall-clock time (given as if it were UTC, e.g. Date.UTC(2027, 2, 28, 9)) stands for
 * in a zone; in a daylight-saving gap, the time after the jump.
 */
export function instantOfWallClock(wallAsUtcMs: number, timeZone: string): Date {
  // Two passes: the offset at the first guess may differ from the offset at the answer across a DST change.
  let instant = wallAsUtcMs - zoneOffsetMs(new Date(wallAsUtcMs), timeZone);
  instant = wallAsUtcMs - zoneOffsetMs(new Date(instant), timeZone);
  return new Date(instant);
}

/** The instant a calendar day (YYYY-MM-DD) starts in a zone. */
export function startOfDayInZone(day: string, timeZone: string): Date {
  const [year, month, date] = day.split("-").map(Number) as [number, number, number];
  return instantOfWallClock(Date.UTC(year, month - 1, date), timeZone);
}

/** The calendar day (YYYY-MM-DD) an instant falls on in a zone. */
export function dayInZone(instant: Date, timeZone: string): string {
  let format = dayFormatters.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat("en-CA", { timeZone, year: "numeric", month: "2-digit", day: "2-digit" });
    dayFormatters.set(timeZone, format);
  }
  return format.format(instant);
}

export function nextDay(day: string): string {
  const [year, month, date] = day.split("-").map(Number) as [number, number, number];
  return new Date(Date.UTC(year, month - 1, date + 1)).toISOString().slice(0, 10);
}
