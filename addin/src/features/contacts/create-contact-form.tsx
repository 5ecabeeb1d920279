import { Button, Field, Input, MessageBar, MessageBarBody, Radio, RadioGroup, Text } from "@fluentui/react-components";
import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import type { Customer, CustomerRef } from "contract";
import { useServices } from "../../shared/services-context";
import type { MailAddress } from "../../office/mail-item.types";
import { useErrorMessage } from "../../shared/error-message";
import { CreateCustomerForm, CustomerPicker } from "../customers";
import { useLayoutStyles } from "../../shared/layout-styles";

/** "Jonas Keller" → Jonas / Keller; "Keller, Jonas" → Jonas / Keller; no name → from the address. */
export function splitName(participant: MailAddress): { firstName: string; lastName: string } {
  const name = participant.name?.trim() ?? "";
  if (name.includes(",")) {
    const [last, first] = name.split(",", 2).map((part) => part.trim());
    return { firstName: first ?? "", lastName: last ?? "" };
  }
  const parts = (name || participant.email.split("@")[0]!.replace(/[._-]+/g, " ")).split(/\s+/).filter(Boolean);
  const capital = (word: string) => (name ? word : word[0]!.toUpperCase() + word.slice(1));
  if (parts.length < 2) return { firstName: parts.map(capital).join(" "), lastName: "" };
  return { firstName: parts.slice(0, -1).map(capital).join(" "), lastName: capital(parts[parts.length - 1]!) };
}

type Placement = { kind: "domain"; customerId: string } | { kind: "other" } | { kind: "unassigned" };

/** Unknown sender: a contact with name and address prefilled, under a customer or unassigned. */
export function CreateContactForm({
  participant,
  domainCustomers,
  onCreated,
  onCancel,
}: {
  participant: MailAddress;
  domainCustomers: CustomerRef[];
  onCreated: () => void;
  onCancel: () => void;
}) {
  const layout = useLayoutStyles();
  const { t } = useTranslation("contacts");
  const { t: common } = useTranslation("common");
  const errorMessage = useErrorMessage();
  const { api } = useServices();
  const initial = splitName(participant);
  const [firstName, setFirstName] = useState(initial.firstName);
  const [lastName, setLastName] = useState(initial.lastName);
  const [role, setRole] = useState("");
  const [phone, setPhone] = useState("");
  const [placement, setPlacement] = useState<Placement>(
    domainCustomers.length > 0 ? { kind: "domain", customerId: domainCustomers[0]!.id } : { kind: "unassigned" },
  );
  const [otherCustomer, setOtherCustomer] = useState("");
  const [newCustomer, setNewCustomer] = useState(false);
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<unknown>(null);

  const create = async (customerId: string | null) => {
    setSaving(true);
    setError(null);
    try {
      await api.createContact({
        customerId,
        firstName,
        lastName,
        emails: [participant.email],
        role: role || null,
        phone: phone || null,
      });
      onCreated();
    } catch (caught) {
      setError(caught);
      setSaving(false);
    }
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const customerId =
      placement.kind === "domain" ? placement.customerId : placement.kind === "other" ? otherCustomer : null;
    void create(customerId);
  };
  const radioValue = placement.kind === "domain" ? `domain:${placement.customerId}` : placement.kind;

  if (newCustomer)
    return (
      <section aria-label={t("newCustomerForSender")} className={layout.form}>
        <Text as="h3" weight="semibold">
          {t("newCustomerFor", { email: participant.email })}
        </Text>
        <CreateCustomerForm
          email={participant.email}
          onCreated={(customer: Customer) => void create(customer.id)}
          onCancel={() => setNewCustomer(false)}
        />
      </section>
    );

  return (
    <form className={layout.form} onSubmit={submit} aria-label={t("newContact")}>
      <Text as="h3" weight="semibold">
        {t("addAsContact", { email: participant.email })}
      </Text>
      <Field label={t("firstName")} required>
        <Input value={firstName} onChange={(_event, data) => setFirstName(data.value)} required maxLength={100} />
      </Field>
      <Field label={t("lastName")} required>
        <Input value={lastName} onChange={(_event, data) => setLastName(data.value)} required maxLength={100} />
      </Field>
      <Field label={t("role")}>
        <Input value={role} onChange={(_event, data) => setRole(data.value)} maxLength={100} />
      </Field>
      <Field label={t("phone")}>
        <Input value={phone} onChange={(_event, data) => setPhone(data.value)} maxLength={50} />
      </Field>
      <Field label={t("placeUnder")}>
        <RadioGroup
          value={radioValue}
          onChange={(_event, data) =>
            setPlacement(
              data.value.startsWith("domain:")
                ? { kind: "domain", customerId: data.value.slice("domain:".length) }
                : { kind: data.value as "other" | "unassigned" },
            )
          }
        >
          {domainCustomers.map((customer) => (
            <Radio
              key={customer.id}
              value={`domain:${customer.id}`}
              label={t("byDomain", { name: customer.name, accountNumber: customer.accountNumber })}
            />
          ))}
          <Radio value="other" label={t("anotherCustomer")} />
          <Radio value="unassigned" label={t("unassigned")} />
        </RadioGroup>
      </Field>
      {placement.kind === "other" && <CustomerPicker value={otherCustomer} onChange={setOtherCustomer} />}
      {error !== null && (
        <MessageBar intent="error" role="alert">
          <MessageBarBody>{errorMessage(error)}</MessageBarBody>
        </MessageBar>
      )}
      <div className={layout.buttons}>
        <Button
          appearance="primary"
          type="submit"
          disabled={saving || !firstName.trim() || !lastName.trim() || (placement.kind === "other" && !otherCustomer)}
        >
          {saving ? common("saving") : t("createContact")}
        </Button>
        <Button onClick={() => setNewCustomer(true)}>{t("createCustomerInstead")}</Button>
        <Button appearance="subtle" onClick={onCancel}>
          {common("cancel")}
        </Button>
      </div>
    </form>
  );
}
