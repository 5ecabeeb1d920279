import { Button } from "@fluentui/react-components";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { Customer } from "contract";
import { Loading } from "../../shared/state-views";
import { preloadable } from "../../shared/preloadable";

// The form and its fields are fetched once the record is drawn, not before (shared/preloadable.ts).
const editForm = preloadable(() => import("./edit-customer-form.js"));

/** "Edit customer": the master data behind a button, so the record stays short in the narrow pane. */
export function CustomerEditor({ customer, onSaved }: { customer: Customer; onSaved: () => void }) {
  const { t } = useTranslation("customers");
  const [open, setOpen] = useState(false);
  const form = editForm.use();
  if (!open)
    return (
      <Button size="small" onClick={() => setOpen(true)} aria-expanded={false}>
        {t("editCustomer")}
      </Button>
    );
  if (!form) return <Loading label={t("editCustomer")} />;
  return (
    <form.EditCustomerForm
      customer={customer}
      onReload={onSaved}
      onDone={(saved) => {
        setOpen(false);
        if (saved) onSaved();
      }}
    />
  );
}
