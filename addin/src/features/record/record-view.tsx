import { Button, makeStyles, tokens } from "@fluentui/react-components";
import { useState } from "react";
import { useServices } from "../../app/services-context";
import { ErrorState, Loading } from "../../app/state-views";
import type { MailItem } from "../../office/mail-item.types";
import { useAsync } from "../../shared/use-async";
import { NewActivityForm } from "../activities/new-activity-form";
import { EmailLogSection } from "../email-log/email-log-section";
import { LogEmailButton } from "../email-log/log-email-button";
import { NewNoteForm } from "../notes/new-note-form";
import { NotesSection } from "../notes/notes-section";
import { ActivitiesSection } from "../activities/activities-section";
import { ColdCallForm } from "../activities/cold-call-form";
import { SalesmenEditor } from "../customers/salesmen-editor";
import { LifecycleActions } from "../lifecycle/lifecycle-actions";
import { SalesSection } from "../sales/sales-section";
import { RecordHeader } from "./record-header";

const useStyles = makeStyles({
  stack: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM },
  actions: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalS },
});

/** A customer's whole record in one call, with what the user can do from the current email. */
export function RecordView({
  customerId,
  contactId,
  item,
}: {
  customerId: string;
  contactId: string | null;
  item: MailItem | null;
}) {
  const styles = useStyles();
  const { api } = useServices();
  const record = useAsync(() => api.record(customerId), [customerId]);
  const [form, setForm] = useState<"activity" | "note" | "cold-call" | null>(null);
  // The e-mail log list reloads when this changes (after logging this email).
  const [logRound, setLogRound] = useState(0);

  if (record.status === "loading") return <Loading label="Loading the customer record…" />;
  if (record.status === "error") return <ErrorState error={record.error} onRetry={record.reload} />;
  const { customer, contacts, activities, notes, emailLogCount } = record.data;
  const contact = contacts.find((candidate) => candidate.id === contactId) ?? null;
  const saved = () => {
    setForm(null);
    record.reload();
  };

  return (
    <article className={styles.stack} aria-label={`Customer record ${customer.name}`} data-testid="customer-record">
      <RecordHeader customer={customer} contact={contact} />
      <LifecycleActions customer={customer} lifecycle={record.data.lifecycle} onChanged={record.reload} />
      <SalesmenEditor customer={customer} onSaved={record.reload} />
      <div className={styles.actions}>
        {item?.internetMessageId && (
          <LogEmailButton
            item={item}
            customerId={customer.id}
            contactId={contact?.id ?? null}
            onLogged={() => {
              setLogRound((value) => value + 1);
              record.reload();
            }}
          />
        )}
        <Button onClick={() => setForm(form === "activity" ? null : "activity")} aria-expanded={form === "activity"}>
          New activity
        </Button>
        <Button onClick={() => setForm(form === "note" ? null : "note")} aria-expanded={form === "note"}>
          Add note
        </Button>
        <Button onClick={() => setForm(form === "cold-call" ? null : "cold-call")} aria-expanded={form === "cold-call"}>
          Cold call
        </Button>
      </div>
      {form === "activity" && (
        <NewActivityForm
          customerId={customer.id}
          contacts={contacts}
          contactId={contact?.id ?? null}
          subject={item?.subject ?? ""}
          onSaved={saved}
          onCancel={() => setForm(null)}
        />
      )}
      {form === "cold-call" && (
        <ColdCallForm customerId={customer.id} contact={contact} onSaved={saved} onCancel={() => setForm(null)} />
      )}
      {form === "note" && (
        <NewNoteForm
          customerId={customer.id}
          contactId={contact?.id ?? null}
          onSaved={saved}
          onCancel={() => setForm(null)}
        />
      )}
      <ActivitiesSection future={activities.future} history={activities.history} onSynced={record.reload} />
      <SalesSection
        opportunities={record.data.opportunities}
        incidents={record.data.incidents}
        openActions={record.data.openActions}
      />
      <EmailLogSection customerId={customer.id} count={emailLogCount} round={logRound} />
      <NotesSection notes={notes} />
    </article>
  );
}
