import { type HostAttachmentContent, attachmentContentFrom } from "./attachment-bytes";
import { type HostCapabilities, capabilitiesExcept } from "./host-capabilities";
import { type MailBody, type MailItem, type Mailbox, MailboxError } from "./mail-item.types";

export interface SimulatedMessage extends MailItem {
  body: MailBody;
  /** By attachment id, as Outlook's getAttachmentContentAsync would give it. */
  attachmentContents?: Record<string, HostAttachmentContent>;
}

export interface SimulatedMailbox extends Mailbox {
  /** What a click in the demo host's message list does: like selecting a message in Outlook. */
  select(message: SimulatedMessage | null): void;
  /** Several messages ticked in the demo host's list: Outlook's multi-select (SelectedItemsChanged). */
  selectMany(messages: SimulatedMessage[]): void;
  setUser(email: string): void;
  /** The demo host's language switch: Outlook's UI language, which the pane reads when it loads. */
  setDisplayLanguage(tag: string): void;
}

/**
 * The demo host's stand-in for Outlook, behind the same Mailbox interface the pane uses: a current
 * Outlook, which can do everything the pane asks, unless told otherwise.
 */
export function createSimulatedMailbox(
  userEmail: string,
  capabilities: HostCapabilities = capabilitiesExcept(),
  /** As Office.context.displayLanguage would say it: the demo host's language switch sets it. */
  displayLanguage = "en-US",
): SimulatedMailbox {
  let user = userEmail.toLowerCase();
  let current: SimulatedMessage | null = null;
  const listeners = new Set<() => void>();
  let selection: SimulatedMessage[] = [];
  const selectionListeners = new Set<() => void>();
  return {
    userEmail: () => user,
    displayLanguage: () => displayLanguage,
    async currentItem() {
      if (!current) return null;
      const { body: _body, attachmentContents: _contents, ...item } = current;
      return item;
    },
    async body() {
      if (!current) throw new Error("No message is selected");
      return current.body;
    },
    async attachmentContent(attachment) {
      if (!capabilities.has("attachments"))
        throw new MailboxError("not-available", "This Outlook cannot keep attachments with a logged email");
      const content = current?.attachmentContents?.[attachment.id];
      if (!content) throw new MailboxError("no-item", `${attachment.name} is not in the selected message`);
      return attachmentContentFrom(attachment, content);
    },
    capabilities: () => capabilities,
    async insertAtCursor(content) {
      if (!current) throw new MailboxError("no-item", "No message is selected");
      if (current.mode !== "compose")
        throw new MailboxError("not-available", "Only a message being written can take text: reply or forward first");
      // The demo's draft has no cursor: what is inserted goes at the end, as Outlook puts it at the top or cursor.
      current = {
        ...current,
        body: { html: current.body.html + content.html, text: current.body.text + content.text },
      };
      return "html";
    },
    onItemChanged(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    async selectedMessages() {
      if (!capabilities.has("multiSelect")) return [];
      // The demo's item ids are REST ids already (the Graph fake holds the sample Inbox under them).
      return selection.map((message) => ({ restId: message.itemId ?? "", subject: message.subject }));
    },
    onSelectionChanged(listener) {
      selectionListeners.add(listener);
      return () => selectionListeners.delete(listener);
    },
    select(message) {
      current = message;
      selection = message ? [message] : [];
      for (const listener of listeners) listener();
      for (const listener of selectionListeners) listener();
    },
    selectMany(messages) {
      selection = [...messages];
      for (const listener of selectionListeners) listener();
    },
    setUser(email) {
      user = email.toLowerCase();
    },
    setDisplayLanguage(tag) {
      displayLanguage = tag;
    },
  };
}
