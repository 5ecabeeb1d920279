import type { Activity } from "contract";
import { useTranslation } from "react-i18next";
import { TextField } from "../../shared/form-fields";
import type { FieldErrors } from "../../shared/use-form-save";
import { isoToZoned, zonedToIso } from "../../shared/zoned-time";
import { useSeriesFormStyles } from "./series-form-styles";

// "This one" and "the whole series" edit the time the same way: a day and a time in the user's zone
// and a length in minutes, which the request carries as startsAt and endsAt.

/** What a form that changes an activity gets from the list it opens in. */
export interface ActivityFormProps {
  activity: Activity;
  onSaved: () => void;
  onCancel: () => void;
  /** After a 409: the activity is read again, the form keeps what the user typed. */
  reload: () => void;
}

export interface WhenValues {
  day: string;
  time: string;
  duration: string;
}

/** Whole minutes up to a week, as the service takes an activity's length; said at the field before saving. */
export const badDuration = (duration: string) => !(/^\d{1,5}$/.test(duration.trim()) && Number(duration) <= 10080);

/** The day, time (in `timeZone`) and length of a start and end. */
export function whenOf(startsAt: string, endsAt: string, timeZone: string): WhenValues {
  const { day, time } = isoToZoned(startsAt, timeZone);
  return { day, time, duration: String(Math.round((Date.parse(endsAt) - Date.parse(startsAt)) / 60_000)) };
}

/** The start and end the fields stand for; an incomplete time sends what the service names as missing. */
export function timesOf(form: WhenValues, timeZone: string) {
  const startsAt = form.day && form.time ? zonedToIso(form.day, form.time, timeZone) : form.day;
  const endsAt =
    form.day && form.time && !badDuration(form.duration)
      ? new Date(Date.parse(startsAt) + Number(form.duration) * 60_000).toISOString()
      : "";
  return { startsAt, endsAt };
}

type WhenField = (name: keyof WhenValues) => {
  name: string;
  errors: FieldErrors;
  value: string;
  onChange: (value: string) => void;
};

/** The day and time side by side and the length under them, its problem said before saving. */
export function WhenFields({
  dayLabel,
  timeZone,
  field,
}: {
  dayLabel: string;
  /** The zone the day and time are in, shown under the day. */
  timeZone: string;
  field: WhenField;
}) {
  const styles = useSeriesFormStyles();
  const { t } = useTranslation("activities", { keyPrefix: "form" });
  const duration = field("duration");
  const problem = badDuration(duration.value) ? t("durationProblem") : null;
  return (
    <>
      <div className={styles.row}>
        <TextField label={dayLabel} type="date" required hint={timeZone} {...field("day")} />
        <TextField label={t("time")} type="time" required {...field("time")} />
      </div>
      <TextField
        label={t("duration")}
        type="number"
        {...duration}
        errors={problem ? { ...duration.errors, duration: problem } : duration.errors}
      />
    </>
  );
}
