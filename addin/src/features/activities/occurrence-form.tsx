import type { FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { useServices } from "../../shared/services-context";
import { EditForm } from "../../shared/edit-form";
import { TextField, orNull } from "../../shared/form-fields";
import { changedFields, useEditForm } from "../../shared/use-edit-form";
import { type ActivityFormProps, WhenFields, badDuration, timesOf, whenOf } from "./when-fields";

const FIELDS = ["subject", "day", "time", "duration", "location", "notes"] as const;
type Values = Record<(typeof FIELDS)[number], string>;
/** The service names the times by their request fields; the form shows them as day and duration. */
const ALIASES = { startsAt: "day", endsAt: "duration" } as const;

/**
 * "This one": one occurrence of a series, moved or changed on its own (PATCH /api/activities/:id).
 * It becomes an exception, which a later change of the whole series leaves as it is.
 */
export function OccurrenceForm({ activity, onSaved, onCancel, reload }: ActivityFormProps) {
  const { api, me } = useServices();
  const { t } = useTranslation("activities");
  const { initial, values, save, field } = useEditForm(
    FIELDS,
    () => ({
      subject: activity.subject,
      ...whenOf(activity.startsAt, activity.endsAt, me.timeZone),
      location: activity.location ?? "",
      notes: activity.notes ?? "",
    }),
    reload,
    ALIASES,
  );

  // Both times come from the fields (entered in the user's zone): an unchanged field sends nothing.
  const bodyOf = (form: Values) => ({
    subject: form.subject,
    ...timesOf(form, me.timeZone),
    location: orNull(form.location),
    notes: orNull(form.notes),
  });
  const changes = changedFields(bodyOf(initial), bodyOf(values));
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    // The version read last: after a 409 the reloaded one, so "save" again applies the change.
    if (await save.run(() => api.updateActivity(activity.id, { ...changes, version: activity.version }))) onSaved();
  };

  return (
    <EditForm
      label={t("occurrence.label")}
      title={t("occurrence.title")}
      onSubmit={(event) => void submit(event)}
      save={save}
      submitLabel={t("occurrence.submit")}
      onCancel={onCancel}
      disabled={!values.subject.trim() || badDuration(values.duration) || Object.keys(changes).length === 0}
    >
      <TextField label={t("form.subject")} required {...field("subject")} />
      <WhenFields dayLabel={t("form.date")} timeZone={me.timeZone} field={field} />
      <TextField label={t("form.location")} {...field("location")} />
      <TextField label={t("form.notes")} multiline {...field("notes")} />
    </EditForm>
  );
}
