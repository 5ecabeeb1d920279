import { Caption1, Checkbox, Field, Input, Select, makeStyles, tokens } from "@fluentui/react-components";
import { ACTUAL_CUSTOMER_STATUS, type Customer, type Me } from "contract";
import { TextField, orNull } from "../../shared/form-fields";
import { may } from "../../shared/may";
import { useServices } from "../../shared/services-context";
import { useAsync } from "../../shared/use-async";
import type { FieldErrors } from "../../shared/use-form-save";
import { useTranslation } from "react-i18next";

/** The customer's master data as a form holds it: text as typed, types as chosen. */
export interface CustomerDraft {
  name: string;
  accountNumber: string;
  status: string;
  types: string[];
  street: string;
  postalCode: string;
  city: string;
  region: string;
  country: string;
  phone: string;
  website: string;
  /** One domain a line (or comma-separated). */
  emailDomains: string;
}

export const CUSTOMER_FIELDS = [
  "name",
  "accountNumber",
  "status",
  "types",
  "street",
  "postalCode",
  "city",
  "region",
  "country",
  "phone",
  "website",
  "emailDomains",
] as const;

/** The form field showing a request path: "address.postalCode" → postalCode, "types.1" → types. */
export function customerFieldOf(path: string): string | undefined {
  const [first, second] = path.split(".");
  const name = first === "address" ? second : first;
  return (CUSTOMER_FIELDS as readonly string[]).includes(name ?? "") ? name : undefined;
}

export const emptyDraft = (): CustomerDraft => ({
  name: "",
  accountNumber: "",
  status: "2",
  types: [],
  street: "",
  postalCode: "",
  city: "",
  region: "",
  country: "",
  phone: "",
  website: "",
  emailDomains: "",
});

export const draftOf = (customer: Customer): CustomerDraft => ({
  name: customer.name,
  accountNumber: customer.accountNumber,
  status: String(customer.status.code),
  types: [...customer.types],
  street: customer.address.street ?? "",
  postalCode: customer.address.postalCode ?? "",
  city: customer.address.city ?? "",
  region: customer.address.region ?? "",
  country: customer.address.country ?? "",
  phone: customer.phone ?? "",
  website: customer.website ?? "",
  emailDomains: customer.emailDomains.join("\n"),
});

/** The request body the draft stands for (all fields; an update sends only those that changed). */
export const bodyOf = (draft: CustomerDraft) => ({
  name: draft.name.trim(),
  accountNumber: draft.accountNumber.trim(),
  status: Number(draft.status),
  types: draft.types,
  address: {
    street: orNull(draft.street),
    postalCode: orNull(draft.postalCode),
    city: orNull(draft.city),
    region: orNull(draft.region),
    country: orNull(draft.country),
  },
  phone: orNull(draft.phone),
  website: orNull(draft.website),
  emailDomains: draft.emailDomains
    .split(/[\s,;]+/)
    .map((domain) => domain.trim())
    .filter(Boolean),
});

const useStyles = makeStyles({
  types: {
    border: "none",
    margin: 0,
    padding: 0,
    display: "flex",
    flexWrap: "wrap",
    columnGap: tokens.spacingHorizontalM,
  },
  legend: { padding: 0, marginBottom: tokens.spacingVerticalXXS },
  error: { color: tokens.colorPaletteRedForeground1 },
});

/** What the authorisation table lets this user do with the status and the account number. */
export function customerRights(me: Pick<Me, "id" | "role">) {
  return { statusOne: may(me, "customers:status-1"), accountNumber: may(me, "customers:account-number") };
}

/**
 * Every field of a customer's master data. Status 1 is the accounts department's to give or take
 * (customers:status-1) and a chosen account number theirs too (customers:account-number): the form
 * says so where it applies instead of offering what the service would refuse.
 */
export function CustomerFields({
  draft,
  onChange,
  errors,
  current,
}: {
  draft: CustomerDraft;
  onChange: (draft: CustomerDraft) => void;
  errors: FieldErrors;
  /** The customer as loaded when editing; none for a new one. */
  current?: Customer;
}) {
  const styles = useStyles();
  const { t } = useTranslation("customers");
  const { api, me } = useServices();
  const rights = customerRights(me);
  const statuses = useAsync(() => api.statuses(), [api]);
  const types = useAsync(() => api.types(), [api]);
  const set = (name: keyof CustomerDraft) => (value: string) => onChange({ ...draft, [name]: value });
  const text = (
    name: Exclude<keyof CustomerDraft, "types">,
    label: string,
    extra: { required?: boolean; hint?: string } = {},
  ) => <TextField label={label} name={name} errors={errors} value={draft[name]} onChange={set(name)} {...extra} />;
  const isOne = current?.status.code === ACTUAL_CUSTOMER_STATUS;
  // A salesman keeps status 1 where it is and never gives it.
  const statusLocked = isOne && !rights.statusOne;
  const offered = (
    statuses.data?.items ?? [{ code: Number(draft.status), label: current?.status.label ?? t("prospect") }]
  ).filter((option) => rights.statusOne || option.code !== ACTUAL_CUSTOMER_STATUS || isOne);
  const typeNames = [...new Set([...(types.data?.items.map((type) => type.name) ?? []), ...draft.types])];

  return (
    <>
      <Caption1>{t("requiredNote")}</Caption1>
      {text("name", t("companyName"), { required: true })}
      {rights.accountNumber ? (
        text("accountNumber", t("accountNumber"), {
          required: !!current,
          hint: current ? undefined : t("accountNumberNext"),
        })
      ) : current ? (
        <Field label={t("accountNumber")} hint={t("accountNumberManagers")}>
          <Input value={draft.accountNumber} readOnly />
        </Field>
      ) : (
        <Caption1>{t("accountNumberOnSave")}</Caption1>
      )}
      <Field
        label={t("status")}
        hint={statusLocked ? t("statusLocked") : rights.statusOne ? undefined : t("statusGiven")}
        validationState={errors.status ? "error" : "none"}
        validationMessage={errors.status}
      >
        <Select value={draft.status} disabled={statusLocked} onChange={(_event, data) => set("status")(data.value)}>
          {offered.map((option) => (
            <option key={option.code} value={String(option.code)}>
              {option.code} · {option.label}
            </option>
          ))}
        </Select>
      </Field>
      {/* Not inside a Field: a Field gives its one id to every checkbox in it. */}
      <fieldset className={styles.types} aria-describedby={errors.types ? "customer-types-error" : undefined}>
        <legend className={styles.legend}>{t("types")}</legend>
        {typeNames.map((name) => (
          <Checkbox
            key={name}
            label={name}
            checked={draft.types.includes(name)}
            onChange={(_event, data) =>
              onChange({
                ...draft,
                types: data.checked === true ? [...draft.types, name] : draft.types.filter((type) => type !== name),
              })
            }
          />
        ))}
      </fieldset>
      {errors.types && (
        <Caption1 id="customer-types-error" className={styles.error}>
          {errors.types}
        </Caption1>
      )}
      {text("street", t("street"))}
      {text("postalCode", t("postalCode"))}
      {text("city", t("city"))}
      {text("region", t("region"))}
      {text("country", t("country"))}
      {text("phone", t("phone"))}
      {text("website", t("website"))}
      <TextField
        label={t("emailDomains")}
        name="emailDomains"
        hint={t("emailDomainsHint")}
        errors={errors}
        value={draft.emailDomains}
        onChange={set("emailDomains")}
        multiline
      />
    </>
  );
}
