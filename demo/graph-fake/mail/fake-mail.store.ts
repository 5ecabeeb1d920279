import { randomUUID } from "node:crypto";

/** The PS_INTERNET_HEADERS property set: where Exchange keeps a message's custom x-headers ([MS-OXCMAIL] 2.1.3.2.4). */
export const PS_INTERNET_HEADERS = "{00020386-0000-0000-C000-000000000046}";

export interface FakeRecipient {
  emailAddress: { address: string; name?: string };
}

export interface StoredMessage {
  id: string;
  folder: "sentitems" | "inbox" | "drafts";
  internetMessageId: string;
  conversationId: string;
  subject: string;
  from: FakeRecipient;
  toRecipients: FakeRecipient[];
  ccRecipients: FakeRecipient[];
  sentDateTime: string;
  receivedDateTime: string;
  body: { contentType: "html"; content: string };
  /** Returned only with $select=internetMessageHeaders, as on Graph. */
  internetMessageHeaders: { name: string; value: string }[];
  /** Each custom x-header, as the named property Exchange makes of it ("String {guid} Name <header>"). */
  singleValueExtendedProperties: { id: string; value: string }[];
  /** Change counter for delta. */
  seq: number;
  deleted: boolean;
  /** A draft (createReply) until it is sent. */
  isDraft: boolean;
}

export interface SendInput {
  from: { address: string; name?: string };
  to: { address: string; name?: string }[];
  cc?: { address: string; name?: string }[];
  subject: string;
  bodyHtml?: string;
  /** Headers the compose add-in set with item.internetHeaders.setAsync. */
  internetHeaders?: Record<string, string>;
  conversationId?: string;
  /** A message that is in the mailbox already (the demo's sample Inbox): its REST id and Message-ID. */
  id?: string;
  /** The sender's Message-ID (a message from outside has one already); made up when absent. */
  internetMessageId?: string;
}

/** One user's mail in the fake: Sent Items, Inbox and Drafts. */
export class FakeMailMailbox {
  readonly messages = new Map<string, StoredMessage>();
  seq = 0;
  /** Delta tokens older than this answer 410. */
  oldestValidSeq = 0;

  constructor(readonly token: string) {}

  add(folder: StoredMessage["folder"], input: SendInput, at: Date): StoredMessage {
    const headers = Object.entries(input.internetHeaders ?? {}).map(([name, value]) => ({ name, value }));
    const recipient = (entry: { address: string; name?: string }): FakeRecipient => ({ emailAddress: { ...entry } });
    const message: StoredMessage = {
      // Shaped as Graph's are: base64url, so "_" and "-" where Outlook's EWS form of the id has "+" and "/".
      id: input.id ?? `AAMkFAKE_${randomUUID().replaceAll("-", "")}-AAA=`,
      folder,
      internetMessageId: input.internetMessageId ?? `<${randomUUID()}@fake.outlook.test>`,
      conversationId: input.conversationId ?? `AAQkFAKE${randomUUID().replaceAll("-", "")}`,
      subject: input.subject,
      from: recipient(input.from),
      toRecipients: input.to.map(recipient),
      ccRecipients: (input.cc ?? []).map(recipient),
      sentDateTime: at.toISOString(),
      receivedDateTime: at.toISOString(),
      body: { contentType: "html", content: input.bodyHtml ?? "" },
      internetMessageHeaders: headers,
      singleValueExtendedProperties: headers.map(({ name, value }) => ({
        id: `String ${PS_INTERNET_HEADERS} Name ${name}`,
        value,
      })),
      seq: ++this.seq,
      deleted: false,
      isDraft: folder === "drafts",
    };
    this.messages.set(message.id, message);
    return message;
  }

  /** Takes a message out (a sent draft leaves Drafts); delta reports it @removed. */
  remove(id: string) {
    const message = this.messages.get(id);
    if (!message) return;
    message.deleted = true;
    message.seq = ++this.seq;
  }

  live(folder?: string): StoredMessage[] {
    return [...this.messages.values()].filter((message) => !message.deleted && (!folder || message.folder === folder));
  }
}
