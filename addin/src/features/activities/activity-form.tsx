import { makeStyles, tokens } from "@fluentui/react-components";
import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import { ACTIVITY_TYPES, type Activity } from "contract";
import { displayName } from "../../shared/display-name";
import { EditForm } from "../../shared/edit-form";
import { ChoiceField, TextField, orNull } from "../../shared/form-fields";
import { useServices } from "../../shared/services-context";
import { changedFields, useEditForm } from "../../shared/use-edit-form";
import { isoToZoned, zonedToIso } from "../../shared/zoned-time";
import type { RecordContact } from "../consent";
import { useActivityLabels } from "./activity-labels";
import { REMINDER_MINUTES } from "./reminders";
import { TimeZoneField, useSaveDefaultZone } from "./time-zone-field";

const useStyles = makeStyles({
  row: { display: "flex", gap: tokens.spacingHorizontalS, "& > *": { flex: 1, minWidth: 0 } },
});

const FIELDS = [
  "type",
  "subject",
  "contactId",
  "location",
  "notes",
  "day",
  "time",
  "duration",
  "timeZone",
  "reminder",
  "outcome",
] as const;
type Values = Record<(typeof FIELDS)[number], string>;
/** The service names the instants; the form shows them as day, time and duration. */
const ALIASES = { startsAt: "day", endsAt: "duration", reminderMinutesBefore: "reminder" } as const;

const minutesBetween = (from: string, to: string) => Math.round((Date.parse(to) - Date.parse(from)) / 60_000);

function valuesOf(activity: Activity): Values {
  const { day, time } = isoToZoned(activity.startsAt, activity.timeZone);
  return {
    type: activity.type,
    subject: activity.subject,
    contactId: activity.contactId ?? "",
    location: activity.location ?? "",
    notes: activity.notes ?? "",
    day,
    time,
    duration: String(minutesBetween(activity.startsAt, activity.endsAt)),
    timeZone: activity.timeZone,
    reminder: activity.reminderMinutesBefore === null ? "" : String(activity.reminderMinutesBefore),
    outcome: activity.outcome ?? "",
  };
}

/** The request the values stand for; only what differs from the activity as loaded is sent. */
function bodyOf(values: Values) {
  const startsAt = values.day && values.time ? zonedToIso(values.day, values.time, values.timeZone) : "";
  const duration = Number(values.duration);
  return {
    type: values.type as Activity["type"],
    subject: values.subject,
    contactId: values.contactId || null,
    location: orNull(values.location),
    notes: orNull(values.notes),
    startsAt,
    endsAt:
      startsAt && Number.isFinite(duration) ? new Date(Date.parse(startsAt) + duration * 60_000).toISOString() : "",
    timeZone: values.timeZone,
    reminderMinutesBefore: values.reminder === "" ? null : Number(values.reminder),
    outcome: orNull(values.outcome),
  };
}

/**
 * Reschedule (day, time, duration, zone) or edit (everything) one activity. Date and time are in the
 * activity's own zone, as it was planned; a 409 reloads the record and says so.
 */
export function ActivityForm({
  activity,
  mode,
  contacts,
  onSaved,
  onCancel,
  reload,
}: {
  activity: Activity;
  mode: "reschedule" | "edit";
  contacts: RecordContact[];
  onSaved: () => void;
  onCancel: () => void;
  reload: () => void;
}) {
  const styles = useStyles();
  const { api, me } = useServices();
  const saveDefaultZone = useSaveDefaultZone();
  const [makeDefault, setMakeDefault] = useState(false);
  const { initial, values, save, field } = useEditForm(FIELDS, () => valuesOf(activity), reload, ALIASES);
  const labels = useActivityLabels();
  const { t } = useTranslation("activities", { keyPrefix: "form" });
  const reminderChoices: [string, string][] = [
    ["", t("noReminder")],
    ...[...new Set([...REMINDER_MINUTES, ...(initial.reminder ? [Number(initial.reminder)] : [])])]
      .sort((a, b) => a - b)
      .map((minutes): [string, string] => [String(minutes), labels.reminder(minutes)]),
  ];

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const changes = changedFields(bodyOf(initial), bodyOf(values));
    const saved = await save.run(async () => {
      await api.updateActivity(activity.id, { version: activity.version, ...changes });
      if (makeDefault && values.timeZone !== me.timeZone) await saveDefaultZone(values.timeZone);
    });
    if (saved) onSaved();
  };

  const when = (
    <>
      <div className={styles.row}>
        <TextField label={t("date")} type="date" required hint={values.timeZone} {...field("day")} />
        <TextField label={t("time")} type="time" required {...field("time")} />
      </div>
      <TextField label={t("duration")} type="number" {...field("duration")} />
      <TimeZoneField
        value={values.timeZone}
        onChange={field("timeZone").onChange}
        userZone={me.timeZone}
        makeDefault={makeDefault}
        onMakeDefaultChange={setMakeDefault}
        message={save.fieldErrors.timeZone}
      />
    </>
  );
  return (
    <EditForm
      label={t(mode === "reschedule" ? "rescheduleWhat" : "editWhat", { subject: activity.subject })}
      onSubmit={(event) => void submit(event)}
      save={save}
      submitLabel={mode === "reschedule" ? t("reschedule") : t("saveChanges")}
      onCancel={onCancel}
      disabled={!values.day || !values.time || (mode === "edit" && !values.subject.trim())}
    >
      {mode === "edit" && (
        <>
          <div className={styles.row}>
            <ChoiceField
              label={t("type")}
              choices={ACTIVITY_TYPES.map((type): [string, string] => [type, labels.type(type)])}
              {...field("type")}
            />
            <ChoiceField
              label={t("contact")}
              choices={[
                ["", t("nobody")],
                ...contacts.map((contact): [string, string] => [contact.id, displayName(contact)]),
              ]}
              {...field("contactId")}
            />
          </div>
          <TextField label={t("subject")} required {...field("subject")} />
          <TextField label={t("location")} {...field("location")} />
        </>
      )}
      {when}
      {mode === "edit" && (
        <>
          <ChoiceField label={t("reminder")} choices={reminderChoices} {...field("reminder")} />
          {activity.status === "FINISHED" && <TextField label={t("outcome")} multiline {...field("outcome")} />}
          <TextField label={t("notes")} multiline {...field("notes")} />
        </>
      )}
    </EditForm>
  );
}
