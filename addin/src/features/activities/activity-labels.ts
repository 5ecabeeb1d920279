import type { Activity } from "contract";
import { formatInZone, isoToZoned } from "../../shared/zoned-time";

export const TYPE_LABEL: Record<Activity["type"], string> = {
  CALL: "Call",
  VISIT: "Visit",
  MEETING: "Meeting",
  TASK: "Task",
  EMAIL: "E-mail",
  OTHER: "Other",
};

/** "15 minutes before", "1 hour before", "2 days before": how long ahead Outlook reminds. */
export function reminderLabel(minutes: number): string {
  const count = (value: number, unit: string) => `${value} ${unit}${value === 1 ? "" : "s"} before`;
  if (minutes === 0) return "at the start";
  if (minutes % 1440 === 0) return count(minutes / 1440, "day");
  if (minutes % 60 === 0) return count(minutes / 60, "hour");
  return count(minutes, "minute");
}

/**
 * When it is, in the user's zone; planned in another zone, also the time there ("09:30 · 08:30 in
 * Europe/London"), since that is the time the customer was given.
 */
export function whenLabel(activity: Activity, userZone: string): string {
  const shown = formatInZone(activity.startsAt, userZone, !activity.allDay);
  if (activity.allDay || activity.timeZone === userZone) return shown;
  return `${shown} · ${isoToZoned(activity.startsAt, activity.timeZone).time} in ${activity.timeZone}`;
}
