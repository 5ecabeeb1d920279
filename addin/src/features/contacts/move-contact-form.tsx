import { Text } from "@fluentui/react-components";
import { type FormEvent, useState } from "react";
import type { Contact, CustomerRef } from "../../../../contract";
import { useServices } from "../../app/services-context";
import { ErrorState, Loading } from "../../app/state-views";
import { useLayoutStyles } from "../../shared/layout-styles";
import { useAsync } from "../../shared/use-async";
import { CustomerPicker } from "../customers/customer-picker";
import { FormFooter } from "../sales/sales-fields";
import { useSave } from "../sales/use-save";

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
  const { api } = useServices();
  // The lookup gives no version; the one loaded here is what the move is based on.
  const contact = useAsync(() => api.contact(contactId), [contactId]);
  const save = useSave(["customerId"], contact.reload);
  const [customerId, setCustomerId] = useState("");

  if (contact.status === "loading") return <Loading label="Loading the contact…" />;
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
    <form className={layout.form} onSubmit={submit} aria-label={`Move ${name} to a customer`}>
      <Text as="h3" weight="semibold">
        Move {name} to a customer
      </Text>
      {current.customer && (
        <Text>
          Now under {current.customer.name} ({current.customer.accountNumber}).
        </Text>
      )}
      <CustomerPicker value={customerId} onChange={setCustomerId} />
      {save.fieldErrors.customerId && <Text role="alert">{save.fieldErrors.customerId}</Text>}
      <FormFooter save={save} submitLabel="Move contact" onCancel={onCancel} disabled={!customerId} />
    </form>
  );
}
