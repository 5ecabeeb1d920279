import type { HostCapabilities } from "./host-capabilities";

/** An email address with the name Outlook shows for it. */
export interface MailAddress {
  email: string;
  name: string | null;
}

export interface MailAttachment {
  id: string;
  name: string;
  contentType: string;
  size: number;
  isInline: boolean;
  /** A file, an attached message or calendar item, or a link to a file in the cloud (no bytes to read). */
  kind: "file" | "item" | "cloud";
}

/** An attachment's bytes as read from the host, with the name and type to keep it under. */
export interface MailAttachmentContent {
  fileName: string;
  contentType: string;
  bytes: Uint8Array<ArrayBuffer>;
}

/**
 * Where an item is when it is not in the user's own mailbox, as Outlook's shared properties say
 * (Office.SharedProperties: "Mailbox 1.8 for shared folder support, Mailbox 1.13 for shared mailbox
 * support", https://learn.microsoft.com/javascript/api/outlook/office.sharedproperties).
 */
export interface SharedMailbox {
  /** The owner's address (lower case): the shared mailbox's, or that of the person who shared the folder. */
  owner: string;
  /** What the user may do there: Office.MailboxEnums.DelegatePermissions as a bitmask (Read 1, Write 2, ...). */
  permissions: number;
}

/**
 * The message the pane looks at, read once from the host. Read mode has every field; in compose
 * mode internetMessageId is null (the message is not sent yet) and `from` is the user.
 */
export interface MailItem {
  mode: "read" | "compose";
  itemId: string | null;
  internetMessageId: string | null;
  conversationId: string | null;
  subject: string;
  from: MailAddress | null;
  sender: MailAddress | null;
  to: MailAddress[];
  cc: MailAddress[];
  /** When it was sent (read mode) or created; ISO 8601. */
  sentAt: string | null;
  receivedAt: string | null;
  attachments: MailAttachment[];
  /** Set when the item is in a shared mailbox or a delegate's folder; absent or null in the user's own. */
  shared?: SharedMailbox | null;
}

/** What names one message across reads: its internet message id once sent, else the host's item id (a draft). */
export function itemIdentity(item: MailItem): string | null {
  return item.internetMessageId ?? item.itemId;
}

export interface MailBody {
  html: string;
  text: string;
}

export type MailboxErrorCode = "not-available" | "no-item" | "host-error";

/** Every failure of the host surfaces as this one type, so components show one kind of message. */
export class MailboxError extends Error {
  constructor(
    readonly code: MailboxErrorCode,
    message: string,
  ) {
    super(message);
    this.name = "MailboxError";
  }
}

/**
 * What the pane needs from Outlook. Two implementations: office.js (office-mailbox.ts) and the
 * demo host's simulated mailbox. Components receive one through context and never see Office.*.
 */
export interface Mailbox {
  /** The signed-in user's address: left out of the participants (so is a shared mailbox's, see MailItem.shared). */
  userEmail(): string;
  /** The current item, or null when none is selected (a pinned pane after the last one closed). */
  currentItem(): Promise<MailItem | null>;
  body(): Promise<MailBody>;
  /**
   * The bytes of one of the current item's attachments: a file as it is, an attached message as
   * EML. Fails with a MailboxError for cloud attachments and hosts without Mailbox 1.8.
   */
  attachmentContent(attachment: MailAttachment): Promise<MailAttachmentContent>;
  /**
   * The user's time zone as Outlook has it (Mailbox 1.1 userProfile.timeZone: a Windows name such as
   * "W. Europe Standard Time"), or null where the host does not say.
   */
  userTimeZone?(): string | null;
  /**
   * The language Outlook's UI is in (Mailbox 1.1 Office.context.displayLanguage, an RFC 1766 tag
   * such as "de-DE"), which the pane speaks and formats in; null where the host does not say.
   */
  displayLanguage?(): string | null;
  /**
   * Inserts at the cursor of the message being written (or over the selection): the HTML into an
   * HTML body, the text into a plain-text one; answers which went in. Fails with a MailboxError
   * ("not-available") in read mode: only a compose item can be written to.
   */
  insertAtCursor(content: MailBody): Promise<"html" | "text">;
  /** What this Outlook can do beyond the manifest's minimum (host-capabilities.ts). */
  capabilities(): HostCapabilities;
  /** Called whenever the pane now shows another item (pinned pane); returns an unsubscribe. */
  onItemChanged(listener: () => void): () => void;
  /**
   * The messages selected in Outlook's list (multi-select, Mailbox 1.13), each by its REST id for the
   * service to read through Graph; empty where the host cannot tell. Absent on hosts without a list.
   */
  selectedMessages?(): Promise<SelectedMessage[]>;
  /** Called whenever the selection in Outlook's list changes (SelectedItemsChanged); returns an unsubscribe. */
  onSelectionChanged?(listener: () => void): () => void;
  /** Log on send's state in Outlook; absent where the host has none (then the pane offers no switch). */
  logOnSend?: LogOnSendStore;
}

/** A message selected in Outlook's list, as getSelectedItemsAsync describes it. */
export interface SelectedMessage {
  /** The message's id as Graph takes it (mailbox.convertToRestId of Outlook's item id). */
  restId: string;
  subject: string;
}

/** The pane's choice for the message being written: log it when sent (where), or not. */
export interface LogWhenSentChoice {
  log: boolean;
  customerId?: string | null;
  contactId?: string | null;
}

/** An intent the OnMessageSend handler could not hand to the service (log-on-send-storage.ts). */
export interface WaitingLogIntent {
  marker: string;
  conversationId?: string | null;
  subject: string;
  customerId: string | null;
  contactId?: string | null;
  recipients: string[];
  createdAt: string;
}

/** What log on send keeps in Outlook, for the compose pane's switch and for sending waiting intents on. */
export interface LogOnSendStore {
  /** This Outlook runs the OnMessageSend handler and can mark messages (Mailbox 1.12 and 1.8). */
  supported(): boolean;
  /** The user's default: log sent messages to a matched customer. */
  defaultOn(): boolean;
  setDefaultOn(on: boolean): Promise<void>;
  choice(): Promise<LogWhenSentChoice | null>;
  choose(choice: LogWhenSentChoice): Promise<void>;
  waiting(): WaitingLogIntent[];
  forget(markers: string[]): Promise<void>;
}

/** The address of the mailbox the item is in: its owner's when shared, else the user's own (lower case). */
export function mailboxOf(item: MailItem, userEmail: string): string {
  return (item.shared?.owner ?? userEmail).toLowerCase();
}

/**
 * Everyone on the message but the user and the mailbox it is in, each address once, sender first:
 * in support@'s mailbox support@ is no more a customer than the user is.
 */
export function participantsOf(item: MailItem, userEmail: string): MailAddress[] {
  const seen = new Set<string>([userEmail.toLowerCase(), mailboxOf(item, userEmail)]);
  const result: MailAddress[] = [];
  for (const address of [item.from, item.sender, ...item.to, ...item.cc]) {
    if (!address?.email) continue;
    const key = address.email.toLowerCase();
    if (seen.has(key)) continue;
    seen.add(key);
    result.push({ email: key, name: address.name });
  }
  return result;
}
