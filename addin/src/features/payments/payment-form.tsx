import { useTranslation } from "react-i18next";
import type { PaymentAgreement } from "contract";
import { EditForm } from "../../shared/edit-form";
import { TextField, orNull } from "../../shared/form-fields";
import { useServices } from "../../shared/services-context";
import { useEditForm } from "../../shared/use-edit-form";
import { isoToZoned } from "../../shared/zoned-time";

const FIELDS = ["amount", "paidOn", "reference"] as const;

/** A payment against an approved agreement, in its currency; the service refuses more than remains. */
export function PaymentForm({
  agreement,
  onSaved,
  onCancel,
}: {
  agreement: PaymentAgreement;
  onSaved: () => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation("payments");
  const { api, me } = useServices();
  const { save, field, submitWith } = useEditForm(FIELDS, () => ({
    amount: agreement.remaining,
    paidOn: isoToZoned(new Date().toISOString(), me.timeZone).day,
    reference: "",
  }));
  const submit = submitWith(
    (values) => ({ ...values, currency: agreement.currency, reference: orNull(values.reference) }),
    { create: (body) => api.recordPayment(agreement.id, body) },
    onSaved,
  );
  return (
    <EditForm
      label={t("paymentLabel", { purpose: agreement.purpose })}
      onSubmit={submit}
      save={save}
      submitLabel={t("submitPayment")}
      onCancel={onCancel}
    >
      <TextField label={`${t("amount")} (${agreement.currency})`} required {...field("amount")} />
      <TextField label={t("paidOn")} required type="date" {...field("paidOn")} />
      <TextField label={t("reference")} {...field("reference")} />
    </EditForm>
  );
}
