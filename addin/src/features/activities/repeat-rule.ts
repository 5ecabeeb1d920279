import { DAYS_OF_WEEK, type Recurrence } from "contract";

// The repeats the new-activity form offers, as Graph's patternedRecurrence (the service checks it).

export type RepeatChoice = "never" | "weekly" | "fortnightly" | "monthlyWeekday" | "monthlyDay";

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

export function recurrenceFor(choice: Exclude<RepeatChoice, "never">, day: string, count: number): Recurrence {
  const range = { type: "numbered" as const, numberOfOccurrences: count };
  const weekday = weekdayOf(day);
  switch (choice) {
    case "weekly":
    case "fortnightly":
      return {
        pattern: {
          type: "weekly",
          interval: choice === "weekly" ? 1 : 2,
          daysOfWeek: [weekday],
          firstDayOfWeek: "monday",
        },
        range,
      };
    case "monthlyWeekday":
      return { pattern: { type: "relativeMonthly", interval: 1, daysOfWeek: [weekday], index: ordinalOf(day) }, range };
    case "monthlyDay":
      return { pattern: { type: "absoluteMonthly", interval: 1, dayOfMonth: Number(day.slice(8, 10)) }, range };
  }
}
