import type { SpecialPrice } from "contract";
import { EditForm } from "../../shared/edit-form";
import { TextField } from "../../shared/form-fields";
import { useServices } from "../../shared/services-context";
import { useEditForm } from "../../shared/use-edit-form";

const FIELDS = ["item", "description", "currency", "unitPrice", "discountPercent", "validFrom", "validUntil"] as const;
type Values = Record<(typeof FIELDS)[number], string>;

const valuesOf = (price: SpecialPrice | null): Values => ({
  item: price?.item ?? "",
  description: price?.description ?? "",
  currency: price?.currency ?? "EUR",
  unitPrice: price?.unitPrice ?? "",
  discountPercent: price?.discountPercent ?? "0",
  validFrom: price?.validFrom ?? "",
  validUntil: price?.validUntil ?? "",
});

const bodyOf = (values: Values) => ({
  item: values.item,
  description: values.description.trim() || null,
  currency: values.currency,
  unitPrice: values.unitPrice.trim(),
  discountPercent: values.discountPercent.trim() || "0",
  validFrom: values.validFrom || null,
  validUntil: values.validUntil || null,
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
  const { api } = useServices();
  const { save, field, submitWith } = useEditForm(FIELDS, () => valuesOf(price));
  const submit = submitWith(
    bodyOf,
    {
      create: (body) => api.createSpecialPrice(customerId, body),
      update: price && ((changes) => api.updateSpecialPrice(price.id, { ...changes, version: price.version })),
    },
    onSaved,
  );

  const label = price ? `Edit special price ${price.item}` : "New special price";
  return (
    <EditForm
      label={label}
      title={label}
      onSubmit={submit}
      save={save}
      noValidate={false}
      submitLabel="Save special price"
      onCancel={onCancel}
      cancelLabel="Back"
    >
      <TextField label="Item" required {...field("item")} />
      <TextField label="Description" {...field("description")} />
      <TextField label="Currency" required {...field("currency")} />
      <TextField label="Unit price" required {...field("unitPrice")} />
      <TextField label="Discount %" {...field("discountPercent")} />
      <TextField label="Valid from" type="date" {...field("validFrom")} />
      <TextField label="Valid until" type="date" {...field("validUntil")} />
    </EditForm>
  );
}
