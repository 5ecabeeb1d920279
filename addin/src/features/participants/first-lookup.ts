import type { CrmApi } from "../../api/crm-api";
import { type Mailbox, participantsOf } from "../../office/mail-item.types";
import { prefetch } from "../../shared/prefetch";

export const lookupKey = (emails: string[]) => `lookup\n${emails.join(",")}`;

/**
 * The pane opening on an email: its people's lookup (with the record) goes out together with the
 * sign-in's /api/me instead of after it, so the first record is one round trip nearer. EmailView
 * takes the answer (takePrefetched with lookupKey); a failure here is its to show.
 */
export function startFirstLookup(api: CrmApi, mailbox: Mailbox): void {
  void mailbox.currentItem().then(
    (item) => {
      const emails = item ? participantsOf(item, mailbox.userEmail()).map((participant) => participant.email) : [];
      if (emails.length > 0) prefetch(api, lookupKey(emails), () => api.lookup(emails, "record"));
    },
    () => undefined,
  );
}
