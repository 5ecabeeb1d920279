import { ActivitiesSection } from "../activities";
import { CommentsSection } from "../comments";
import { EmailLogSection } from "../email-log";
import { OpenLoanersSection } from "../loaners";
import { NotesSection } from "../notes";
import { SalesSection } from "../sales";
import type { RecordTabContext } from "../../shared/record-tab.types";

/** What is going on with the customer; the actions (log, plan, note) sit above the tabs. */
export function OverviewTab({ record, contactId, reload, emailLogRound }: RecordTabContext) {
  const { customer, contacts, activities, notes, emailLogCount } = record;
  const contact = contacts.find((candidate) => candidate.id === contactId) ?? null;

  return (
    <>
      <CommentsSection customerId={customer.id} comments={record.comments} onChanged={reload} />
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
      <OpenLoanersSection loaners={record.openLoaners} />
      <EmailLogSection customerId={customer.id} count={emailLogCount} round={emailLogRound} />
      <NotesSection notes={notes} onChanged={reload} />
    </>
  );
}
