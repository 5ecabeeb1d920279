import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import type { Customer } from "contract";
import { EditForm } from "../../shared/edit-form";
import { changedFields } from "../../shared/use-edit-form";
import { useServices } from "../../shared/services-context";
import { useFormSave } from "../../shared/use-form-save";
import { CustomerFields, bodyOf, customerFieldOf, draftOf } from "./customer-fields";

/**
 * Every field of the customer. It sends only what the user changed since opening it, with the
 * version of the customer as last loaded: after a 409 the record reloads underneath (onReload) and
 * the user's changes stay, so saving again applies them on top of what the colleague saved.
 */
export function EditCustomerForm({
  customer,
  onReload,
  onDone,
}: {
  customer: Customer;
  onReload: () => void;
  onDone: (saved: boolean) => void;
}) {
  const { t } = useTranslation("customers");
  const { api } = useServices();
  const [initial] = useState(() => draftOf(customer));
  const [draft, setDraft] = useState(initial);
  const save = useFormSave(customerFieldOf, onReload);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    // What the user changed since opening the form, on top of the customer as it is now (version).
    const changes = changedFields(flat(bodyOf(initial)), flat(bodyOf(draft)));
    if (Object.keys(changes).length === 0) return onDone(false);
    const body = bodyOf(draft);
    const update = {
      version: customer.version,
      ...Object.fromEntries(
        Object.keys(changes)
          .filter((key) => !key.startsWith("address."))
          .map((key) => [key, body[key as keyof typeof body]]),
      ),
      ...(Object.keys(changes).some((key) => key.startsWith("address.")) && {
        address: Object.fromEntries(
          Object.keys(changes)
            .filter((key) => key.startsWith("address."))
            .map((key) => [
              key.slice("address.".length),
              body.address[key.slice("address.".length) as keyof typeof body.address],
            ]),
        ),
      }),
    };
    if (await save.run(() => api.updateCustomer(customer.id, update))) onDone(true);
  };

  return (
    <EditForm
      label={t("editCustomer")}
      title={t("editName", { name: customer.name })}
      onSubmit={submit}
      save={save}
      submitLabel={t("saveCustomer")}
      onCancel={() => onDone(false)}
    >
      <CustomerFields draft={draft} onChange={setDraft} errors={save.fieldErrors} current={customer} />
    </EditForm>
  );
}

/** The body with the address parts and lists as comparable values: "address.city", types joined. */
function flat(body: ReturnType<typeof bodyOf>): Record<string, unknown> {
  const { address, types, emailDomains, ...rest } = body;
  return {
    ...rest,
    types: [...types].sort().join("\n"),
    emailDomains: emailDomains.join("\n"),
    ...Object.fromEntries(Object.entries(address).map(([key, value]) => [`address.${key}`, value])),
  };
}
