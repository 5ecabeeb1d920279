import { Button, Checkbox, Field, Input, MessageBar, MessageBarBody, Select } from "@fluentui/react-components";
import { type FormEvent, useState } from "react";
import { ACTUAL_CUSTOMER_STATUS, type Customer } from "contract";
import { FREE_MAIL_DOMAINS } from "contract/free-mail-domains";
import { useServices } from "../../shared/services-context";
import { errorMessage } from "../../shared/error-message";
import { may } from "../../shared/may";
import { useAsync } from "../../shared/use-async";
import { useLayoutStyles } from "../../shared/layout-styles";

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
  const layout = useLayoutStyles();
  const { api, me } = useServices();
  // Status 1 is the accounts department's to give (customers:status-1): offered only to them.
  const offered = (code: number) => code !== ACTUAL_CUSTOMER_STATUS || may(me, "customers:status-1");
  const statuses = useAsync(() => api.statuses(), [api]);
  const domain = email.slice(email.lastIndexOf("@") + 1).toLowerCase();
  // A gmail.com domain says nothing about the company: never offer it for matching.
  const companyDomain = FREE_MAIL_DOMAINS.has(domain) ? null : domain;
  const [name, setName] = useState("");
  const [accountNumber, setAccountNumber] = useState("");
  const [status, setStatus] = useState("2");
  const [phone, setPhone] = useState("");
  const [matchDomain, setMatchDomain] = useState(companyDomain !== null);
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<unknown>(null);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setSaving(true);
    setError(null);
    try {
      const customer = await api.createCustomer({
        name,
        accountNumber,
        status: Number(status),
        phone: phone || null,
        emailDomains: matchDomain && companyDomain ? [companyDomain] : [],
      });
      onCreated(customer);
    } catch (caught) {
      setError(caught);
      setSaving(false);
    }
  };

  return (
    <form className={layout.form} onSubmit={submit} aria-label="New customer">
      <Field label="Company name" required>
        <Input value={name} onChange={(_event, data) => setName(data.value)} required maxLength={200} />
      </Field>
      <Field label="Account number" required>
        <Input
          value={accountNumber}
          onChange={(_event, data) => setAccountNumber(data.value)}
          required
          maxLength={40}
        />
      </Field>
      <Field label="Status">
        <Select value={status} onChange={(_event, data) => setStatus(data.value)}>
          {(statuses.data?.items ?? [{ code: 2, label: "Prospect" }])
            .filter((option) => offered(option.code))
            .map((option) => (
              <option key={option.code} value={String(option.code)}>
                {option.code} · {option.label}
              </option>
            ))}
        </Select>
      </Field>
      <Field label="Phone">
        <Input value={phone} onChange={(_event, data) => setPhone(data.value)} maxLength={50} />
      </Field>
      {companyDomain && (
        <Checkbox
          checked={matchDomain}
          onChange={(_event, data) => setMatchDomain(data.checked === true)}
          label={`Recognise emails from @${companyDomain} as this customer`}
        />
      )}
      {error !== null && (
        <MessageBar intent="error" role="alert">
          <MessageBarBody>{errorMessage(error)}</MessageBarBody>
        </MessageBar>
      )}
      <div className={layout.buttons}>
        <Button appearance="primary" type="submit" disabled={saving || !name.trim() || !accountNumber.trim()}>
          {saving ? "Creating…" : "Create customer"}
        </Button>
        <Button onClick={onCancel}>Back</Button>
      </div>
    </form>
  );
}
