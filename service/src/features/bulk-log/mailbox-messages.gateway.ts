import type { GraphTokenProvider, Mailbox } from "../../calendar-sync/graph/calendar-gateway";
import type { GraphClientOptions } from "../../calendar-sync/graph/graph-client";
import {
  type GraphMessage,
  MESSAGE_SELECT,
  type MailMessage,
  getMail,
  toMailMessage,
} from "../../calendar-sync/graph/graph-mail";

/** A message in the caller's mailbox, as far as the e-mail log needs it. */
export type MailboxMessage = MailMessage;

/** Everything bulk logging asks of Outlook's mail: the only way to it, faked at the HTTP level in tests. */
export interface MailboxMessagesGateway {
  /**
   * The message with this REST id in the user's own mailbox, or null when it holds none (moved,
   * deleted, or someone else's); throws GraphCallError when Graph cannot answer or refuses.
   */
  message(mailbox: Mailbox, restId: string): Promise<MailboxMessage | null>;
}

// GET /me/messages/{id} with $select (https://learn.microsoft.com/graph/api/message-get), Mail.Read
// delegated; 404 when the mailbox holds no such message.
export function createMailboxMessagesGateway(
  tokens: GraphTokenProvider,
  options: GraphClientOptions,
): MailboxMessagesGateway {
  return {
    async message(mailbox, restId) {
      const path = `/me/messages/${encodeURIComponent(restId)}?$select=${MESSAGE_SELECT}`;
      const { status, body } = await getMail(tokens, options, mailbox, path, { accept: [404] });
      return status === 404 ? null : toMailMessage(body as GraphMessage);
    },
  };
}
