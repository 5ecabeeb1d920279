import { useTranslation } from "react-i18next";
import { DEFAULT_CURRENCY } from "contract";
import { EditForm } from "../../shared/edit-form";
import { TextField } from "../../shared/form-fields";
import { useServices } from "../../shared/services-context";
import { useEditForm } from "../../shared/use-edit-form";

const FIELDS = ["purpose", "amount", "currency", "periodFrom", "periodTo"] as const;

/** Propose an agreement to pay the customer; a manager approves it before anything is paid. */
export function AgreementForm({
  customerId,
  onSaved,
  onCancel,
}: {
  customerId: string;
  onSaved: () => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation("payments");
  const { api } = useServices();
  const year = new Date().getFullYear();
  const { save, field, submitWith } = useEditForm(FIELDS, () => ({
    purpose: "",
    amount: "",
    currency: DEFAULT_CURRENCY,
    periodFrom: `${year}-01-01`,
    periodTo: `${year}-12-31`,
  }));
  const submit = submitWith(
    (values) => values,
    { create: (body) => api.proposePaymentAgreement(customerId, body) },
    onSaved,
  );
  return (
    <EditForm
      label={t("proposeLabel")}
      onSubmit={submit}
      save={save}
      submitLabel={t("submitProposal")}
      onCancel={onCancel}
    >
      <TextField label={t("purpose")} required {...field("purpose")} />
      <TextField label={t("amount")} required type="text" {...field("amount")} />
      <TextField label={t("currency")} required {...field("currency")} />
      <TextField label={t("periodFrom")} required type="date" {...field("periodFrom")} />
      <TextField label={t("periodTo")} required type="date" {...field("periodTo")} />
    </EditForm>
  );
}
