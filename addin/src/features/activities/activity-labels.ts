import type { Activity, CallOutcome } from "contract";
import { dayInZone } from "contract/zoned-time";
import { useTranslation } from "react-i18next";
import { useFormat } from "../../i18n";
import { isoToZoned } from "../../shared/zoned-time";

/** The words and times an activity is shown with, in the pane's language (the activities catalog). */
export function useActivityLabels() {
  const { t } = useTranslation("activities");
  const format = useFormat();
  /** "10:42" today, a date with it before today (in the user's zone). */
  const since = (iso: string, timeZone: string) => {
    const { day, time } = isoToZoned(iso, timeZone);
    return day === dayInZone(new Date(), timeZone) ? time : format.dateTime(iso, timeZone);
  };
  return {
    type: (type: Activity["type"]) => t(`types.${type}`),
    outcome: (outcome: CallOutcome) => t(`outcomes.${outcome}`),
    /** "15 minutes before", "1 hour before", "2 days before": how long ahead Outlook reminds. */
    reminder(minutes: number) {
      if (minutes === 0) return t("reminder.atStart");
      if (minutes % 1440 === 0) return t("reminder.days", { count: minutes / 1440 });
      if (minutes % 60 === 0) return t("reminder.hours", { count: minutes / 60 });
      return t("reminder.minutes", { count: minutes });
    },
    /**
     * When it is, in the user's zone; planned in another zone, also the time there ("09:30 · 08:30 in
     * Europe/London"), since that is the time the customer was given.
     */
    when(activity: Activity, userZone: string) {
      const shown = activity.allDay
        ? format.date(activity.startsAt, userZone)
        : format.dateTime(activity.startsAt, userZone);
      if (activity.allDay || activity.timeZone === userZone) return shown;
      return t("whenElsewhere", {
        shown,
        time: isoToZoned(activity.startsAt, activity.timeZone).time,
        zone: activity.timeZone,
      });
    },
    since,
  };
}

export type ActivityLabels = ReturnType<typeof useActivityLabels>;
