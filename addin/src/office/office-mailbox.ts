/// <reference types="office-js" />
import {
  type MailAddress,
  type MailAttachment,
  type MailBody,
  type MailItem,
  type Mailbox,
  MailboxError,
  type SelectedMessage,
  type SharedMailbox,
} from "./mail-item.types";
import { attachmentContentFrom } from "./attachment-bytes";
import { hostCapabilities } from "./host-capabilities";
import { createLogOnSendStore } from "./log-on-send-storage";

type AnyItem = Office.MessageRead & Office.MessageCompose;

/** The Mailbox over office.js. `office` is the global Office object (a mock in tests). */
export function createOfficeMailbox(office: typeof Office): Mailbox {
  const mailbox = () => {
    const value = office.context?.mailbox;
    if (!value) throw new MailboxError("not-available", "Outlook's mailbox is not available in this window");
    return value;
  };
  const item = () => mailbox().item as AnyItem | null | undefined;
  // Requirement set 1.5: only a pinned pane gets ItemChanged; elsewhere nothing fires, and that is fine.
  const listeners = new Set<() => void>();
  const selectionListeners = new Set<() => void>();
  const capabilities = hostCapabilities(office);

  /**
   * Whose mailbox a read item is in. "If the item is in a shared folder or shared mailbox, the method
   * returns a SharedProperties object"; elsewhere it fails ("The current folder or mailbox isn't
   * shared", https://learn.microsoft.com/office/dev/add-ins/outlook/delegate-access#identify-if-a-folder-or-mailbox-is-shared).
   * Asked only where Outlook has it (Mailbox 1.8, shared mailboxes 1.13): an older Outlook, and
   * Outlook on iOS and Android (SupportsSharedFolders is DesktopFormFactor only), do not open the
   * pane in such a folder at all. Compose items are left alone: Outlook answers there only for a
   * draft moved into a shared folder, and a sent message lands in the sender's own Sent Items.
   */
  const sharedMailbox = async (current: Office.MessageRead): Promise<SharedMailbox | null> => {
    if (!capabilities.has("sharedFolders") || typeof current.getSharedPropertiesAsync !== "function") return null;
    try {
      const shared = await callAsync<Office.SharedProperties>((done) => current.getSharedPropertiesAsync(done));
      const owner = shared?.owner?.trim().toLowerCase();
      return owner ? { owner, permissions: Number(shared.delegatePermissions) || 0 } : null;
    } catch {
      return null; // not shared: the user's own mailbox
    }
  };

  return {
    userEmail: () => mailbox().userProfile?.emailAddress?.toLowerCase() ?? "",
    userTimeZone: () => office.context?.mailbox?.userProfile?.timeZone || null,
    // "Gets the locale (language) in RFC 1766 Language tag format specified by the user for the UI of
    // the Office client application" (Office.Context.displayLanguage, Mailbox 1.1,
    // https://learn.microsoft.com/javascript/api/office/office.context#office-office-context-displaylanguage-member).
    displayLanguage: () => office.context?.displayLanguage || null,
    async currentItem() {
      const current = item();
      if (!current) return null;
      if (typeof current.subject !== "string") return composeItem(current);
      return { ...readItem(current), shared: await sharedMailbox(current) };
    },
    async body() {
      const current = item();
      if (!current) throw new MailboxError("no-item", "No message is selected");
      const [html, text] = await Promise.all([
        bodyAs(current, office.CoercionType.Html),
        bodyAs(current, office.CoercionType.Text),
      ]);
      return { html, text } satisfies MailBody;
    },
    async attachmentContent(attachment) {
      const current = item();
      if (!current) throw new MailboxError("no-item", "No message is selected");
      if (attachment.kind === "cloud")
        throw new MailboxError(
          "not-available",
          `${attachment.name} is a link to a cloud file, not a file in the message`,
        );
      // Mailbox 1.8: older Outlook versions have no way to read an attachment's bytes.
      if (!capabilities.has("attachments") || typeof current.getAttachmentContentAsync !== "function")
        throw new MailboxError(
          "not-available",
          "This Outlook cannot keep attachments with a logged email (needs a newer Outlook)",
        );
      const content = await callAsync<Office.AttachmentContent>((done) =>
        current.getAttachmentContentAsync(attachment.id, done),
      );
      return attachmentContentFrom(attachment, { format: String(content.format), content: content.content });
    },
    capabilities: () => capabilities,
    logOnSend: createLogOnSendStore(office),
    async insertAtCursor(content) {
      const current = item();
      if (!current) throw new MailboxError("no-item", "No message is selected");
      // Read mode's subject is a string, compose mode's an object with getAsync (Office.Subject).
      if (typeof current.subject === "string" || typeof current.body.setSelectedDataAsync !== "function")
        throw new MailboxError("not-available", "Only a message being written can take text: reply or forward first");
      // Body.getTypeAsync then setSelectedDataAsync with that coercion, as Microsoft recommends:
      // HTML into a plain-text body fails with InvalidFormatError (Office.Body reference, Mailbox 1.1,
      // learn.microsoft.com/javascript/api/outlook/office.body#outlook-office-body-setselecteddataasync-member(1)).
      const type = await callAsync<Office.CoercionType>((done) => current.body.getTypeAsync(done));
      const html = String(type) === "html";
      await callAsync<void>((done) =>
        current.body.setSelectedDataAsync(
          html ? content.html : content.text,
          { coercionType: html ? office.CoercionType.Html : office.CoercionType.Text },
          done,
        ),
      );
      return html ? "html" : "text";
    },
    async selectedMessages() {
      // Mailbox 1.13 (host-capabilities.ts): an older Outlook has no multi-select, so no selection to read.
      const box = mailbox() as Office.Mailbox & Partial<Pick<Office.Mailbox, "getSelectedItemsAsync">>;
      if (!capabilities.has("multiSelect") || typeof box.getSelectedItemsAsync !== "function") return [];
      const items = await callAsync<Office.SelectedItemDetails[]>((done) => box.getSelectedItemsAsync(done));
      // "Message is the only supported type"; a draft (Compose) is not sent yet, so it is not logged.
      return (items ?? [])
        .filter((each) => String(each.itemType).toLowerCase() === "message" && String(each.itemMode) !== "Compose")
        .map((each): SelectedMessage => ({
          // itemId is the EWS id; Graph takes the REST form (https://learn.microsoft.com/office/dev/add-ins/outlook/use-rest-api).
          restId: box.convertToRestId(each.itemId, office.MailboxEnums?.RestVersion?.v2_0 ?? ("v2.0" as never)),
          subject: each.subject ?? "",
        }));
    },
    onSelectionChanged(listener) {
      if (!capabilities.has("multiSelect")) return () => undefined;
      // SelectedItemsChanged (Mailbox 1.13): "Occurs when one or more messages are selected or deselected"
      // (https://learn.microsoft.com/javascript/api/office/office.eventtype).
      selectionListeners.add(listener);
      if (selectionListeners.size === 1)
        mailbox().addHandlerAsync(office.EventType.SelectedItemsChanged, () => {
          for (const each of [...selectionListeners]) each();
        });
      return () => {
        selectionListeners.delete(listener);
        if (selectionListeners.size === 0) mailbox().removeHandlerAsync(office.EventType.SelectedItemsChanged);
      };
    },
    onItemChanged(listener) {
      // One office.js handler fans out to every listener: Outlook keeps a single handler per event
      // type, so a second addHandlerAsync would silently replace the first view's subscription.
      // Outlook on iOS and Android has no pinned pane: the pane is opened on one message and closed
      // to go back to it, so nothing is asked of Outlook there.
      if (capabilities.mobile) return () => undefined;
      listeners.add(listener);
      if (listeners.size === 1)
        mailbox().addHandlerAsync(office.EventType.ItemChanged, () => {
          for (const each of [...listeners]) each();
        });
      return () => {
        listeners.delete(listener);
        if (listeners.size === 0) mailbox().removeHandlerAsync(office.EventType.ItemChanged);
      };
    },
  };
}

function address(details: Office.EmailAddressDetails | null | undefined): MailAddress | null {
  if (!details?.emailAddress) return null;
  return { email: details.emailAddress, name: details.displayName || null };
}

function addresses(list: Office.EmailAddressDetails[] | null | undefined): MailAddress[] {
  return (list ?? []).map(address).filter((value): value is MailAddress => value !== null);
}

function iso(value: Date | string | null | undefined): string | null {
  if (!value) return null;
  const date = value instanceof Date ? value : new Date(value);
  return Number.isNaN(date.getTime()) ? null : date.toISOString();
}

function attachments(list: Office.AttachmentDetails[] | null | undefined): MailAttachment[] {
  return (list ?? []).map(({ id, name, contentType, size, isInline, attachmentType }) => ({
    id,
    name,
    contentType: contentType ?? "",
    size,
    isInline,
    // Compared by value: the enum lives in office.js (File "file", Item "item", Cloud "cloud").
    kind: String(attachmentType) === "item" ? "item" : String(attachmentType) === "cloud" ? "cloud" : "file",
  }));
}

function readItem(item: Office.MessageRead): MailItem {
  return {
    mode: "read",
    itemId: item.itemId ?? null,
    internetMessageId: item.internetMessageId || null,
    conversationId: item.conversationId || null,
    subject: item.subject ?? "",
    from: address(item.from),
    sender: address(item.sender),
    to: addresses(item.to),
    cc: addresses(item.cc),
    sentAt: iso(item.dateTimeCreated),
    receivedAt: null,
    attachments: attachments(item.attachments),
  };
}

async function composeItem(item: Office.MessageCompose): Promise<MailItem> {
  const [subject, to, cc] = await Promise.all([
    callAsync<string>((done) => item.subject.getAsync(done)),
    callAsync<Office.EmailAddressDetails[]>((done) => item.to.getAsync(done)),
    callAsync<Office.EmailAddressDetails[]>((done) => item.cc.getAsync(done)),
  ]);
  return {
    mode: "compose",
    itemId: null,
    internetMessageId: null,
    conversationId: item.conversationId || null,
    subject,
    from: null,
    sender: null,
    to: addresses(to),
    cc: addresses(cc),
    sentAt: null,
    receivedAt: null,
    attachments: [],
  };
}

function bodyAs(item: AnyItem, coercion: Office.CoercionType): Promise<string> {
  return callAsync<string>((done) => item.body.getAsync(coercion, done));
}

/** office.js callbacks as promises; a failed AsyncResult becomes a MailboxError. */
function callAsync<T>(start: (done: (result: Office.AsyncResult<T>) => void) => void): Promise<T> {
  return new Promise((resolve, reject) => {
    try {
      start((result) => {
        // Compared by value: the enum object lives in office.js, which a test or the demo host may lack.
        if (String(result.status) === "failed" || result.error)
          reject(new MailboxError("host-error", result.error?.message ?? "Outlook could not read the message"));
        else resolve(result.value);
      });
    } catch (error) {
      reject(new MailboxError("host-error", (error as Error).message));
    }
  });
}
