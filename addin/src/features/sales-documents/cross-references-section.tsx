import { Caption1, Text } from "@fluentui/react-components";
import { useTranslation } from "react-i18next";
import type { CrossReference } from "contract";
import { EditForm } from "../../shared/edit-form";
import { TextField } from "../../shared/form-fields";
import { ManagedListSection } from "../../shared/managed-list-section";
import { useServices } from "../../shared/services-context";
import { may } from "../../shared/may";
import { useEditForm } from "../../shared/use-edit-form";

const FIELDS = ["customerCode", "customerDescription", "item"] as const;

/**
 * The customer's own item codes mapped to ours: lines and imported files may use either. Everyone sees
 * them; the customer's salesmen and managers keep them (cross-references:write).
 */
export function CrossReferencesSection({
  customerId,
  salesmen,
  references,
  onChanged,
}: {
  customerId: string;
  salesmen: readonly { id: string }[];
  references: CrossReference[];
  onChanged: () => void;
}) {
  const { t } = useTranslation("items", { keyPrefix: "references" });
  const { api, me } = useServices();
  return (
    <ManagedListSection
      title={t("heading")}
      items={references}
      empty={t("empty")}
      canChange={may(me, "cross-references:write", { salesmen })}
      addLabel={t("add")}
      form={({ onSaved, onCancel }) => (
        <CrossReferenceForm customerId={customerId} onSaved={onSaved} onCancel={onCancel} />
      )}
      itemLabel={(reference) => t("label", { code: reference.customerCode })}
      deleteLabel={(reference) => t("delete", { code: reference.customerCode })}
      remove={(reference) => api.deleteCrossReference(reference.id)}
      onChanged={onChanged}
    >
      {(reference) => (
        <>
          <Text>{t("mapsTo", { code: reference.customerCode, item: reference.item })}</Text>
          <Caption1>
            {[reference.customerDescription, reference.itemDescription, !reference.itemActive && t("retired")]
              .filter(Boolean)
              .join(" · ")}
          </Caption1>
        </>
      )}
    </ManagedListSection>
  );
}

/** A new cross-reference; the service's field errors (unknown item, code taken) show at the fields. */
function CrossReferenceForm({
  customerId,
  onSaved,
  onCancel,
}: {
  customerId: string;
  onSaved: () => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation("items", { keyPrefix: "references.form" });
  const { api } = useServices();
  const { save, field, submitWith } = useEditForm(FIELDS, () => ({
    customerCode: "",
    customerDescription: "",
    item: "",
  }));
  const submit = submitWith(
    (values) => ({
      customerCode: values.customerCode,
      customerDescription: values.customerDescription.trim() || null,
      item: values.item,
    }),
    { create: (body) => api.createCrossReference(customerId, body) },
    onSaved,
  );
  return (
    <EditForm
      label={t("new")}
      title={t("new")}
      onSubmit={submit}
      save={save}
      noValidate={false}
      submitLabel={t("save")}
      onCancel={onCancel}
      cancelLabel={t("back")}
    >
      <TextField label={t("customerCode")} required {...field("customerCode")} />
      <TextField label={t("customerDescription")} {...field("customerDescription")} />
      <TextField label={t("item")} required {...field("item")} />
    </EditForm>
  );
}
