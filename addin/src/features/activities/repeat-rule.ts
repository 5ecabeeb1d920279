import type { TFunction } from "i18next";
import { DAYS_OF_WEEK, type Recurrence, type RecurrencePattern, type RecurrenceRange } from "contract";

// The repeats the new-activity form offers, as Graph's patternedRecurrence (the service checks it).
// Their words come from the activities catalog (repeat.*), through the `t` the component passes in.

type T = TFunction<"activities">;

export type RepeatChoice = "never" | "weekly" | "fortnightly" | "monthlyWeekday" | "monthlyDay";
/** What a series can repeat as: every choice but "never". */
export type SeriesRepeat = Exclude<RepeatChoice, "never">;
export const SERIES_REPEATS: SeriesRepeat[] = ["weekly", "fortnightly", "monthlyWeekday", "monthlyDay"];

const ORDINALS = ["first", "second", "third", "fourth", "last"] as const;
const weekdayOf = (day: string) => DAYS_OF_WEEK[new Date(`${day}T00:00:00Z`).getUTCDay()]!;
/** Which of the month's weekdays a day is: the fifth is "last". */
const ordinalOf = (day: string) => ORDINALS[Math.min(4, Math.floor((Number(day.slice(8, 10)) - 1) / 7))]!;

/** What each choice reads as for the day picked ("Every month on the first Monday"); without a day, in general. */
export function repeatLabel(choice: RepeatChoice, day: string, t: T): string {
  if (choice === "never") return t("repeat.never");
  return day ? describePattern(patternFor(choice, day), t) : t(`repeat.choices.${choice}`);
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
  "january",
  "february",
  "march",
  "april",
  "may",
  "june",
  "july",
  "august",
  "september",
  "october",
  "november",
  "december",
] as const;
const UNITS = {
  daily: "day",
  weekly: "week",
  absoluteMonthly: "month",
  relativeMonthly: "month",
  absoluteYearly: "year",
  relativeYearly: "year",
} as const;

/** Any rule as a sentence, those made in Outlook included ("Every 2 weeks on Monday, Thursday"). */
export function describePattern(pattern: RecurrencePattern, t: T): string {
  const every = t(`repeat.every.${UNITS[pattern.type]}`, { count: pattern.interval });
  const days = (pattern.daysOfWeek ?? []).map((day) => t(`repeat.weekdays.${day}`)).join(", ");
  const index = t(`repeat.index.${pattern.index ?? "first"}`);
  const month = pattern.month ? t(`repeat.months.${MONTHS[pattern.month - 1]!}`) : "";
  switch (pattern.type) {
    case "daily":
      return every;
    case "weekly":
      return t("repeat.weekly", { every, days });
    case "absoluteMonthly":
      return t("repeat.absoluteMonthly", { every, day: pattern.dayOfMonth });
    case "relativeMonthly":
      return t("repeat.relativeMonthly", { every, index, days });
    case "absoluteYearly":
      return t("repeat.absoluteYearly", { every, day: pattern.dayOfMonth, month });
    case "relativeYearly":
      return t("repeat.relativeYearly", { every, index, days, month });
  }
}

export type RangeEnd = RecurrenceRange["type"];
const RANGE_ENDS: RangeEnd[] = ["numbered", "endDate", "noEnd"];
/** How a series may end, as the series form offers it. */
export const rangeEnds = (t: T): [RangeEnd, string][] => RANGE_ENDS.map((end) => [end, t(`repeat.ends.${end}`)]);

/** The end a series' form gives: a count, a last day, or none. */
export function rangeFor(end: RangeEnd, count: string, endDate: string): RecurrenceRange {
  if (end === "numbered") return { type: "numbered", numberOfOccurrences: Math.round(Number(count)) || 0 };
  if (end === "endDate") return { type: "endDate", endDate };
  return { type: "noEnd" };
}
