import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import { CALL_OUTCOMES, type CallOutcome } from "contract";
import { useActivityLabels } from "./activity-labels";
import { EditForm } from "../../shared/edit-form";
import { ChoiceField, TextField, orNull } from "../../shared/form-fields";
import { useServices } from "../../shared/services-context";
import { useEditForm } from "../../shared/use-edit-form";
import type { ActivityFormProps } from "./when-fields";
import { type SampleDraft, SampleRows, samplesToSend } from "../samples";

const FIELDS = ["outcome", "callOutcome", "notes"] as const;

/**
 * Mark a planned activity as done: how it went (a call also as one of the cold call's outcomes) and
 * the notes, which Outlook's event gets too. A 409 reloads the record and says so.
 */
export function FinishActivityForm({ activity, onSaved, onCancel, reload }: ActivityFormProps) {
  const { api } = useServices();
  const labels = useActivityLabels();
  const { t } = useTranslation("activities");
  const { initial, values, save, field } = useEditForm(
    FIELDS,
    () => ({ outcome: "", callOutcome: "", notes: activity.notes ?? "" }),
    reload,
  );
  const [samples, setSamples] = useState<SampleDraft[]>([]);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const saved = await save.run(() =>
      api.updateActivity(activity.id, {
        version: activity.version,
        status: "FINISHED",
        outcome: orNull(values.outcome),
        ...(values.callOutcome && { callOutcome: values.callOutcome as CallOutcome }),
        // Only a changed text, so a colleague's note added meanwhile is not overwritten by the old one.
        ...(values.notes !== initial.notes && { notes: orNull(values.notes) }),
        // Saved with the finish in one step: a sample the service refuses saves neither.
        ...(samplesToSend(samples).length > 0 && { samples: samplesToSend(samples) }),
      }),
    );
    if (saved) onSaved();
  };
  return (
    <EditForm
      label={t("finish.label", { subject: activity.subject })}
      onSubmit={(event) => void submit(event)}
      save={save}
      submitLabel={t("finish.submit")}
      onCancel={onCancel}
    >
      {activity.type === "CALL" && (
        <ChoiceField
          label={t("finish.callOutcome")}
          choices={[
            ["", t("finish.notRecorded")],
            ...CALL_OUTCOMES.map((outcome): [string, string] => [outcome, labels.outcome(outcome)]),
          ]}
          {...field("callOutcome")}
        />
      )}
      <TextField label={t("form.outcome")} multiline {...field("outcome")} />
      <TextField label={t("form.notes")} multiline {...field("notes")} />
      {activity.customerId && <SampleRows rows={samples} onChange={setSamples} />}
    </EditForm>
  );
}
