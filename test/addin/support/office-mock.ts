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

export interface OutlookHost {
  requirementSets?: RequirementSets;
}

let messageCounter = 0;

function itemSeed(message: TestMessage, calls: string[]) {
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
    body: {
      getAsync: (coercion: string, callback: (result: { status: string; value: string }) => void) =>
        callback({ status: "succeeded", value: coercion === "html" ? html : text }),
    },
  };
}

/**
 * Outlook as office-addin-mock fakes it: the signed-in user, the selected message, and the
 * ItemChanged event of a pinned pane. The pane gets it through the real office-mailbox.ts.
 */
export function createOutlookMock(
  message: TestMessage | null,
  userEmail = "alice@contoso.com",
  host: OutlookHost = {},
) {
  const handlers = new Map<string, () => void>();
  /** The item's APIs newer than the manifest's minimum that the pane called, in order. */
  const calls: string[] = [];
  const office = new OfficeMockObject({
    host: "outlook",
    CoercionType: { Html: "html", Text: "text" },
    EventType: { ItemChanged: "olkItemSelectedChanged", OfficeThemeChanged: "officeThemeChanged" },
    context: {
      officeTheme: { bodyBackgroundColor: "#ffffff" },
      requirements: { isSetSupported: isSetSupportedBy(host.requirementSets ?? CURRENT_OUTLOOK) },
      mailbox: {
        userProfile: { emailAddress: userEmail },
        addHandlerAsync: (type: string, handler: () => void) => handlers.set(type, handler),
        removeHandlerAsync: (type: string) => handlers.delete(type),
      },
    },
  });
  const mailbox = office.context.mailbox as Record<string, unknown>;
  const setItem = (next: TestMessage | null) => {
    mailbox.item = next ? new OfficeMockObject(itemSeed(next, calls)) : null;
  };
  setItem(message);
  return {
    office: office as unknown as typeof Office,
    mailbox: createOfficeMailbox(office as unknown as typeof Office) as Mailbox,
    calls,
    /** What Outlook does when the user selects another message while the pane is pinned. */
    select(next: TestMessage | null) {
      act(() => {
        setItem(next);
        handlers.get("olkItemSelectedChanged")?.();
      });
    },
  };
}
