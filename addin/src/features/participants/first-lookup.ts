import type { CrmApi } from "../../api/crm-api";
import { type MailItem, type Mailbox, participantsOf } from "../../office/mail-item.types";
import { markPaneTime } from "../../shared/pane-marks";
import { CURRENT_ITEM_KEY, emailLogStatusKey, prefetch } from "../../shared/prefetch";

export const lookupKey = (emails: string[]) => `lookup\n${emails.join(",")}`;

/**
 * The pane opening on an email: its people's lookup (with the record) goes out together with the
 * sign-in's /api/me instead of after it, so the first record is one round trip nearer; whether the
 * email is logged goes with it. The item read here is the one useMailItem starts on, and EmailView
 * takes the answers (takeArrived or takePrefetched with lookupKey); a failure here is theirs to show.
 * Settles (never fails) once the lookup has its answer, or at once where there is none to ask.
 */
export function startFirstLookup(api: CrmApi, mailbox: Mailbox): Promise<void> {
  return prefetch<MailItem | null>(mailbox, CURRENT_ITEM_KEY, () => mailbox.currentItem()).then(
    (item) => {
      const messageId = item?.internetMessageId;
      if (messageId) prefetch(api, emailLogStatusKey(messageId), () => api.emailLogStatus(messageId));
      const emails = item ? participantsOf(item, mailbox.userEmail()).map((participant) => participant.email) : [];
      if (emails.length === 0) return;
      return prefetch(api, lookupKey(emails), () => api.lookup(emails, "record")).then(
        () => markPaneTime("pane-lookup-answered"),
        () => undefined,
      );
    },
    () => undefined,
  );
}
