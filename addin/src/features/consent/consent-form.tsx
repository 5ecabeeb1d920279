import { Field, Radio, RadioGroup, Select } from "@fluentui/react-components";
import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import { CONSENT_CHANNELS, type ConsentChannel } from "contract";
import { dayInZone } from "contract/zoned-time";
import { useServices } from "../../shared/services-context";
import { FormFooter } from "../../shared/form-footer";
import { TextField } from "../../shared/form-fields";
import { useLayoutStyles } from "../../shared/layout-styles";
import { byFirstSegment, useFormSave } from "../../shared/use-form-save";

const FIELDS = ["channel", "status", "source", "date"] as const;

/** Records that a contact gave or withdrew consent on a channel: where it came from and on which day. */
export function ConsentForm({
  contactId,
  name,
  onSaved,
  onCancel,
}: {
  contactId: string;
  name: string;
  onSaved: () => void;
  onCancel: () => void;
}) {
  const layout = useLayoutStyles();
  const { t } = useTranslation("consent");
  const { api, me } = useServices();
  const [channel, setChannel] = useState<ConsentChannel>("EMAIL");
  const [status, setStatus] = useState<"GRANTED" | "WITHDRAWN">("WITHDRAWN");
  const [source, setSource] = useState("");
  const [date, setDate] = useState(() => dayInZone(new Date(), me.timeZone));
  const save = useFormSave(byFirstSegment(FIELDS), onSaved);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (await save.run(() => api.recordConsent(contactId, { channel, status, source, date }))) onSaved();
  };
  return (
    <form className={layout.form} onSubmit={submit} noValidate aria-label={t("recordFor", { name })}>
      <Field label={t("channel")} required validationMessage={save.fieldErrors.channel}>
        <Select value={channel} onChange={(_event, data) => setChannel(data.value as ConsentChannel)}>
          {CONSENT_CHANNELS.map((value) => (
            <option key={value} value={value}>
              {t(`channels.${value}`)}
            </option>
          ))}
        </Select>
      </Field>
      <Field label={t("consent")} required validationMessage={save.fieldErrors.status}>
        <RadioGroup
          layout="horizontal"
          value={status}
          onChange={(_event, data) => setStatus(data.value as typeof status)}
        >
          <Radio value="GRANTED" label={t("status.GRANTED")} />
          <Radio value="WITHDRAWN" label={t("status.WITHDRAWN")} />
        </RadioGroup>
      </Field>
      <TextField
        label={t("source")}
        required
        name="source"
        errors={save.fieldErrors}
        value={source}
        onChange={setSource}
      />
      <TextField
        label={t("date")}
        required
        type="date"
        name="date"
        errors={save.fieldErrors}
        value={date}
        onChange={setDate}
      />
      <FormFooter message={save.message} saving={save.saving} submitLabel={t("save")} onCancel={onCancel} />
    </form>
  );
}
