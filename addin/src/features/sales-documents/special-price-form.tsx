import { useTranslation } from "react-i18next";
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
  const { t } = useTranslation("salesDocuments", { keyPrefix: "prices.form" });
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

  const label = price ? t("edit", { item: price.item }) : t("new");
  return (
    <EditForm
      label={label}
      title={label}
      onSubmit={submit}
      save={save}
      noValidate={false}
      submitLabel={t("save")}
      onCancel={onCancel}
      cancelLabel={t("back")}
    >
      <TextField label={t("item")} required {...field("item")} />
      <TextField label={t("description")} {...field("description")} />
      <TextField label={t("currency")} required {...field("currency")} />
      <TextField label={t("unitPrice")} required {...field("unitPrice")} />
      <TextField label={t("discount")} {...field("discountPercent")} />
      <TextField label={t("validFrom")} type="date" {...field("validFrom")} />
      <TextField label={t("validUntil")} type="date" {...field("validUntil")} />
    </EditForm>
  );
}
