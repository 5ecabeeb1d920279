import type { FormEvent } from "react";
import type { Activity } from "contract";
import { useServices } from "../../shared/services-context";
import { EditForm } from "../../shared/edit-form";
import { TextField, orNull } from "../../shared/form-fields";
import { changedFields, useEditForm } from "../../shared/use-edit-form";
import { isoToZoned, zonedToIso } from "../../shared/zoned-time";
import { useSeriesFormStyles } from "./series-form-styles";

const FIELDS = ["subject", "day", "time", "duration", "location", "notes"] as const;
type Values = Record<(typeof FIELDS)[number], string>;
/** The service names the times by their request fields; the form shows them as day and duration. */
const ALIASES = { startsAt: "day", endsAt: "duration" } as const;

const minutesBetween = (from: string, to: string) => String(Math.round((Date.parse(to) - Date.parse(from)) / 60_000));
/** Whole minutes up to a week, as the service takes an activity's length; said at the field before saving. */
export const durationProblem = (duration: string) =>
  /^\d{1,5}$/.test(duration.trim()) && Number(duration) <= 10080 ? null : "Enter whole minutes, 0 to 10080";

/**
 * "This one": one occurrence of a series, moved or changed on its own (PATCH /api/activities/:id).
 * It becomes an exception, which a later change of the whole series leaves as it is.
 */
export function OccurrenceForm({
  activity,
  onSaved,
  onCancel,
  reload,
}: {
  activity: Activity;
  onSaved: () => void;
  onCancel: () => void;
  /** After a 409: the occurrence is read again, the form keeps what the user typed. */
  reload: () => void;
}) {
  const styles = useSeriesFormStyles();
  const { api, me } = useServices();
  const { initial, values, save, field } = useEditForm(
    FIELDS,
    () => {
      const { day, time } = isoToZoned(activity.startsAt, me.timeZone);
      return {
        subject: activity.subject,
        day,
        time,
        duration: minutesBetween(activity.startsAt, activity.endsAt),
        location: activity.location ?? "",
        notes: activity.notes ?? "",
      };
    },
    reload,
    ALIASES,
  );

  // Both times come from the fields (entered in the user's zone): an unchanged field sends nothing.
  const bodyOf = (form: Values) => {
    const startsAt = form.day && form.time ? zonedToIso(form.day, form.time, me.timeZone) : form.day;
    return {
      subject: form.subject,
      startsAt,
      endsAt:
        form.day && form.time && !durationProblem(form.duration)
          ? new Date(Date.parse(startsAt) + Number(form.duration) * 60_000).toISOString()
          : "",
      location: orNull(form.location),
      notes: orNull(form.notes),
    };
  };
  const changes = changedFields(bodyOf(initial), bodyOf(values));
  const badDuration = durationProblem(values.duration);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    // The version read last: after a 409 the reloaded one, so "save" again applies the change.
    if (await save.run(() => api.updateActivity(activity.id, { ...changes, version: activity.version }))) onSaved();
  };

  return (
    <EditForm
      label="Edit this occurrence"
      title="This occurrence only"
      onSubmit={(event) => void submit(event)}
      save={save}
      submitLabel="Save this one"
      onCancel={onCancel}
      disabled={!values.subject.trim() || badDuration !== null || Object.keys(changes).length === 0}
    >
      <TextField label="Subject" required {...field("subject")} />
      <div className={styles.row}>
        <TextField label="Date" type="date" required hint={me.timeZone} {...field("day")} />
        <TextField label="Time" type="time" required {...field("time")} />
      </div>
      <TextField
        label="Duration (minutes)"
        type="number"
        {...field("duration")}
        errors={badDuration ? { ...save.fieldErrors, duration: badDuration } : save.fieldErrors}
      />
      <TextField label="Location" {...field("location")} />
      <TextField label="Notes" multiline {...field("notes")} />
    </EditForm>
  );
}
