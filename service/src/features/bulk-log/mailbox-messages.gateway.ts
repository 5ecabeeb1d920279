import { ResponseType } from "@microsoft/microsoft-graph-client";
import type { GraphTokenProvider, Mailbox } from "../../calendar-sync/graph/calendar-gateway";
import { type GraphClientOptions, createGraphClient } from "../../calendar-sync/graph/graph-client";
import { GraphCallError, classifyGraphError } from "../../calendar-sync/graph/graph-errors";

/** A message in the caller's mailbox, as far as the e-mail log needs it. */
export interface MailboxMessage {
  id: string;
  internetMessageId: string;
  conversationId: string | null;
  subject: string;
  from: { email: string; name: string | null };
  to: { email: string; name: string | null }[];
  cc: { email: string; name: string | null }[];
  sentAt: string;
  receivedAt: string | null;
  bodyHtml: string;
}

/** Everything bulk logging asks of Outlook's mail: the only way to it, faked at the HTTP level in tests. */
export interface MailboxMessagesGateway {
  /**
   * The message with this REST id in the user's own mailbox, or null when it holds none (moved,
   * deleted, or someone else's); throws GraphCallError when Graph cannot answer or refuses.
   */
  message(mailbox: Mailbox, restId: string): Promise<MailboxMessage | null>;
}

// GET /me/messages/{id} with $select (https://learn.microsoft.com/graph/api/message-get), Mail.Read
// delegated; the body as HTML (Prefer: outlook.body-content-type="html"), sanitised by the log.
const SELECT =
  "id,internetMessageId,conversationId,subject,from,toRecipients,ccRecipients,sentDateTime,receivedDateTime,body";

interface GraphRecipient {
  emailAddress?: { address?: string; name?: string };
}
interface GraphMessage {
  id: string;
  internetMessageId?: string;
  conversationId?: string;
  subject?: string;
  from?: GraphRecipient;
  toRecipients?: GraphRecipient[];
  ccRecipients?: GraphRecipient[];
  sentDateTime?: string;
  receivedDateTime?: string;
  body?: { content?: string };
}

const participant = (recipient: GraphRecipient | undefined) => ({
  email: recipient?.emailAddress?.address ?? "",
  name: recipient?.emailAddress?.name ?? null,
});
const participants = (list: GraphRecipient[] | undefined) =>
  (list ?? []).map(participant).filter((entry) => entry.email !== "");

export function createMailboxMessagesGateway(
  tokens: GraphTokenProvider,
  options: GraphClientOptions,
): MailboxMessagesGateway {
  return {
    async message(mailbox, restId) {
      const client = createGraphClient(await tokens.tokenFor(mailbox), options);
      let response: Response;
      try {
        response = (await client
          .api(`/me/messages/${encodeURIComponent(restId)}?$select=${SELECT}`)
          .header("Prefer", 'outlook.body-content-type="html"')
          .responseType(ResponseType.RAW)
          .get()) as Response;
      } catch (error) {
        const message = `Graph could not be reached: ${(error as Error).message || "no answer"}`;
        throw new GraphCallError(classifyGraphError(0, { error: { code: "NetworkError", message } }));
      }
      const text = await response.text().catch(() => "");
      let body: unknown;
      try {
        body = text ? JSON.parse(text) : undefined;
      } catch {
        body = undefined;
      }
      if (response.status === 404) return null;
      if (!response.ok)
        throw new GraphCallError(classifyGraphError(response.status, body, response.headers.get("retry-after")));
      const message = body as GraphMessage;
      if (!message?.internetMessageId) return null;
      return {
        id: message.id,
        internetMessageId: message.internetMessageId,
        conversationId: message.conversationId ?? null,
        subject: message.subject ?? "",
        from: participant(message.from),
        to: participants(message.toRecipients),
        cc: participants(message.ccRecipients),
        sentAt: message.sentDateTime ?? message.receivedDateTime ?? new Date().toISOString(),
        receivedAt: message.receivedDateTime ?? null,
        bodyHtml: message.body?.content ?? "",
      };
    },
  };
}
