import type { ReactNode } from "react";
import type { CustomerRecord } from "contract";
import type { MailItem } from "../../office/mail-item.types";

/** What every tab of the record is drawn from. */
export interface RecordTabContext {
  record: CustomerRecord;
  /** The contact of the current email, when it belongs to this customer. */
  contactId: string | null;
  item: MailItem | null;
  /** Fetches the record again, after a change a tab made. */
  reload: () => void;
}

/** One tab of the record; `record-tabs.tsx` lists them in the order the pane shows them. */
export interface RecordTab {
  value: string;
  label: string;
  render: (context: RecordTabContext) => ReactNode;
}
