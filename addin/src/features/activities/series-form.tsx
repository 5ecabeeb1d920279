import { Caption1 } from "@fluentui/react-components";
import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import type { ActivitySeries } from "contract";
import { useServices } from "../../shared/services-context";
import { EditForm } from "../../shared/edit-form";
import { ChoiceField, TextField, orNull } from "../../shared/form-fields";
import { useFormSave } from "../../shared/use-form-save";
import { isoToZoned, zonedToIso } from "../../shared/zoned-time";
import {
  type RangeEnd,
  SERIES_REPEATS,
  type SeriesRepeat,
  describePattern,
  patternFor,
  rangeEnds,
  rangeFor,
  repeatLabel,
  repeatOf,
} from "./repeat-rule";
import { useSeriesFormStyles } from "./series-form-styles";
import { WhenFields, badDuration, timesOf, whenOf } from "./when-fields";

/** A rule none of the pane's choices stands for (made in Outlook or through the API): kept as it is. */
const AS_NOW = "asNow";
type Repeat = SeriesRepeat | typeof AS_NOW;

interface Values {
  subject: string;
  location: string;
  notes: string;
  day: string;
  time: string;
  duration: string;
  repeat: Repeat;
  ends: RangeEnd;
  count: string;
  endDate: string;
}
type Name = keyof Values;

/** The form field that shows the service's message for a request path ("recurrence.range.endDate"). */
function fieldOf(path: string): Name | undefined {
  if (path === "startsAt") return "day";
  if (path === "endsAt") return "duration";
  if (path === "subject" || path === "location" || path === "notes") return path;
  if (path.startsWith("recurrence.range.numberOfOccurrences")) return "count";
  if (path.startsWith("recurrence.range.endDate")) return "endDate";
  if (path.startsWith("recurrence.range")) return "ends";
  if (path.startsWith("recurrence")) return "repeat";
  return undefined;
}

/**
 * "The whole series" (PATCH /api/activity-series/:id): what its occurrences share, the time of day
 * and length, the rule and its end. Only what the user changed is sent. The service rebuilds the
 * planned occurrences for a new time or rule; those changed on their own keep their change.
 */
export function SeriesForm({
  series,
  onSaved,
  onCancel,
  reload,
}: {
  series: ActivitySeries;
  onSaved: () => void;
  onCancel: () => void;
  /** After a 409: the series is read again, the form keeps what the user typed. */
  reload: () => void;
}) {
  const styles = useSeriesFormStyles();
  const { api, me } = useServices();
  const { t } = useTranslation("activities");
  const [initial] = useState((): Values => {
    const { range, pattern } = series.recurrence;
    return {
      subject: series.subject,
      location: series.location ?? "",
      notes: series.notes ?? "",
      ...whenOf(series.startsAt, series.endsAt, me.timeZone),
      repeat: repeatOf(pattern, isoToZoned(series.startsAt, series.timeZone).day) ?? AS_NOW,
      ends: range.type,
      count: String(range.numberOfOccurrences ?? 10),
      endDate: range.endDate ?? "",
    };
  });
  const [values, setValues] = useState(initial);
  const save = useFormSave(fieldOf, reload);
  const field = <K extends Name>(name: K) => ({
    name,
    errors: save.fieldErrors,
    value: values[name],
    onChange: (value: Values[K]) => setValues((current) => ({ ...current, [name]: value })),
  });

  // The rule's weekday and day of month are the first occurrence's, in the series' own zone.
  const ruleDay = (form: Values) =>
    form.day && form.time ? isoToZoned(zonedToIso(form.day, form.time, me.timeZone), series.timeZone).day : form.day;
  const bodyOf = (form: Values) => ({
    subject: form.subject,
    location: orNull(form.location),
    notes: orNull(form.notes),
    ...timesOf(form, me.timeZone),
    recurrence: {
      pattern: form.repeat === AS_NOW ? series.recurrence.pattern : patternFor(form.repeat, ruleDay(form)),
      range: rangeFor(form.ends, form.count, form.endDate),
    },
  });
  // Only what the user changed: the rule compared as a whole, as Graph takes it.
  const before = bodyOf(initial);
  const after = bodyOf(values);
  const changes = Object.fromEntries(
    Object.entries(after).filter(
      ([key, value]) => JSON.stringify(value) !== JSON.stringify(before[key as keyof typeof before]),
    ),
  );

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    // The version read last: after a 409 the reloaded one, so "save" again applies the change.
    if (await save.run(() => api.updateSeries(series.id, { ...changes, version: series.version }))) onSaved();
  };

  const day = ruleDay(values);
  const repeats: [Repeat, string][] = [
    ...(initial.repeat === AS_NOW ? [[AS_NOW, describePattern(series.recurrence.pattern, t)] as [Repeat, string]] : []),
    ...SERIES_REPEATS.map((choice): [Repeat, string] => [choice, repeatLabel(choice, day, t)]),
  ];
  return (
    <EditForm
      label={t("seriesForm.label")}
      title={t("seriesForm.title")}
      onSubmit={(event) => void submit(event)}
      save={save}
      submitLabel={t("seriesForm.submit")}
      onCancel={onCancel}
      disabled={!values.subject.trim() || badDuration(values.duration) || Object.keys(changes).length === 0}
    >
      <TextField label={t("form.subject")} required {...field("subject")} />
      <WhenFields dayLabel={t("seriesForm.firstOccurrence")} timeZone={me.timeZone} field={field} />
      <ChoiceField label={t("form.repeats")} choices={repeats} {...field("repeat")} />
      <div className={styles.row}>
        <ChoiceField label={t("seriesForm.ends")} choices={rangeEnds(t)} {...field("ends")} />
        {values.ends === "numbered" && <TextField label={t("form.occurrences")} type="number" {...field("count")} />}
        {values.ends === "endDate" && <TextField label={t("seriesForm.lastDate")} type="date" {...field("endDate")} />}
      </div>
      <TextField label={t("form.location")} {...field("location")} />
      <TextField label={t("form.notes")} multiline {...field("notes")} />
      <Caption1>{t("seriesForm.keptNote")}</Caption1>
    </EditForm>
  );
}
