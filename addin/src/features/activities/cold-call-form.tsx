import {
  Button,
  Checkbox,
  Field,
  Input,
  MessageBar,
  MessageBarBody,
  Select,
  Textarea,
} from "@fluentui/react-components";
import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import { CALL_OUTCOMES, type CallOutcome } from "contract";
import { useActivityLabels } from "./activity-labels";
import { useServices } from "../../shared/services-context";
import { useErrorMessage } from "../../shared/error-message";
import { useLayoutStyles } from "../../shared/layout-styles";
import { isoToZoned, zonedToIso } from "../../shared/zoned-time";
import { type RecordContact, useConsentWarning } from "../consent";
import { type SampleDraft, SampleRows, samplesToSend } from "../samples";

/** A cold call in one step: what came of it, and the follow-up it led to, planned in the user's zone. */
export function ColdCallForm({
  customerId,
  contact,
  onSaved,
  onCancel,
}: {
  customerId: string;
  contact: RecordContact | null;
  onSaved: () => void;
  onCancel: () => void;
}) {
  const layout = useLayoutStyles();
  const labels = useActivityLabels();
  const { t } = useTranslation("activities");
  const { t: common } = useTranslation("common");
  const errorMessage = useErrorMessage();
  const { api, me } = useServices();
  const tomorrow = isoToZoned(new Date(Date.now() + 24 * 3600_000).toISOString(), me.timeZone).day;
  const [outcome, setOutcome] = useState<CallOutcome>("INTERESTED");
  const [notes, setNotes] = useState("");
  const [followUp, setFollowUp] = useState(false);
  const [followUpSubject, setFollowUpSubject] = useState(
    contact ? t("coldCall.callBackWho", { name: `${contact.firstName} ${contact.lastName}` }) : t("coldCall.callBack"),
  );
  const [day, setDay] = useState(tomorrow);
  const [time, setTime] = useState("09:00");
  const [samples, setSamples] = useState<SampleDraft[]>([]);
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const consent = useConsentWarning();

  const submit = (event: FormEvent) => {
    event.preventDefault();
    consent.guard(contact, "PHONE", () => void save());
  };
  const save = async () => {
    setSaving(true);
    setError(null);
    try {
      await api.coldCall({
        customerId,
        contactId: contact?.id ?? null,
        outcome,
        notes: notes.trim() || null,
        timeZone: me.timeZone,
        // Saved with the call in one step: a sample the service refuses saves neither.
        samples: samplesToSend(samples),
        ...(followUp && {
          followUp: { type: "CALL", subject: followUpSubject, startsAt: zonedToIso(day, time, me.timeZone) },
        }),
      });
      onSaved();
    } catch (failure) {
      setError(errorMessage(failure));
      setSaving(false);
    }
  };

  return (
    <form className={layout.form} onSubmit={submit} aria-label={t("coldCall.label")}>
      <Field label={t("form.outcome")}>
        <Select value={outcome} onChange={(_event, data) => setOutcome(data.value as CallOutcome)}>
          {CALL_OUTCOMES.map((value) => [value, labels.outcome(value)] as const).map(([value, label]) => (
            <option key={value} value={value}>
              {label}
            </option>
          ))}
        </Select>
      </Field>
      <Field label={t("form.notes")}>
        <Textarea value={notes} onChange={(_event, data) => setNotes(data.value)} />
      </Field>
      <Checkbox
        label={t("coldCall.planFollowUp")}
        checked={followUp}
        onChange={(_event, data) => setFollowUp(data.checked === true)}
      />
      {followUp && (
        <>
          <Field label={t("coldCall.followUpSubject")} required>
            <Input value={followUpSubject} onChange={(_event, data) => setFollowUpSubject(data.value)} />
          </Field>
          <Field label={t("coldCall.followUpDate")}>
            <Input type="date" value={day} onChange={(_event, data) => setDay(data.value)} />
          </Field>
          <Field label={t("coldCall.followUpTime")}>
            <Input type="time" value={time} onChange={(_event, data) => setTime(data.value)} />
          </Field>
        </>
      )}
      <SampleRows rows={samples} onChange={setSamples} />
      {consent.warning}
      <div className={layout.buttons}>
        <Button appearance="primary" type="submit" disabled={saving || (followUp && !followUpSubject.trim())}>
          {t("coldCall.save")}
        </Button>
        <Button onClick={onCancel}>{common("cancel")}</Button>
      </div>
      {error && (
        <MessageBar intent="error">
          <MessageBarBody>{error}</MessageBarBody>
        </MessageBar>
      )}
    </form>
  );
}
