import { Text } from "@fluentui/react-components";
import type { FormEvent } from "react";
import type { ShipTo } from "contract";
import { useServices } from "../../shared/services-context";
import { FormFooter } from "../../shared/form-footer";
import { useLayoutStyles } from "../../shared/layout-styles";
import { byFirstSegment, useFormSave } from "../../shared/use-form-save";
import { DetailField, orNull, useDetailValues } from "../details/detail-field";

const FIELDS = ["name", "street", "postalCode", "city", "region", "country"] as const;
type Values = Record<(typeof FIELDS)[number], string>;

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
  const layout = useLayoutStyles();
  const { api } = useServices();
  const [values, setValues] = useDetailValues(FIELDS, existing);
  const save = useFormSave(byFirstSegment(FIELDS), onSaved);
  const field = (name: keyof Values, label: string, required = false) => (
    <DetailField
      label={label}
      value={values[name]}
      onChange={(value) => setValues({ ...values, [name]: value })}
      error={save.fieldErrors[name]}
      required={required}
    />
  );

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const body = {
      name: orNull(values.name),
      street: values.street,
      postalCode: values.postalCode,
      city: values.city,
      region: orNull(values.region),
      country: values.country,
    };
    const saved = await save.run(() =>
      existing ? api.updateShipTo(existing.id, body) : api.createShipTo(customerId, body),
    );
    if (saved) onSaved();
  };

  return (
    <form
      className={layout.form}
      onSubmit={submit}
      noValidate
      aria-label={existing ? "Edit ship-to address" : "New ship-to address"}
    >
      <Text weight="semibold">{existing ? "Edit ship-to address" : "New ship-to address"}</Text>
      {field("name", "Name (e.g. Warehouse Hamburg)")}
      {field("street", "Street", true)}
      {field("postalCode", "Postal code", true)}
      {field("city", "City", true)}
      {field("region", "Region")}
      {field("country", "Country", true)}
      <FormFooter message={save.message} saving={save.saving} submitLabel="Save address" onCancel={onCancel} />
    </form>
  );
}
