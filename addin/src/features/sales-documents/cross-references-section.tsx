import { Button, Caption1, MessageBar, MessageBarBody, Text } from "@fluentui/react-components";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { CrossReference } from "contract";
import { EditForm } from "../../shared/edit-form";
import { TextField } from "../../shared/form-fields";
import { useServices } from "../../shared/services-context";
import { EmptyState } from "../../shared/state-views";
import { useErrorMessage } from "../../shared/error-message";
import { useLayoutStyles } from "../../shared/layout-styles";
import { may } from "../../shared/may";
import { useEditForm } from "../../shared/use-edit-form";
import { useItemEditing } from "../../shared/use-item-editing";

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
  const layout = useLayoutStyles();
  const { t } = useTranslation("items", { keyPrefix: "references" });
  const errorMessage = useErrorMessage();
  const { api, me } = useServices();
  const canWrite = may(me, "cross-references:write", { salesmen });
  const editing = useItemEditing<CrossReference>(onChanged);
  const [error, setError] = useState<unknown>(null);
  const remove = async (reference: CrossReference) => {
    setError(null);
    try {
      await api.deleteCrossReference(reference.id);
      onChanged();
    } catch (caught) {
      setError(caught);
    }
  };

  return (
    <section className={layout.form} aria-label={t("heading")}>
      <Text as="h3" weight="semibold" size={400}>
        {t("heading")}
      </Text>
      {canWrite && editing.open === undefined && (
        <div className={layout.buttons}>
          <Button onClick={editing.startNew}>{t("add")}</Button>
        </div>
      )}
      {editing.open !== undefined && (
        <CrossReferenceForm customerId={customerId} onSaved={editing.saved} onCancel={editing.cancel} />
      )}
      {error !== null && (
        <MessageBar intent="error" role="alert">
          <MessageBarBody>{errorMessage(error)}</MessageBarBody>
        </MessageBar>
      )}
      {references.length === 0 ? (
        <EmptyState>{t("empty")}</EmptyState>
      ) : (
        <ul className={layout.list}>
          {references.map((reference) => (
            <li key={reference.id} className={layout.item} aria-label={t("label", { code: reference.customerCode })}>
              <Text>{t("mapsTo", { code: reference.customerCode, item: reference.item })}</Text>
              <Caption1>
                {[reference.customerDescription, reference.itemDescription, !reference.itemActive && t("retired")]
                  .filter(Boolean)
                  .join(" · ")}
              </Caption1>
              {canWrite && (
                <div className={layout.buttons}>
                  <Button size="small" onClick={() => remove(reference)}>
                    {t("delete", { code: reference.customerCode })}
                  </Button>
                </div>
              )}
            </li>
          ))}
        </ul>
      )}
    </section>
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
