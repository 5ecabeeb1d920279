import { nextDay, startOfDayInZone } from "contract/zoned-time";

/** An interval of instants, start included, end excluded. */
export interface InstantRange {
  start: Date;
  end: Date;
}

/** Calendar days from and to (both included) in a zone, as instants; an open end stays open. */
export function dayRange(
  from: string | undefined,
  to: string | undefined,
  timeZone: string,
): { start: Date | null; end: Date | null } {
  return {
    start: from ? startOfDayInZone(from, timeZone) : null,
    end: to ? startOfDayInZone(nextDay(to), timeZone) : null,
  };
}

const parseDay = (day: string) => {
  const [year, month, date] = day.split("-").map(Number) as [number, number, number];
  return new Date(Date.UTC(year, month - 1, date));
};
const formatDay = (date: Date) => date.toISOString().slice(0, 10);

/** The first day of the month or of the Monday-first (ISO) week a day falls in. */
export function periodStart(day: string, groupBy: "month" | "week"): string {
  const date = parseDay(day);
  if (groupBy === "month") return `${day.slice(0, 7)}-01`;
  const sinceMonday = (date.getUTCDay() + 6) % 7;
  return formatDay(new Date(date.getTime() - sinceMonday * 86_400_000));
}

function followingPeriod(start: string, groupBy: "month" | "week"): string {
  const date = parseDay(start);
  return groupBy === "month"
    ? formatDay(new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth() + 1, 1)))
    : formatDay(new Date(date.getTime() + 7 * 86_400_000));
}

/**
 * The months or weeks a period of days touches, and the instants that separate them in the zone:
 * bounds[i] .. bounds[i + 1] is periods[i], clipped to the days asked for (a report from the 15th
 * counts from the 15th, filed under the month's first day). The bounds feed SQL's width_bucket, so
 * the database groups by the caller's calendar without knowing time zones itself.
 */
export function periodBuckets(
  from: string,
  to: string,
  groupBy: "month" | "week",
  timeZone: string,
): { periods: string[]; bounds: Date[] } {
  const periods: string[] = [];
  const bounds: Date[] = [startOfDayInZone(from, timeZone)];
  const end = nextDay(to);
  for (let start = periodStart(from, groupBy); start < end;) {
    periods.push(start);
    start = followingPeriod(start, groupBy);
    bounds.push(startOfDayInZone(start < end ? start : end, timeZone));
  }
  return { periods, bounds };
}

/** The last `count` calendar months up to and including the one `today` is in, e.g. for a chart. */
export function lastMonths(today: string, count: number): { from: string; to: string } {
  const date = parseDay(today);
  const first = new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth() - (count - 1), 1));
  const afterLast = new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth() + 1, 1));
  return { from: formatDay(first), to: formatDay(new Date(afterLast.getTime() - 86_400_000)) };
}
