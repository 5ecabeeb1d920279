import { DAYS_OF_WEEK, type Recurrence, type RecurrencePattern, type RecurrenceRange } from "contract";

// The repeats the new-activity form offers, as Graph's patternedRecurrence (the service checks it).

export type RepeatChoice = "never" | "weekly" | "fortnightly" | "monthlyWeekday" | "monthlyDay";
/** What a series can repeat as: every choice but "never". */
export type SeriesRepeat = Exclude<RepeatChoice, "never">;
export const SERIES_REPEATS: SeriesRepeat[] = ["weekly", "fortnightly", "monthlyWeekday", "monthlyDay"];

const ORDINALS = ["first", "second", "third", "fourth", "last"] as const;
const weekdayOf = (day: string) => DAYS_OF_WEEK[new Date(`${day}T00:00:00Z`).getUTCDay()]!;
/** Which of the month's weekdays a day is: the fifth is "last". */
const ordinalOf = (day: string) => ORDINALS[Math.min(4, Math.floor((Number(day.slice(8, 10)) - 1) / 7))]!;
const capital = (text: string) => text[0]!.toUpperCase() + text.slice(1);

/** What each choice reads as for the day picked ("Every month on the first Monday"). */
export function repeatLabel(choice: RepeatChoice, day: string): string {
  const weekday = capital(weekdayOf(day));
  switch (choice) {
    case "never":
      return "Does not repeat";
    case "weekly":
      return `Every week on ${weekday}`;
    case "fortnightly":
      return `Every 2 weeks on ${weekday}`;
    case "monthlyWeekday":
      return `Every month on the ${ordinalOf(day)} ${weekday}`;
    case "monthlyDay":
      return `Every month on day ${Number(day.slice(8, 10))}`;
  }
}

/** The pattern a choice stands for, starting on that day. */
export function patternFor(choice: SeriesRepeat, day: string): RecurrencePattern {
  const weekday = weekdayOf(day);
  switch (choice) {
    case "weekly":
    case "fortnightly":
      return { type: "weekly", interval: choice === "weekly" ? 1 : 2, daysOfWeek: [weekday], firstDayOfWeek: "monday" };
    case "monthlyWeekday":
      return { type: "relativeMonthly", interval: 1, daysOfWeek: [weekday], index: ordinalOf(day) };
    case "monthlyDay":
      return { type: "absoluteMonthly", interval: 1, dayOfMonth: Number(day.slice(8, 10)) };
  }
}

export function recurrenceFor(choice: SeriesRepeat, day: string, count: number): Recurrence {
  return { pattern: patternFor(choice, day), range: { type: "numbered", numberOfOccurrences: count } };
}

/** The same rule, whatever the order of its keys or days (the week's first day aside: it moves nothing here). */
function samePattern(a: RecurrencePattern, b: RecurrencePattern): boolean {
  const key = (pattern: RecurrencePattern) =>
    JSON.stringify([
      pattern.type,
      pattern.interval,
      [...(pattern.daysOfWeek ?? [])].sort(),
      pattern.dayOfMonth ?? null,
      pattern.month ?? null,
      pattern.index ?? null,
    ]);
  return key(a) === key(b);
}

/** Which of the pane's choices a series' rule is, from its first day; null for one set elsewhere (Outlook, the API). */
export function repeatOf(pattern: RecurrencePattern, day: string): SeriesRepeat | null {
  return SERIES_REPEATS.find((choice) => samePattern(patternFor(choice, day), pattern)) ?? null;
}

const MONTHS = [
  "January",
  "February",
  "March",
  "April",
  "May",
  "June",
  "July",
  "August",
  "September",
  "October",
  "November",
  "December",
];
const every = (interval: number, unit: string) => (interval === 1 ? `Every ${unit}` : `Every ${interval} ${unit}s`);
const days = (pattern: RecurrencePattern) => (pattern.daysOfWeek ?? []).map(capital).join(", ");

/** Any rule as a sentence, those made in Outlook included ("Every 2 weeks on Monday, Thursday"). */
export function describePattern(pattern: RecurrencePattern): string {
  const index = pattern.index ?? "first";
  switch (pattern.type) {
    case "daily":
      return every(pattern.interval, "day");
    case "weekly":
      return `${every(pattern.interval, "week")} on ${days(pattern)}`;
    case "absoluteMonthly":
      return `${every(pattern.interval, "month")} on day ${pattern.dayOfMonth}`;
    case "relativeMonthly":
      return `${every(pattern.interval, "month")} on the ${index} ${days(pattern)}`;
    case "absoluteYearly":
      return `${every(pattern.interval, "year")} on ${pattern.dayOfMonth} ${MONTHS[pattern.month! - 1]}`;
    case "relativeYearly":
      return `${every(pattern.interval, "year")} on the ${index} ${days(pattern)} of ${MONTHS[pattern.month! - 1]}`;
  }
}

export type RangeEnd = RecurrenceRange["type"];
export const RANGE_ENDS: [RangeEnd, string][] = [
  ["numbered", "After a number of occurrences"],
  ["endDate", "On a date"],
  ["noEnd", "No end"],
];

/** The end a series' form gives: a count, a last day, or none. */
export function rangeFor(end: RangeEnd, count: string, endDate: string): RecurrenceRange {
  if (end === "numbered") return { type: "numbered", numberOfOccurrences: Math.round(Number(count)) || 0 };
  if (end === "endDate") return { type: "endDate", endDate };
  return { type: "noEnd" };
}
