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
  const label = existing ? "Edit ship-to address" : "New ship-to address";

  return (
    <EditForm label={label} title={label} onSubmit={submit} save={save} submitLabel="Save address" onCancel={onCancel}>
      <TextField label="Name (e.g. Warehouse Hamburg)" {...field("name")} />
      <TextField label="Street" required {...field("street")} />
      <TextField label="Postal code" required {...field("postalCode")} />
      <TextField label="City" required {...field("city")} />
      <TextField label="Region" {...field("region")} />
      <TextField label="Country" required {...field("country")} />
    </EditForm>
  );
}
