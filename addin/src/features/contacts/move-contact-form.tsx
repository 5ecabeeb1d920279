import { Text } from "@fluentui/react-components";
import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import type { Contact, CustomerRef } from "contract";
import { useServices } from "../../shared/services-context";
import { ErrorState, Loading } from "../../shared/state-views";
import { FormFooter } from "../../shared/form-footer";
import { useLayoutStyles } from "../../shared/layout-styles";
import { useAsync } from "../../shared/use-async";
import { byFirstSegment, useFormSave } from "../../shared/use-form-save";
import { CustomerPicker } from "../customers";

/** An unassigned contact placed under a customer found by search; answers with that customer. */
export function MoveContactForm({
  contactId,
  name,
  onMoved,
  onCancel,
}: {
  contactId: string;
  name: string;
  onMoved: (customer: CustomerRef, contact: Contact) => void;
  onCancel: () => void;
}) {
  const layout = useLayoutStyles();
  const { t } = useTranslation("contacts");
  const { api } = useServices();
  // The lookup gives no version; the one loaded here is what the move is based on.
  const contact = useAsync(() => api.contact(contactId), [contactId]);
  const save = useFormSave(byFirstSegment(["customerId"]), contact.reload);
  const [customerId, setCustomerId] = useState("");

  if (contact.status === "loading") return <Loading label={t("loadingContact")} />;
  if (contact.status === "error") return <ErrorState error={contact.error} onRetry={contact.reload} />;
  const current = contact.data;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const result: { moved?: Contact } = {};
    await save.run(async () => {
      result.moved = await api.updateContact(current.id, { customerId, version: current.version });
    });
    if (result.moved?.customer) onMoved(result.moved.customer, result.moved);
  };

  return (
    <form className={layout.form} onSubmit={submit} aria-label={t("moveTo", { name })}>
      <Text as="h3" weight="semibold">
        {t("moveTo", { name })}
      </Text>
      {current.customer && (
        <Text>{t("nowUnder", { name: current.customer.name, accountNumber: current.customer.accountNumber })}</Text>
      )}
      <CustomerPicker value={customerId} onChange={setCustomerId} />
      {save.fieldErrors.customerId && <Text role="alert">{save.fieldErrors.customerId}</Text>}
      <FormFooter
        message={save.message}
        saving={save.saving}
        submitLabel={t("moveContact")}
        onCancel={onCancel}
        disabled={!customerId}
      />
    </form>
  );
}
