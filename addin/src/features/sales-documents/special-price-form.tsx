import { Field, Input, Text } from "@fluentui/react-components";
import { type FormEvent, useState } from "react";
import type { SpecialPrice } from "contract";
import { useServices } from "../../shared/services-context";
import { FormFooter } from "../../shared/form-footer";
import { useLayoutStyles } from "../../shared/layout-styles";
import { useFormSave } from "../../shared/use-form-save";

const FIELDS = [
  { name: "item", label: "Item", required: true },
  { name: "description", label: "Description" },
  { name: "currency", label: "Currency", required: true },
  { name: "unitPrice", label: "Unit price", required: true },
  { name: "discountPercent", label: "Discount %" },
  { name: "validFrom", label: "Valid from", type: "date" },
  { name: "validUntil", label: "Valid until", type: "date" },
] as const;
type Values = Record<(typeof FIELDS)[number]["name"], string>;

const valuesOf = (price: SpecialPrice | null): Values => ({
  item: price?.item ?? "",
  description: price?.description ?? "",
  currency: price?.currency ?? "EUR",
  unitPrice: price?.unitPrice ?? "",
  discountPercent: price?.discountPercent ?? "0",
  validFrom: price?.validFrom ?? "",
  validUntil: price?.validUntil ?? "",
});

/** Add or change a special price (managers and admins); the service's field errors show at the fields. */
export function SpecialPriceForm({
  customerId,
  price,
  onSaved,
  onCancel,
}: {
  customerId: string;
  price: SpecialPrice | null;
  onSaved: () => void;
  onCancel: () => void;
}) {
  const layout = useLayoutStyles();
  const { api } = useServices();
  const [values, setValues] = useState(() => valuesOf(price));
  const submit = useFormSave((path) => (FIELDS.some((field) => field.name === path) ? path : undefined));

  const save = async (event: FormEvent) => {
    event.preventDefault();
    const body = {
      item: values.item,
      description: values.description.trim() || null,
      currency: values.currency,
      unitPrice: values.unitPrice.trim(),
      discountPercent: values.discountPercent.trim() || "0",
      validFrom: values.validFrom || null,
      validUntil: values.validUntil || null,
    };
    const saved = await submit.run(() =>
      price
        ? api.updateSpecialPrice(price.id, { ...body, version: price.version })
        : api.createSpecialPrice(customerId, body),
    );
    if (saved) onSaved();
  };

  const label = price ? `Edit special price ${price.item}` : "New special price";
  return (
    <form className={layout.form} onSubmit={save} aria-label={label}>
      <Text weight="semibold">{label}</Text>
      {FIELDS.map((field) => (
        <Field
          key={field.name}
          label={field.label}
          required={"required" in field}
          validationMessage={submit.fieldErrors[field.name]}
        >
          <Input
            type={"type" in field ? field.type : "text"}
            value={values[field.name]}
            onChange={(_event, data) => setValues({ ...values, [field.name]: data.value })}
          />
        </Field>
      ))}
      <FormFooter
        message={submit.message}
        saving={submit.saving}
        submitLabel="Save special price"
        onCancel={onCancel}
        cancelLabel="Back"
      />
    </form>
  );
}
