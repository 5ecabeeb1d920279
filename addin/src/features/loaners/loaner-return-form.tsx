import { Field, Input, Text, Textarea } from "@fluentui/react-components";
import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import type { SalesOrder } from "contract";
import { FormFooter } from "../../shared/form-footer";
import { useLayoutStyles } from "../../shared/layout-styles";
import { useServices } from "../../shared/services-context";
import { useFormSave } from "../../shared/use-form-save";
import { todayIn } from "./loaner-day";

const FIELDS = ["returnedOn", "remark"];

/** Takes an open loaner back (the day, default today; a remark): the service closes it and its reminder. */
export function LoanerReturnForm({
  order,
  onReturned,
  onCancel,
}: {
  order: SalesOrder;
  onReturned: () => void;
  onCancel: () => void;
}) {
  const layout = useLayoutStyles();
  const { t } = useTranslation("loaners");
  const { api, me } = useServices();
  const [returnedOn, setReturnedOn] = useState(() => todayIn(me.timeZone));
  const [remark, setRemark] = useState("");
  const submit = useFormSave((path) => (FIELDS.includes(path) ? path : undefined));
  const label = t("returnForm", { number: `SO-${order.number}` });

  const save = async (event: FormEvent) => {
    event.preventDefault();
    const done = await submit.run(() =>
      api.returnLoaner(order.id, { returnedOn, remark: remark.trim() ? remark : null }),
    );
    if (done) onReturned();
  };
  return (
    <form className={layout.form} onSubmit={save} aria-label={label}>
      <Text weight="semibold">{label}</Text>
      <Field label={t("returnedOn")} validationMessage={submit.fieldErrors.returnedOn}>
        <Input type="date" value={returnedOn} onChange={(_event, data) => setReturnedOn(data.value)} />
      </Field>
      <Field label={t("remark")} validationMessage={submit.fieldErrors.remark}>
        <Textarea value={remark} onChange={(_event, data) => setRemark(data.value)} rows={2} maxLength={1000} />
      </Field>
      <FormFooter
        message={submit.message}
        saving={submit.saving}
        submitLabel={t("recordReturn")}
        onCancel={onCancel}
        cancelLabel={t("back")}
        disabled={!returnedOn}
      />
    </form>
  );
}
