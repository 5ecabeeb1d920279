import type { CustomerRecord } from "contract";
import type { MailItem } from "../office/mail-item.types";

/**
 * What every tab of the record is drawn from. It lives here, not in `features/record/`, because the
 * record imports its tabs: a tab that imported the record back would close a circle.
 */
export interface RecordTabContext {
  record: CustomerRecord;
  /** The contact of the current email, when it belongs to this customer. */
  contactId: string | null;
  item: MailItem | null;
  /** Fetches the record again, after a change a tab made. */
  reload: () => void;
  /** Changes when the current email was just logged (above the tabs): the e-mail log is fetched again. */
  emailLogRound: number;
}
