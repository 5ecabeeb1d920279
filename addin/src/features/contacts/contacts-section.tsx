import { Badge, Button, Caption1, Checkbox, Text } from "@fluentui/react-components";
import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import type { Contact } from "contract";
import { EditForm } from "../../shared/edit-form";
import { TextField, orNull } from "../../shared/form-fields";
import { useLayoutStyles } from "../../shared/layout-styles";
import { useServices } from "../../shared/services-context";
import { EmptyState } from "../../shared/state-views";
import { useFormSave } from "../../shared/use-form-save";

type AddressDraft = Record<"label" | "street" | "postalCode" | "city" | "region" | "country", string>;
const ADDRESS_PARTS: (keyof AddressDraft)[] = ["label", "street", "postalCode", "city", "region", "country"];
const emptyAddress = (): AddressDraft => ({ label: "", street: "", postalCode: "", city: "", region: "", country: "" });
const oneLine = (address: Contact["addresses"][number]) =>
  [
    address.label && `${address.label}:`,
    address.street,
    [address.postalCode, address.city].filter(Boolean).join(" "),
    address.country,
  ]
    .filter(Boolean)
    .join(" ");
const nameOf = (contact: Contact) => `${contact.firstName} ${contact.lastName}`;

/** The customer's contacts: those still there first, those who left apart; each edited here. */
export function ContactsSection({ contacts, onChanged }: { contacts: Contact[]; onChanged: () => void }) {
  const layout = useLayoutStyles();
  const { t } = useTranslation("contacts");
  const { t: common } = useTranslation("common");
  const [editing, setEditing] = useState<string | null>(null);
  const ordered = [...contacts.filter((contact) => !contact.leftAt), ...contacts.filter((contact) => contact.leftAt)];
  return (
    <section className={layout.form} aria-labelledby="contacts-heading">
      <Text id="contacts-heading" as="h3" weight="semibold" size={400}>
        {t("heading")}
      </Text>
      {ordered.length === 0 ? (
        <EmptyState>{t("none")}</EmptyState>
      ) : (
        <ul className={layout.list} aria-label={t("heading")}>
          {ordered.map((contact) => (
            <li key={contact.id} className={layout.item} aria-label={nameOf(contact)}>
              {editing === contact.id ? (
                <ContactForm
                  contact={contact}
                  onReload={onChanged}
                  onDone={(saved) => {
                    setEditing(null);
                    if (saved) onChanged();
                  }}
                />
              ) : (
                <>
                  <Text>
                    {nameOf(contact)}
                    {contact.role && ` · ${contact.role}`}{" "}
                    {contact.leftAt && (
                      <Badge appearance="outline" color="danger">
                        {t("left")}
                      </Badge>
                    )}
                  </Text>
                  {[contact.phone, ...contact.emails].filter(Boolean).length > 0 && (
                    <Caption1>{[contact.phone, ...contact.emails].filter(Boolean).join(" · ")}</Caption1>
                  )}
                  {contact.addresses.map((address, index) => (
                    <Caption1 key={index}>{oneLine(address)}</Caption1>
                  ))}
                  <div className={layout.buttons}>
                    <Button
                      size="small"
                      aria-label={t("editWho", { name: nameOf(contact) })}
                      onClick={() => setEditing(contact.id)}
                    >
                      {common("edit")}
                    </Button>
                  </div>
                </>
              )}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

const CONTACT_FIELDS = ["firstName", "lastName", "role", "phone", "emails", "addresses"];

/** Every field of a contact, its addresses (add and remove), and whether they left the company. */
function ContactForm({
  contact,
  onDone,
  onReload,
}: {
  contact: Contact;
  onDone: (saved: boolean) => void;
  onReload: () => void;
}) {
  const layout = useLayoutStyles();
  const { t } = useTranslation("contacts");
  const { api } = useServices();
  const [values, setValues] = useState({
    firstName: contact.firstName,
    lastName: contact.lastName,
    role: contact.role ?? "",
    phone: contact.phone ?? "",
    emails: contact.emails.join("\n"),
  });
  const [addresses, setAddresses] = useState<AddressDraft[]>(() =>
    contact.addresses.map((address) => ({
      label: address.label ?? "",
      street: address.street ?? "",
      postalCode: address.postalCode ?? "",
      city: address.city ?? "",
      region: address.region ?? "",
      country: address.country ?? "",
    })),
  );
  const [left, setLeft] = useState(!!contact.leftAt);
  // "addresses.1.city" shows at that address's city; the rest by their first segment.
  const save = useFormSave(
    (path) =>
      /^addresses\.\d+\.\w+$/.test(path) ? path : CONTACT_FIELDS.find((field) => field === path.split(".")[0]),
    onReload,
  );
  const text = (
    name: keyof typeof values,
    label: string,
    extra: { required?: boolean; multiline?: boolean; hint?: string } = {},
  ) => (
    <TextField
      label={label}
      name={name}
      errors={save.fieldErrors}
      value={values[name]}
      onChange={(value) => setValues({ ...values, [name]: value })}
      {...extra}
    />
  );
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const body = {
      version: contact.version,
      firstName: values.firstName.trim(),
      lastName: values.lastName.trim(),
      role: orNull(values.role),
      phone: orNull(values.phone),
      emails: values.emails.split(/[\s,;]+/).filter(Boolean),
      addresses: addresses.map((address) =>
        Object.fromEntries(Object.entries(address).map(([key, value]) => [key, orNull(value)])),
      ),
      left,
    };
    if (await save.run(() => api.updateContact(contact.id, body))) onDone(true);
  };
  return (
    <EditForm
      label={t("editWho", { name: nameOf(contact) })}
      title={t("editWho", { name: nameOf(contact) })}
      onSubmit={submit}
      save={save}
      submitLabel={t("saveContact")}
      onCancel={() => onDone(false)}
    >
      <Caption1>{t("requiredNote")}</Caption1>
      {text("firstName", t("firstName"), { required: true })}
      {text("lastName", t("lastName"), { required: true })}
      {text("role", t("role"))}
      {text("phone", t("phone"))}
      {text("emails", t("emails"), { multiline: true, hint: t("emailsHint") })}
      {addresses.map((address, index) => (
        <fieldset key={index} className={layout.form} aria-label={t("address", { number: index + 1 })}>
          <legend>{t("address", { number: index + 1 })}</legend>
          {ADDRESS_PARTS.map((part) => (
            <TextField
              key={part}
              label={t(`addressParts.${part}`)}
              name={`addresses.${index}.${part}`}
              errors={save.fieldErrors}
              value={address[part]}
              onChange={(value) =>
                setAddresses(addresses.map((current, at) => (at === index ? { ...current, [part]: value } : current)))
              }
            />
          ))}
          <Button size="small" onClick={() => setAddresses(addresses.filter((_current, at) => at !== index))}>
            {t("removeAddress", { number: index + 1 })}
          </Button>
        </fieldset>
      ))}
      <div className={layout.buttons}>
        <Button
          size="small"
          onClick={() => setAddresses([...addresses, emptyAddress()])}
          disabled={addresses.length >= 10}
        >
          {t("addAddress")}
        </Button>
      </div>
      <Checkbox checked={left} onChange={(_event, data) => setLeft(data.checked === true)} label={t("hasLeft")} />
    </EditForm>
  );
}
