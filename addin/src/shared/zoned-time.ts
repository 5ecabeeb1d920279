import { dayInZone, instantOfWallClock } from "contract/zoned-time";

// Dates and times are entered and shown in the user's time zone (from /api/me), not the
// browser's: a salesman travelling to London still plans in Berlin time if that is his setting.

/** "2026-03-02" + "09:30" in Europe/Berlin → the instant, as ISO 8601 UTC. */
export function zonedToIso(day: string, time: string, timeZone: string): string {
  const [year, month, date] = day.split("-").map(Number) as [number, number, number];
  const [hour, minute] = time.split(":").map(Number) as [number, number];
  return instantOfWallClock(Date.UTC(year, month - 1, date, hour, minute), timeZone).toISOString();
}

/** The day (YYYY-MM-DD) and time (HH:mm) an instant shows in a zone. */
export function isoToZoned(iso: string, timeZone: string): { day: string; time: string } {
  const date = new Date(iso);
  const day = dayInZone(date, timeZone);
  const time = new Intl.DateTimeFormat("en-GB", {
    timeZone,
    hour: "2-digit",
    minute: "2-digit",
    hourCycle: "h23",
  }).format(date);
  return { day, time };
}

// A readable date and time for the user is useFormat().dateTime / .date (addin/src/i18n/format.ts):
// in the user's zone and in the locale of Outlook's display language.
