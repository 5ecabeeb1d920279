import { Button, Checkbox, MessageBar, MessageBarBody } from "@fluentui/react-components";
import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import type { Customer } from "contract";
import { useServices } from "../../shared/services-context";
import { Loading } from "../../shared/state-views";
import { useErrorMessage } from "../../shared/error-message";
import { useAsync } from "../../shared/use-async";
import { useLayoutStyles } from "../../shared/layout-styles";

/** The salesmen linked to a customer: check boxes over everyone who uses the CRM. */
export function SalesmenEditor({ customer, onSaved }: { customer: Customer; onSaved: () => void }) {
  const layout = useLayoutStyles();
  const { t } = useTranslation("customers");
  const [open, setOpen] = useState(false);
  if (!open)
    return (
      <Button size="small" onClick={() => setOpen(true)} aria-expanded={false}>
        {t("changeSalesmen")}
      </Button>
    );
  return (
    <div className={layout.form}>
      <SalesmenForm
        customer={customer}
        onDone={(saved) => {
          setOpen(false);
          if (saved) onSaved();
        }}
      />
    </div>
  );
}

function SalesmenForm({ customer, onDone }: { customer: Customer; onDone: (saved: boolean) => void }) {
  const layout = useLayoutStyles();
  const { t } = useTranslation("customers");
  const { t: common } = useTranslation("common");
  const errorMessage = useErrorMessage();
  const { api } = useServices();
  const users = useAsync(() => api.users(), [api]);
  const [chosen, setChosen] = useState(() => new Set(customer.salesmen.map((salesman) => salesman.id)));
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  if (users.status !== "ready") return <Loading label={t("loadingTeam")} />;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      await api.setSalesmen(customer.id, customer.version, [...chosen]);
      onDone(true);
    } catch (failure) {
      setError(errorMessage(failure));
      setBusy(false);
    }
  };
  return (
    <form className={layout.form} aria-label={t("salesmen")} onSubmit={submit}>
      <fieldset className={layout.list}>
        <legend>{t("salesmenOf", { name: customer.name })}</legend>
        {users.data.items.map((user) => (
          <Checkbox
            key={user.id}
            label={user.name}
            checked={chosen.has(user.id)}
            onChange={(_event, data) => {
              const next = new Set(chosen);
              if (data.checked === true) next.add(user.id);
              else next.delete(user.id);
              setChosen(next);
            }}
          />
        ))}
      </fieldset>
      <div className={layout.buttons}>
        <Button appearance="primary" type="submit" disabled={busy}>
          {t("saveSalesmen")}
        </Button>
        <Button onClick={() => onDone(false)}>{common("cancel")}</Button>
      </div>
      {error && (
        <MessageBar intent="error">
          <MessageBarBody>{error}</MessageBarBody>
        </MessageBar>
      )}
    </form>
  );
}
