import type { EmailLogCreate } from "contract";
import type { z } from "zod";
import type { MailBody, MailItem } from "../../office/mail-item.types";

/**
 * What the service stores for one message; it sanitises bodyHtml itself. `mailbox` is the address of
 * the mailbox the message was read in (mailboxOf): left out when Outlook does not say whose it is,
 * and the service then records the user's own.
 */
export function emailLogPayload(
  item: MailItem,
  body: MailBody,
  customerId: string,
  contactId: string | null,
  mailbox?: string,
): z.input<typeof EmailLogCreate> {
  const from = item.from ?? item.sender;
  if (!item.internetMessageId || !from) throw new Error("Only a received or sent message can be logged");
  return {
    internetMessageId: item.internetMessageId,
    conversationId: item.conversationId,
    subject: item.subject,
    from,
    to: item.to,
    cc: item.cc,
    sentAt: item.sentAt ?? new Date().toISOString(),
    receivedAt: item.receivedAt,
    bodyHtml: body.html,
    bodyText: body.text,
    customerId,
    contactId,
    ...(mailbox ? { mailbox } : {}),
  };
}
