import { ResponseType } from "@microsoft/microsoft-graph-client";
import type { GraphTokenProvider, Mailbox } from "./calendar-gateway";
import { type GraphClientOptions, createGraphClient } from "./graph-client";
import { GraphCallError, classifyGraphError } from "./graph-errors";

/**
 * A message of the user's mail as the e-mail log needs it, whichever way it was read: log on send's
 * Sent Items search, tracked conversations' delta, bulk logging's message by id. One shape and one
 * mapping from Graph's message resource (https://learn.microsoft.com/graph/api/resources/message).
 */
export interface MailMessage {
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

/** The message properties every reader asks for with $select. */
export const MESSAGE_SELECT =
  "id,internetMessageId,conversationId,subject,from,toRecipients,ccRecipients,sentDateTime,receivedDateTime,body";

interface GraphRecipient {
  emailAddress?: { address?: string; name?: string };
}
/** Graph's message as $select=MESSAGE_SELECT returns it; delta reports a deleted one as {id, "@removed"}. */
export interface GraphMessage {
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
  body?: { contentType?: string; content?: string };
}

const participant = (recipient: GraphRecipient | undefined) => ({
  email: recipient?.emailAddress?.address ?? "",
  name: recipient?.emailAddress?.name ?? null,
});
const participants = (list: GraphRecipient[] | undefined) =>
  (list ?? []).map(participant).filter((entry) => entry.email !== "");

/** The e-mail log's view of a Graph message; null for one it cannot log (removed, or without a Message-ID). */
export function toMailMessage(message: GraphMessage | undefined): MailMessage | null {
  if (!message || message["@removed"] || !message.internetMessageId) return null;
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
}

/**
 * GET on the user's mail with the body as HTML (Prefer: outlook.body-content-type="html", sanitised
 * by the log; more preferences such as odata.maxpagesize may be added). Answers the parsed body of a
 * 2xx, and of the statuses the caller reads itself (`accept`, e.g. 404); anything else, and no answer
 * at all, throws GraphCallError with Graph's classification (auth, throttled with Retry-After, ...).
 */
export async function getMail(
  tokens: GraphTokenProvider,
  options: GraphClientOptions,
  mailbox: Mailbox,
  path: string,
  { prefer = [], accept = [] }: { prefer?: string[]; accept?: number[] } = {},
): Promise<{ status: number; body: unknown }> {
  const client = createGraphClient(await tokens.tokenFor(mailbox), options);
  let response: Response;
  try {
    response = (await client
      .api(path)
      .header("Prefer", [...prefer, 'outlook.body-content-type="html"'].join(", "))
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
  if (!response.ok && !accept.includes(response.status))
    throw new GraphCallError(classifyGraphError(response.status, body, response.headers.get("retry-after")));
  return { status: response.status, body };
}

/** What the e-mail log keeps of a message read from Graph: everything but Graph's own id for it. */
export function loggedFields({ id: _graphId, ...fields }: MailMessage): Omit<MailMessage, "id"> {
  return fields;
}
