import { Checkbox } from "@fluentui/react-components";
import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import type { Customer } from "contract";
import { FREE_MAIL_DOMAINS } from "contract/free-mail-domains";
import { EditForm } from "../../shared/edit-form";
import { useServices } from "../../shared/services-context";
import { useFormSave } from "../../shared/use-form-save";
import { CustomerFields, bodyOf, customerFieldOf, customerRights, emptyDraft } from "./customer-fields";

/** A new customer for an unknown sender; it starts as a prospect in lifecycle state New. */
export function CreateCustomerForm({
  email,
  onCreated,
  onCancel,
}: {
  email: string;
  onCreated: (customer: Customer) => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation("customers");
  const { api, me } = useServices();
  const domain = email.slice(email.lastIndexOf("@") + 1).toLowerCase();
  // A gmail.com domain says nothing about the company: never offer it for matching.
  const companyDomain = FREE_MAIL_DOMAINS.has(domain) ? null : domain;
  const [draft, setDraft] = useState(emptyDraft);
  const [matchDomain, setMatchDomain] = useState(companyDomain !== null);
  const save = useFormSave(customerFieldOf);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const { accountNumber, emailDomains, ...body } = bodyOf(draft);
    // Without a number typed (only managers may), the service takes the next one of its sequence.
    const chosen = customerRights(me).accountNumber && accountNumber ? { accountNumber } : {};
    const domains = [...new Set([...emailDomains, ...(matchDomain && companyDomain ? [companyDomain] : [])])];
    let created: Customer | undefined;
    if (await save.run(async () => (created = await api.createCustomer({ ...body, ...chosen, emailDomains: domains }))))
      onCreated(created!);
  };

  return (
    <EditForm
      label={t("newCustomer")}
      onSubmit={submit}
      save={save}
      submitLabel={t("createCustomer")}
      cancelLabel={t("back")}
      onCancel={onCancel}
    >
      <CustomerFields draft={draft} onChange={setDraft} errors={save.fieldErrors} />
      {companyDomain && (
        <Checkbox
          checked={matchDomain}
          onChange={(_event, data) => setMatchDomain(data.checked === true)}
          label={t("recogniseDomain", { domain: companyDomain })}
        />
      )}
    </EditForm>
  );
}
