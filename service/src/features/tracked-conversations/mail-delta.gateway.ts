import type { GraphTokenProvider, Mailbox } from "../../calendar-sync/graph/calendar-gateway";
import { type GraphClientOptions, relativeToBase } from "../../calendar-sync/graph/graph-client";
import {
  type GraphMessage,
  MESSAGE_SELECT,
  type MailMessage,
  getMail,
  toMailMessage,
} from "../../calendar-sync/graph/graph-mail";

/** The mail folders tracked conversations read: what comes in, and what the user sent. */
export const TRACKED_FOLDERS = ["inbox", "sentitems"] as const;
export type TrackedFolder = (typeof TRACKED_FOLDERS)[number];

/** A message as delta reports it, as far as the e-mail log needs it. */
export type DeltaMessage = MailMessage;

/** One page of a folder's delta: its messages, then either the next page or the link for next time. */
export interface DeltaPage {
  messages: DeltaMessage[];
  nextLink: string | null;
  deltaLink: string | null;
}

/** Everything tracked conversations ask of Outlook's mail; faked at the HTTP level in the tests. */
export interface MailDeltaGateway {
  /**
   * A page of the folder's changes: from `link` (a nextLink or the deltaLink of the last round), or
   * a full sync when it is null. Throws GraphCallError; status 410 means the link is no longer known.
   */
  page(mailbox: Mailbox, folder: TrackedFolder, link: string | null): Promise<DeltaPage>;
}

/**
 * Graph's message delta (https://learn.microsoft.com/graph/api/message-delta): GET
 * /me/mailFolders/{id}/messages/delta with $select, paged by @odata.nextLink until an
 * @odata.deltaLink, which the next round follows to get only what changed since; deleted messages
 * come as {id, "@removed"}. A deltaLink Graph no longer knows answers 410 Gone (the client starts a
 * full sync again: "Synchronization state is lost", https://learn.microsoft.com/graph/delta-query-overview).
 * Prefer: odata.maxpagesize bounds a page; 429 comes with Retry-After
 * (https://learn.microsoft.com/graph/throttling). Needs Mail.Read (delegated).
 */
const PAGE_SIZE = 50;

export function createMailDeltaGateway(tokens: GraphTokenProvider, options: GraphClientOptions): MailDeltaGateway {
  return {
    async page(mailbox, folder, link) {
      // Graph's links are absolute; the client takes them relative to its base URL, as the calendar's delta.
      const path = link
        ? relativeToBase(link, options.baseUrl)
        : `/me/mailFolders/${folder}/messages/delta?$select=${MESSAGE_SELECT}`;
      const { body } = await getMail(tokens, options, mailbox, path, { prefer: [`odata.maxpagesize=${PAGE_SIZE}`] });
      const page = body as
        { value?: GraphMessage[]; "@odata.nextLink"?: string; "@odata.deltaLink"?: string } | undefined;
      const messages = (page?.value ?? [])
        .map(toMailMessage)
        .filter((message): message is MailMessage => message !== null)
        // Only what came in has a time it was received; a sent message's is when it was sent.
        .map((message) => (folder === "inbox" ? message : { ...message, receivedAt: null }));
      return {
        messages,
        nextLink: page?.["@odata.nextLink"] ?? null,
        deltaLink: page?.["@odata.deltaLink"] ?? null,
      };
    },
  };
}
