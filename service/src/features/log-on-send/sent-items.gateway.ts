import { ResponseType } from "@microsoft/microsoft-graph-client";
import { LOG_MARKER_HEADER } from "contract";
import type { GraphTokenProvider, Mailbox } from "../../calendar-sync/graph/calendar-gateway";
import { type GraphClientOptions, createGraphClient } from "../../calendar-sync/graph/graph-client";
import { GraphCallError, classifyGraphError } from "../../calendar-sync/graph/graph-errors";

/** A message in Sent Items, as far as the e-mail log needs it. */
export interface SentMessage {
  id: string;
  internetMessageId: string;
  conversationId: string | null;
  subject: string;
  from: { email: string; name: string | null };
  to: { email: string; name: string | null }[];
  cc: { email: string; name: string | null }[];
  sentAt: string;
  bodyHtml: string;
}

/** Everything log on send asks of Outlook's mail: the only way to it, faked at the HTTP level in tests. */
export interface SentItemsGateway {
  /** The sent message carrying this marker header, or null while Sent Items holds none (yet). */
  findByMarker(mailbox: Mailbox, marker: string): Promise<SentMessage | null>;
}

/**
 * A header set with office.js `internetHeaders.setAsync` is kept by Exchange as a named property in
 * the PS_INTERNET_HEADERS property set ({00020386-0000-0000-C000-000000000046}), named after the
 * header ([MS-OXCMAIL] 2.1.3.2.4 "Arbitrary MIME Headers",
 * https://learn.microsoft.com/openspecs/exchange_server_protocols/ms-oxcmail/d296c8c5-27c8-46d4-93a9-4da1d69175cf).
 * Graph cannot $filter on `internetMessageHeaders` (it is returned only with $select), but it filters
 * messages on a single-value extended property: `singleValueExtendedProperties/any(ep: ep/id eq '…'
 * and ep/value eq '…')`, where the Name in the id is case-sensitive and the value is not
 * (https://learn.microsoft.com/graph/api/singlevaluelegacyextendedproperty-get, "Get resource
 * instances using a filter on extended property"). Needs Mail.Read (delegated).
 */
export const MARKER_PROPERTY_ID = `String {00020386-0000-0000-C000-000000000046} Name ${LOG_MARKER_HEADER}`;

const SELECT = "id,internetMessageId,conversationId,subject,from,toRecipients,ccRecipients,sentDateTime,body";

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
  body?: { contentType?: string; content?: string };
}

const participant = (recipient: GraphRecipient | undefined) => ({
  email: recipient?.emailAddress?.address ?? "",
  name: recipient?.emailAddress?.name ?? null,
});
const participants = (list: GraphRecipient[] | undefined) =>
  (list ?? []).map(participant).filter((entry) => entry.email !== "");

const escapeLiteral = (value: string) => value.replaceAll("'", "''");

export function markerFilter(marker: string): string {
  return `singleValueExtendedProperties/any(ep: ep/id eq '${escapeLiteral(MARKER_PROPERTY_ID)}' and ep/value eq '${escapeLiteral(marker)}')`;
}

export function createSentItemsGateway(tokens: GraphTokenProvider, options: GraphClientOptions): SentItemsGateway {
  async function get(mailbox: Mailbox, path: string): Promise<unknown> {
    const client = createGraphClient(await tokens.tokenFor(mailbox), options);
    let response: Response;
    try {
      response = (await client
        .api(path)
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
    if (!response.ok)
      throw new GraphCallError(classifyGraphError(response.status, body, response.headers.get("retry-after")));
    return body;
  }

  return {
    async findByMarker(mailbox, marker) {
      const query = new URLSearchParams({ $filter: markerFilter(marker), $select: SELECT, $top: "2" });
      // URLSearchParams writes spaces as "+", which OData reads as a plus sign: %20 is what Graph wants.
      const path = `/me/mailFolders/sentitems/messages?${query.toString().replaceAll("+", "%20")}`;
      const body = (await get(mailbox, path)) as { value?: GraphMessage[] } | undefined;
      const message = body?.value?.find((candidate) => candidate.internetMessageId);
      if (!message?.internetMessageId) return null;
      return {
        id: message.id,
        internetMessageId: message.internetMessageId,
        conversationId: message.conversationId ?? null,
        subject: message.subject ?? "",
        from: participant(message.from),
        to: participants(message.toRecipients),
        cc: participants(message.ccRecipients),
        sentAt: message.sentDateTime ?? new Date().toISOString(),
        bodyHtml: message.body?.content ?? "",
      };
    },
  };
}
