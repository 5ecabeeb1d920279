import { ResponseType } from "@microsoft/microsoft-graph-client";
import type { GraphTokenProvider, Mailbox } from "../../calendar-sync/graph/calendar-gateway";
import { type GraphClientOptions, createGraphClient, relativeToBase } from "../../calendar-sync/graph/graph-client";
import { GraphCallError, classifyGraphError } from "../../calendar-sync/graph/graph-errors";

/** The mail folders tracked conversations read: what comes in, and what the user sent. */
export const TRACKED_FOLDERS = ["inbox", "sentitems"] as const;
export type TrackedFolder = (typeof TRACKED_FOLDERS)[number];

/** A message as delta reports it, as far as the e-mail log needs it. */
export interface DeltaMessage {
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
const SELECT =
  "id,internetMessageId,conversationId,subject,from,toRecipients,ccRecipients,sentDateTime,receivedDateTime,body";
const PAGE_SIZE = 50;

interface GraphRecipient {
  emailAddress?: { address?: string; name?: string };
}
interface GraphMessage {
  id: string;
  "@removed"?: unknown;
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

export function createMailDeltaGateway(tokens: GraphTokenProvider, options: GraphClientOptions): MailDeltaGateway {
  return {
    async page(mailbox, folder, link) {
      const client = createGraphClient(await tokens.tokenFor(mailbox), options);
      // Graph's links are absolute; the client takes them relative to its base URL, as the calendar's delta.
      const path = link
        ? relativeToBase(link, options.baseUrl)
        : `/me/mailFolders/${folder}/messages/delta?$select=${SELECT}`;
      let response: Response;
      try {
        response = (await client
          .api(path)
          .header("Prefer", `odata.maxpagesize=${PAGE_SIZE}, outlook.body-content-type="html"`)
          .responseType(ResponseType.RAW)
          .get()) as Response;
      } catch (error) {
        const message = `Graph could not be reached: ${(error as Error).message || "no answer"}`;
        throw new GraphCallError(classifyGraphError(0, { error: { code: "NetworkError", message } }));
      }
      const text = await response.text().catch(() => "");
      let body: { value?: GraphMessage[]; "@odata.nextLink"?: string; "@odata.deltaLink"?: string } | undefined;
      try {
        body = text ? JSON.parse(text) : undefined;
      } catch {
        body = undefined;
      }
      if (!response.ok)
        throw new GraphCallError(classifyGraphError(response.status, body, response.headers.get("retry-after")));
      const messages = (body?.value ?? [])
        .filter((message) => !message["@removed"] && message.internetMessageId)
        .map((message) => ({
          id: message.id,
          internetMessageId: message.internetMessageId!,
          conversationId: message.conversationId ?? null,
          subject: message.subject ?? "",
          from: participant(message.from),
          to: participants(message.toRecipients),
          cc: participants(message.ccRecipients),
          sentAt: message.sentDateTime ?? message.receivedDateTime ?? new Date().toISOString(),
          receivedAt: folder === "inbox" ? (message.receivedDateTime ?? null) : null,
          bodyHtml: message.body?.content ?? "",
        }));
      return {
        messages,
        nextLink: body?.["@odata.nextLink"] ?? null,
        deltaLink: body?.["@odata.deltaLink"] ?? null,
      };
    },
  };
}
