import { useTranslation } from "react-i18next";
import type { ShipTo } from "contract";
import { EditForm } from "../../shared/edit-form";
import { TextField, orNull } from "../../shared/form-fields";
import { useServices } from "../../shared/services-context";
import { useEditForm } from "../../shared/use-edit-form";

const FIELDS = ["name", "street", "postalCode", "city", "region", "country"] as const;
type Values = Record<(typeof FIELDS)[number], string>;

const valuesOf = (address: ShipTo | null): Values => ({
  name: address?.name ?? "",
  street: address?.street ?? "",
  postalCode: address?.postalCode ?? "",
  city: address?.city ?? "",
  region: address?.region ?? "",
  country: address?.country ?? "",
});

const bodyOf = (values: Values) => ({
  name: orNull(values.name),
  street: values.street,
  postalCode: values.postalCode,
  city: values.city,
  region: orNull(values.region),
  country: values.country,
});

/** Adds a ship-to address or changes one (only what is sent changes; addresses carry no version). */
export function ShipToForm({
  customerId,
  existing,
  onSaved,
  onCancel,
}: {
  customerId: string;
  existing: ShipTo | null;
  onSaved: () => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation("shipTo");
  const { api } = useServices();
  const { save, field, submitWith } = useEditForm(FIELDS, () => valuesOf(existing), onSaved);
  const submit = submitWith(
    bodyOf,
    {
      create: (body) => api.createShipTo(customerId, body),
      update: existing && ((changes) => api.updateShipTo(existing.id, changes)),
    },
    onSaved,
  );
  const label = existing ? t("edit") : t("new");

  return (
    <EditForm label={label} title={label} onSubmit={submit} save={save} submitLabel={t("save")} onCancel={onCancel}>
      <TextField label={t("name")} {...field("name")} />
      <TextField label={t("street")} required {...field("street")} />
      <TextField label={t("postalCode")} required {...field("postalCode")} />
      <TextField label={t("city")} required {...field("city")} />
      <TextField label={t("region")} {...field("region")} />
      <TextField label={t("country")} required {...field("country")} />
    </EditForm>
  );
}
