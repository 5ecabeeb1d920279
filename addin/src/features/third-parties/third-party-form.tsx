import { useTranslation } from "react-i18next";
import type { ThirdParty } from "contract";
import { EditForm } from "../../shared/edit-form";
import { TextField, orNull } from "../../shared/form-fields";
import { useServices } from "../../shared/services-context";
import { useEditForm } from "../../shared/use-edit-form";

const FIELDS = ["name", "role", "email", "phone", "contractNumber", "contractStart", "contractEnd", "notes"] as const;
type Values = Record<(typeof FIELDS)[number], string>;

const valuesOf = (party: ThirdParty | null): Values => ({
  name: party?.name ?? "",
  role: party?.role ?? "",
  email: party?.email ?? "",
  phone: party?.phone ?? "",
  contractNumber: party?.contractNumber ?? "",
  contractStart: party?.contractStart ?? "",
  contractEnd: party?.contractEnd ?? "",
  notes: party?.notes ?? "",
});

const bodyOf = (values: Values) => ({
  name: values.name,
  role: values.role,
  email: orNull(values.email),
  phone: orNull(values.phone),
  contractNumber: orNull(values.contractNumber),
  contractStart: orNull(values.contractStart),
  contractEnd: orNull(values.contractEnd),
  notes: orNull(values.notes),
});

/** Adds a third party, or changes one (sending the version it was loaded with). */
export function ThirdPartyForm({
  customerId,
  existing,
  onSaved,
  onConflict,
  onCancel,
}: {
  customerId: string;
  existing: ThirdParty | null;
  onSaved: () => void;
  /** Someone else changed it: the record is reloaded. */
  onConflict: () => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation("thirdParties");
  const { t: common } = useTranslation("common");
  const { api } = useServices();
  const { save, field, submitWith } = useEditForm(FIELDS, () => valuesOf(existing), onConflict);
  const submit = submitWith(
    bodyOf,
    {
      create: (body) => api.createThirdParty(customerId, body),
      update: existing && ((changes) => api.updateThirdParty(existing.id, { ...changes, version: existing.version })),
    },
    onSaved,
  );

  return (
    <EditForm
      label={existing ? t("edit") : t("new")}
      title={existing ? common("editWhat", { what: existing.name }) : t("new")}
      onSubmit={submit}
      save={save}
      submitLabel={t("save")}
      onCancel={onCancel}
    >
      <TextField label={t("name")} required {...field("name")} />
      <TextField label={t("role")} required {...field("role")} />
      <TextField label={t("email")} type="email" {...field("email")} />
      <TextField label={t("phone")} type="tel" {...field("phone")} />
      <TextField label={t("contractNumber")} {...field("contractNumber")} />
      <TextField label={t("contractStart")} type="date" {...field("contractStart")} />
      <TextField label={t("contractEnd")} type="date" {...field("contractEnd")} />
      <TextField label={t("notes")} multiline {...field("notes")} />
    </EditForm>
  );
}
