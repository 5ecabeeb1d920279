/// <reference types="office-js" />
import { act } from "@testing-library/react";
import { OfficeMockObject } from "office-addin-mock";
import { createOfficeMailbox } from "../../../addin/src/office/office-mailbox";
import type { Mailbox } from "../../../addin/src/office/mail-item.types";

export interface TestMessage {
  from: { email: string; name: string };
  to?: { email: string; name: string }[];
  cc?: { email: string; name: string }[];
  subject: string;
  internetMessageId?: string;
  html?: string;
  text?: string;
  attachments?: TestAttachment[];
  /**
   * A message being written (compose mode) instead of one being read: `from` is then the first
   * recipient, the draft's body is of this type and starts with `html`/`text`.
   */
  compose?: { bodyType: "html" | "text" };
  /** The message is not in the user's own mailbox but in a shared one or a folder someone shared (see SharedIn). */
  sharedIn?: SharedIn;
}

/**
 * Where a message is when the user reads it outside their own mailbox, with what
 * item.getSharedPropertiesAsync answers for it (Office.SharedProperties,
 * https://learn.microsoft.com/javascript/api/outlook/office.sharedproperties): a shared mailbox
 * (Mailbox 1.13) or a folder another person shared with the user as their delegate (Mailbox 1.8).
 */
export interface SharedIn {
  kind: "sharedMailbox" | "delegateFolder";
  /** The owner's address: the shared mailbox's, or that of the person who shared the folder. */
  owner: string;
  /**
   * Office.MailboxEnums.DelegatePermissions as a bitmask: Read 1, Write 2, DeleteOwn 4, DeleteAll 8,
   * EditOwn 16, EditAll 32 ("Supported permissions",
   * https://learn.microsoft.com/office/dev/add-ins/outlook/delegate-access#supported-permissions); Read when not given.
   */
  permissions?: number;
}

/** A draft's body as the compose fake holds it: what is there, and where the cursor is. */
export interface Draft {
  type: "html" | "text";
  content: string;
  cursor: number;
}

/** An attachment as Outlook reports it, with what getAttachmentContentAsync (Mailbox 1.8) gives for it. */
export interface TestAttachment {
  name: string;
  contentType: string;
  /** Base64 for a file, EML text for an attached message, a URL for a cloud file. */
  content: string;
  kind?: "file" | "item" | "cloud";
  isInline?: boolean;
  /** What Outlook reports as its size; the content's length unless given. */
  size?: number;
  /** How often reading its content fails before it works (a flaky connection to the mail server). */
  failures?: number;
}

const FORMAT = { file: "base64", item: "eml", cloud: "url" } as const;

/**
 * The requirement sets the simulated Outlook reports, by name and highest version, as
 * Office.context.requirements.isSetSupported(name, minVersion) answers them: true when the host's
 * version of that set is at least minVersion ("Check if the specified requirement set is supported",
 * https://learn.microsoft.com/javascript/api/office/office.requirementsetsupport). A set the host
 * does not name is not supported.
 */
export type RequirementSets = Record<string, string>;

/** A current Outlook (Microsoft 365 on Windows, the web): every set the pane can use. */
export const CURRENT_OUTLOOK: RequirementSets = { Mailbox: "1.15", NestedAppAuth: "1.1", DialogApi: "1.2" };

function versionAtLeast(have: string, want: string): boolean {
  const [a, b] = [have, want].map((version) => version.split(".").map(Number));
  for (let index = 0; index < Math.max(a!.length, b!.length); index += 1) {
    const difference = (a![index] ?? 0) - (b![index] ?? 0);
    if (difference !== 0) return difference > 0;
  }
  return true;
}

export function isSetSupportedBy(sets: RequirementSets) {
  return (name: string, minVersion = "1.1") => {
    const have = sets[name];
    return have !== undefined && versionAtLeast(have, String(minVersion));
  };
}

/**
 * Outlook on iOS and Android as Microsoft documents it for add-ins
 * (https://learn.microsoft.com/office/dev/add-ins/outlook/outlook-mobile-apis and
 * https://learn.microsoft.com/office/dev/add-ins/outlook/add-mobile-support):
 * - "Outlook on Android and on iOS support up to Mailbox requirement set 1.5": no attachment
 *   content or shared properties (1.8), no Smart Alerts (1.12); of the later APIs it has only a few
 *   compose ones. NestedAppAuth only from build 4.2433.0 (left out here: the older phones); the
 *   dialog comes with Mailbox 1.4 (https://learn.microsoft.com/javascript/api/requirement-sets/common/dialog-api-requirement-sets).
 * - Office.context.officeTheme is among its "Unsupported APIs": absent here.
 * - "add-ins in Outlook mobile only support activation when reading messages": a compose item is refused.
 * - Its task panes "take up the entire screen": no pinned pane, so no other message gets selected
 *   under it (select() is refused).
 * - SupportsSharedFolders is DesktopFormFactor only: a message in a shared folder is refused.
 * - diagnostics.hostName is "OutlookIOS" or "OutlookAndroid" (https://learn.microsoft.com/javascript/api/outlook/office.diagnostics).
 */
export const OUTLOOK_MOBILE: OutlookHost = {
  requirementSets: { Mailbox: "1.5" },
  formFactor: "mobile",
  hostName: "OutlookIOS",
};
export const OUTLOOK_ANDROID: OutlookHost = { ...OUTLOOK_MOBILE, hostName: "OutlookAndroid" };

export interface OutlookHost {
  requirementSets?: RequirementSets;
  /** Outlook on iOS and Android (MobileFormFactor) rather than on a computer or the web; see OUTLOOK_MOBILE. */
  formFactor?: "desktop" | "mobile";
  /** Office.context.mailbox.diagnostics.hostName; "Outlook" (classic Windows) unless given. */
  hostName?: string;
  /** Office.context.displayLanguage (Mailbox 1.1, an RFC 1766 tag): the language of Outlook's UI. */
  displayLanguage?: string;
}

let messageCounter = 0;

type Callback<T> = (result: { status: string; value?: T; error?: { name: string; message: string } }) => void;
const failed = (name: string, message: string) => ({ status: "failed", error: { name, message } });

/**
 * item.getSharedPropertiesAsync as Outlook answers it. "If the item is in a shared folder or shared
 * mailbox, the method returns a SharedProperties object"; otherwise the call fails, which is how the
 * documented sample tells that "the current folder or mailbox isn't shared"
 * (https://learn.microsoft.com/office/dev/add-ins/outlook/delegate-access#identify-if-a-folder-or-mailbox-is-shared).
 * An Outlook below Mailbox 1.8 has no shared-folder support: the call fails there too (and is
 * recorded, so a suite sees that the pane asked at all).
 */
function sharedPropertiesAsync(message: TestMessage, sets: RequirementSets, calls: string[]) {
  return (
    callback: (result: { status: string; value?: unknown; error?: { name: string; message: string } }) => void,
  ) => {
    calls.push("getSharedPropertiesAsync");
    if (!isSetSupportedBy(sets)("Mailbox", "1.8"))
      return callback(failed("NotSupported", "This Outlook does not support shared folders (Mailbox 1.8)"));
    const shared = message.sharedIn;
    if (!shared) return callback(failed("GenericResponseError", "The current folder or mailbox isn't shared."));
    callback({
      status: "succeeded",
      value: {
        owner: shared.owner,
        delegatePermissions: shared.permissions ?? 1,
        // "The location of the owner's mailbox for the delegate's access. This location may differ
        // based on the Outlook client": opaque to the pane, which never uses it.
        targetMailbox: `mailbox-of-${shared.owner}`,
        targetRestUrl: "https://outlook.office.com/api",
      },
    });
  };
}

/**
 * Refuses a message Outlook would not open the pane on: a shared mailbox needs Mailbox 1.13 and a
 * delegate's folder 1.8 ("Mailbox 1.8 for shared folder support, Mailbox 1.13 for shared mailbox
 * support"); SupportsSharedFolders exists only under DesktopFormFactor ("At present, other form
 * factors aren't supported", delegate-access, "Configure the manifest"), so not on mobile; and in
 * compose mode Outlook gives shared properties only for a draft moved into the shared folder, which
 * no suite needs.
 */
function refuseUnopenable(message: TestMessage | null, host: OutlookHost) {
  const shared = message?.sharedIn;
  if (!shared) return;
  const sets = host.requirementSets ?? CURRENT_OUTLOOK;
  const needs = shared.kind === "sharedMailbox" ? "1.13" : "1.8";
  if (host.formFactor === "mobile")
    throw new Error("Outlook on iOS and Android does not open add-ins in shared mailboxes or a delegate's folders");
  if (!isSetSupportedBy(sets)("Mailbox", needs))
    throw new Error(`Outlook opens the add-in in a ${shared.kind} only from Mailbox ${needs}`);
  if (message.compose)
    throw new Error("A draft in a shared folder is not modelled: Outlook reads it only once moved there");
}

function itemSeed(message: TestMessage, calls: string[], sets: RequirementSets) {
  const details = (address: { email: string; name: string }) => ({
    emailAddress: address.email,
    displayName: address.name,
  });
  const html = message.html ?? `<p>${message.subject}</p>`;
  const text = message.text ?? message.subject;
  return {
    host: "outlook",
    itemId: `item-${++messageCounter}`,
    internetMessageId: message.internetMessageId ?? `<message-${messageCounter}@test>`,
    conversationId: `conversation-${messageCounter}`,
    subject: message.subject,
    from: details(message.from),
    sender: details(message.from),
    to: (message.to ?? [{ email: "alice@contoso.com", name: "Alice Wagner" }]).map(details),
    cc: (message.cc ?? []).map(details),
    dateTimeCreated: new Date("2026-01-15T08:00:00Z"),
    attachments: (message.attachments ?? []).map((attachment, index) => ({
      id: `attachment-${index}`,
      name: attachment.name,
      contentType: attachment.contentType,
      size: attachment.size ?? attachment.content.length,
      isInline: attachment.isInline ?? false,
      attachmentType: attachment.kind ?? "file",
    })),
    getAttachmentContentAsync: (
      attachmentId: string,
      callback: (result: { status: string; value?: unknown; error?: { message: string } }) => void,
    ) => {
      calls.push("getAttachmentContentAsync");
      const attachment = message.attachments?.[Number(attachmentId.replace("attachment-", ""))];
      if (!attachment) return callback({ status: "failed", error: { message: "The attachment was not found" } });
      if ((attachment.failures ?? 0) > 0) {
        attachment.failures! -= 1;
        return callback({ status: "failed", error: { message: "The connection to the mail server was lost" } });
      }
      callback({
        status: "succeeded",
        value: { format: FORMAT[attachment.kind ?? "file"], content: attachment.content },
      });
    },
    getSharedPropertiesAsync: sharedPropertiesAsync(message, sets, calls),
    body: {
      getAsync: (coercion: string, callback: (result: { status: string; value: string }) => void) =>
        callback({ status: "succeeded", value: coercion === "html" ? html : text }),
    },
  };
}

/**
 * A message being written, as Office.MessageCompose has it (Mailbox 1.1): subject and recipients
 * behind getAsync, and a body whose getTypeAsync and setSelectedDataAsync follow Office.Body's
 * reference (learn.microsoft.com/javascript/api/outlook/office.body): the data goes in at the
 * cursor and the cursor after it; more than 1,000,000 characters is DataExceedsMaximumSize, HTML
 * into a plain-text body is InvalidFormatError. Read items (itemSeed) have no such methods at all.
 */
function composeSeed(message: TestMessage, draft: Draft) {
  const details = (address: { email: string; name: string }) => ({
    emailAddress: address.email,
    displayName: address.name,
  });
  const recipients = [message.from, ...(message.to ?? [])].map(details);
  const value =
    <T>(result: T) =>
    (callback: Callback<T>) =>
      callback({ status: "succeeded", value: result });
  return {
    host: "outlook",
    conversationId: `conversation-${++messageCounter}`,
    subject: { getAsync: value(message.subject) },
    to: { getAsync: value(recipients) },
    cc: { getAsync: value((message.cc ?? []).map(details)) },
    body: {
      getAsync: (coercion: string, callback: Callback<string>) =>
        coercion === "html" && draft.type === "text"
          ? callback({ status: "succeeded", value: `<p>${draft.content}</p>` })
          : callback({ status: "succeeded", value: draft.content }),
      getTypeAsync: value(draft.type),
      setSelectedDataAsync: (data: string, options: { coercionType?: string }, callback: Callback<void>) => {
        if (typeof data !== "string") return callback(failed("InvalidDataFormat", "The data is not a string"));
        if (data.length > 1_000_000)
          return callback(failed("DataExceedsMaximumSize", "The data is longer than 1,000,000 characters"));
        if ((options.coercionType ?? "text") === "html" && draft.type === "text")
          return callback(failed("InvalidFormatError", "HTML cannot go into a plain-text body"));
        draft.content = draft.content.slice(0, draft.cursor) + data + draft.content.slice(draft.cursor);
        draft.cursor += data.length;
        callback({ status: "succeeded" });
      },
    },
  };
}

/** A message ticked in Outlook's list along with others, by the REST id the Graph fake holds it under. */
export interface SelectedTestMessage {
  restId: string;
  subject: string;
  conversationId?: string;
  internetMessageId?: string;
  hasAttachment?: boolean;
}

/**
 * Outlook's own item id is the EWS form, which differs from the REST form Graph takes in "+" and "/"
 * for "_" and "-"; mailbox.convertToRestId(itemId, RestVersion.v2_0) (Mailbox 1.3) turns one into the
 * other (https://learn.microsoft.com/office/dev/add-ins/outlook/use-rest-api#get-the-item-id).
 */
export const ewsIdOf = (restId: string) => restId.replaceAll("-", "/").replaceAll("_", "+");
const restIdOf = (ewsId: string) => ewsId.replaceAll("/", "-").replaceAll("+", "_");

/**
 * Outlook as office-addin-mock fakes it: the signed-in user, the selected message, the ItemChanged
 * event of a pinned pane, and from Mailbox 1.13 multi-select: getSelectedItemsAsync, whose
 * Office.SelectedItemDetails carry itemId (EWS form), itemMode, itemType ("Message" the only one),
 * subject, and from 1.14 conversationId, internetMessageId and hasAttachment
 * (https://learn.microsoft.com/javascript/api/outlook/office.selecteditemdetails), and the
 * SelectedItemsChanged event (https://learn.microsoft.com/office/dev/add-ins/outlook/item-multi-select).
 * Below 1.13 neither exists. The pane gets it all through the real office-mailbox.ts.
 */
export function createOutlookMock(
  message: TestMessage | null,
  userEmail = "alice@contoso.com",
  host: OutlookHost = {},
) {
  const handlers = new Map<string, () => void>();
  /** The item's APIs newer than the manifest's minimum that the pane called, in order. */
  const calls: string[] = [];
  const sets = host.requirementSets ?? CURRENT_OUTLOOK;
  const multiSelect = isSetSupportedBy(sets)("Mailbox", "1.13");
  const withDetails = isSetSupportedBy(sets)("Mailbox", "1.14");
  let selection: SelectedTestMessage[] = [];
  const selectionApi = {
    getSelectedItemsAsync: (...args: unknown[]) => {
      calls.push("getSelectedItemsAsync");
      const callback = args.findLast((arg) => typeof arg === "function") as Callback<unknown[]>;
      callback({
        status: "succeeded",
        value: selection.map((message) => ({
          itemId: ewsIdOf(message.restId),
          itemMode: "Read",
          itemType: "Message",
          subject: message.subject,
          ...(withDetails
            ? {
                conversationId: message.conversationId ?? `conversation-${message.restId}`,
                internetMessageId: message.internetMessageId ?? `<${message.restId}@test>`,
                hasAttachment: message.hasAttachment ?? false,
              }
            : {}),
        })),
      });
    },
  };
  const mobile = host.formFactor === "mobile";
  const office = new OfficeMockObject({
    host: "outlook",
    CoercionType: { Html: "html", Text: "text" },
    EventType: {
      ItemChanged: "olkItemSelectedChanged",
      OfficeThemeChanged: "officeThemeChanged",
      SelectedItemsChanged: "olkSelectedItemsChanged",
    },
    MailboxEnums: { RestVersion: { v1_0: "v1.0", v2_0: "v2.0", Beta: "beta" } },
    context: {
      displayLanguage: host.displayLanguage ?? "en-US",
      ...(mobile ? {} : { officeTheme: { bodyBackgroundColor: "#ffffff" } }),
      requirements: { isSetSupported: isSetSupportedBy(sets) },
      mailbox: {
        userProfile: { emailAddress: userEmail },
        diagnostics: { hostName: host.hostName ?? "Outlook" },
        addHandlerAsync: (type: string, handler: () => void) => {
          // OfficeThemeChanged is Mailbox 1.14: recorded, as the item's newer APIs are.
          if (type === "officeThemeChanged") calls.push("addHandlerAsync(OfficeThemeChanged)");
          // ItemChanged serves a pinned pane, which Outlook mobile does not have: recorded there.
          if (mobile && type === "olkItemSelectedChanged") calls.push("addHandlerAsync(ItemChanged)");
          handlers.set(type, handler);
        },
        removeHandlerAsync: (type: string) => handlers.delete(type),
        convertToRestId: (itemId: string, version: string) => {
          if (version !== "v2.0") throw new Error(`RestVersion ${version}: Graph takes v2.0 ids`);
          return restIdOf(itemId);
        },
        ...(multiSelect ? selectionApi : {}),
      },
    },
  });
  const mailbox = office.context.mailbox as Record<string, unknown>;
  let draft: Draft | null = null;
  const setItem = (next: TestMessage | null) => {
    draft = next?.compose
      ? {
          type: next.compose.bodyType,
          content: (next.compose.bodyType === "html" ? next.html : next.text) ?? "",
          cursor: 0,
        }
      : null;
    refuseUnopenable(next, host);
    if (mobile && next?.compose)
      throw new Error("Outlook on iOS and Android opens add-ins only when reading messages, not while writing one");
    mailbox.item = next
      ? new OfficeMockObject(
          draft ? composeSeed(next, draft) : itemSeed(next, calls, host.requirementSets ?? CURRENT_OUTLOOK),
        )
      : null;
  };
  setItem(message);
  return {
    office: office as unknown as typeof Office,
    mailbox: createOfficeMailbox(office as unknown as typeof Office) as Mailbox,
    calls,
    /** The body of the message being written (compose mode), null while reading one. */
    draft: () => draft,
    /**
     * The user ticks several messages in Outlook's list (Ctrl+click): SelectedItemsChanged, on an
     * Outlook with multi-select (Mailbox 1.13); elsewhere nothing reaches the pane.
     */
    selectMany(messages: SelectedTestMessage[]) {
      act(() => {
        selection = [...messages];
        if (multiSelect) handlers.get("olkSelectedItemsChanged")?.();
      });
    },
    /** What Outlook does when the user selects another message while the pane is pinned. */
    select(next: TestMessage | null) {
      if (mobile)
        throw new Error("Outlook on iOS and Android has no pinned pane: the pane closes before another message opens");
      act(() => {
        setItem(next);
        handlers.get("olkItemSelectedChanged")?.();
      });
    },
  };
}
