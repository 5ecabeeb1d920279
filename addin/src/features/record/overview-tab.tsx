import { Button } from "@fluentui/react-components";
import { useState } from "react";
import { useLayoutStyles } from "../../shared/layout-styles";
import { ActivitiesSection, ColdCallForm, NewActivityForm } from "../activities";
import { CommentsSection } from "../comments";
import { EmailLogSection, LogEmailButton } from "../email-log";
import { NewNoteForm, NotesSection } from "../notes";
import { SalesSection } from "../sales";
import type { RecordTabContext } from "../../shared/record-tab.types";

/** What staff need while answering an email: log it, plan the next step, see what is going on. */
export function OverviewTab({ record, contactId, item, reload }: RecordTabContext) {
  const styles = useLayoutStyles();
  const [form, setForm] = useState<"activity" | "note" | "cold-call" | null>(null);
  // The e-mail log list reloads when this changes (after logging this email).
  const [logRound, setLogRound] = useState(0);
  const { customer, contacts, activities, notes, emailLogCount } = record;
  const contact = contacts.find((candidate) => candidate.id === contactId) ?? null;
  const saved = () => {
    setForm(null);
    reload();
  };
  const toggle = (next: "activity" | "note" | "cold-call") => setForm(form === next ? null : next);

  return (
    <>
      <CommentsSection customerId={customer.id} comments={record.comments} onChanged={reload} />
      <div className={styles.buttons}>
        {item?.internetMessageId && (
          <LogEmailButton
            item={item}
            customerId={customer.id}
            contactId={contact?.id ?? null}
            contact={contact}
            onLogged={() => {
              setLogRound((value) => value + 1);
              reload();
            }}
          />
        )}
        <Button onClick={() => toggle("activity")} aria-expanded={form === "activity"}>
          New activity
        </Button>
        <Button onClick={() => toggle("note")} aria-expanded={form === "note"}>
          Add note
        </Button>
        <Button onClick={() => toggle("cold-call")} aria-expanded={form === "cold-call"}>
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
      <ActivitiesSection
        future={activities.future}
        history={activities.history}
        contacts={contacts}
        onSynced={reload}
      />
      <SalesSection
        customer={customer}
        contacts={contacts}
        contactId={contact?.id ?? null}
        opportunities={record.opportunities}
        incidents={record.incidents}
        openActions={record.openActions}
        reload={reload}
      />
      <EmailLogSection customerId={customer.id} count={emailLogCount} round={logRound} />
      <NotesSection notes={notes} onChanged={reload} />
    </>
  );
}
