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
}

let messageCounter = 0;

function itemSeed(message: TestMessage) {
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
    attachments: [],
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
export function createOutlookMock(message: TestMessage | null, userEmail = "alice@contoso.com") {
  const handlers = new Map<string, () => void>();
  const office = new OfficeMockObject({
    host: "outlook",
    CoercionType: { Html: "html", Text: "text" },
    EventType: { ItemChanged: "olkItemSelectedChanged", OfficeThemeChanged: "officeThemeChanged" },
    context: {
      officeTheme: { bodyBackgroundColor: "#ffffff" },
      mailbox: {
        userProfile: { emailAddress: userEmail },
        addHandlerAsync: (type: string, handler: () => void) => handlers.set(type, handler),
        removeHandlerAsync: (type: string) => handlers.delete(type),
      },
    },
  });
  const mailbox = office.context.mailbox as Record<string, unknown>;
  const setItem = (next: TestMessage | null) => {
    mailbox.item = next ? new OfficeMockObject(itemSeed(next)) : null;
  };
  setItem(message);
  return {
    office: office as unknown as typeof Office,
    mailbox: createOfficeMailbox(office as unknown as typeof Office) as Mailbox,
    /** What Outlook does when the user selects another message while the pane is pinned. */
    select(next: TestMessage | null) {
      act(() => {
        setItem(next);
        handlers.get("olkItemSelectedChanged")?.();
      });
    },
  };
}
