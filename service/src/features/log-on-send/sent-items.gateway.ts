import { LOG_MARKER_HEADER } from "contract";
import type { GraphTokenProvider, Mailbox } from "../../calendar-sync/graph/calendar-gateway";
import type { GraphClientOptions } from "../../calendar-sync/graph/graph-client";
import {
  type GraphMessage,
  MESSAGE_SELECT,
  type MailMessage,
  getMail,
  toMailMessage,
} from "../../calendar-sync/graph/graph-mail";

/** A message in Sent Items, as far as the e-mail log needs it. */
export type SentMessage = MailMessage;

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

const escapeLiteral = (value: string) => value.replaceAll("'", "''");

export function markerFilter(marker: string): string {
  return `singleValueExtendedProperties/any(ep: ep/id eq '${escapeLiteral(MARKER_PROPERTY_ID)}' and ep/value eq '${escapeLiteral(marker)}')`;
}

export function createSentItemsGateway(tokens: GraphTokenProvider, options: GraphClientOptions): SentItemsGateway {
  return {
    async findByMarker(mailbox, marker) {
      const query = new URLSearchParams({ $filter: markerFilter(marker), $select: MESSAGE_SELECT, $top: "2" });
      // URLSearchParams writes spaces as "+", which OData reads as a plus sign: %20 is what Graph wants.
      const path = `/me/mailFolders/sentitems/messages?${query.toString().replaceAll("+", "%20")}`;
      const { body } = await getMail(tokens, options, mailbox, path);
      const found = (body as { value?: GraphMessage[] } | undefined)?.value?.map(toMailMessage).find(Boolean);
      return found ?? null;
    },
  };
}
