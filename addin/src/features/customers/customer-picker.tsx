import { Field, Input, Select, makeStyles, tokens } from "@fluentui/react-components";
import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { useServices } from "../../shared/services-context";
import { useAsync } from "../../shared/use-async";

const useStyles = makeStyles({ stack: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS } });

/** Find a customer by name, account number or address and pick one. */
export function CustomerPicker({ value, onChange }: { value: string; onChange: (customerId: string) => void }) {
  const styles = useStyles();
  const { t } = useTranslation("customers");
  const { api } = useServices();
  const [text, setText] = useState("");
  const [query, setQuery] = useState("");
  // Searches once typing pauses, not on every key.
  useEffect(() => {
    const timer = setTimeout(() => setQuery(text.trim()), 250);
    return () => clearTimeout(timer);
  }, [text]);
  const results = useAsync(
    () => (query ? api.searchCustomers({ search: query, limit: 10 }) : Promise.resolve(null)),
    [query],
  );
  const items = results.data?.items ?? [];
  return (
    <div className={styles.stack}>
      <Field label={t("findCustomer")}>
        <Input value={text} onChange={(_event, data) => setText(data.value)} placeholder={t("findPlaceholder")} />
      </Field>
      <Field
        label={t("customer")}
        validationState={query && results.status === "ready" && items.length === 0 ? "warning" : "none"}
        validationMessage={query && results.status === "ready" && items.length === 0 ? t("noCustomerFound") : undefined}
      >
        <Select value={value} onChange={(_event, data) => onChange(data.value)}>
          <option value="">{results.status === "loading" && query ? t("searching") : t("chooseCustomer")}</option>
          {items.map((customer) => (
            <option key={customer.id} value={customer.id}>
              {customer.name} ({customer.accountNumber}
              {customer.city ? `, ${customer.city}` : ""})
            </option>
          ))}
        </Select>
      </Field>
    </div>
  );
}
