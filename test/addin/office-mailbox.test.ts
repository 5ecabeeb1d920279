/// <reference types="office-js" />
import { OfficeMockObject } from "office-addin-mock";
import { createOfficeMailbox } from "../../addin/src/office/office-mailbox";
import { MailboxError } from "../../addin/src/office/mail-item.types";
import { zonedToIso } from "../../addin/src/shared/zoned-time";
import { createOutlookMock, isSetSupportedBy } from "./support/office-mock";

const succeeded = <T>(value: T) => ({ status: "succeeded", value });

describe("the mailbox over office.js", () => {
  it("reads a received message: people, identity, date and both bodies", async () => {
    const { mailbox } = createOutlookMock({
      from: { email: "Jonas.Keller@Fabrikam.com", name: "Jonas Keller" },
      subject: "Order",
      internetMessageId: "<a@b>",
      html: "<p>Hi</p>",
      text: "Hi",
    });
    expect(await mailbox.currentItem()).toMatchObject({
      mode: "read",
      internetMessageId: "<a@b>",
      subject: "Order",
      from: { email: "Jonas.Keller@Fabrikam.com", name: "Jonas Keller" },
      to: [{ email: "alice@contoso.com", name: "Alice Wagner" }],
      sentAt: "2026-01-15T08:00:00.000Z",
    });
    expect(await mailbox.body()).toEqual({ html: "<p>Hi</p>", text: "Hi" });
  });

  it("reads the recipients of a message being written through the async compose API", async () => {
    const office = new OfficeMockObject({
      host: "outlook",
      CoercionType: { Html: "html", Text: "text" },
      context: {
        mailbox: {
          userProfile: { emailAddress: "alice@contoso.com" },
          item: {
            subject: { getAsync: (done: (result: unknown) => void) => done(succeeded("Draft")) },
            to: {
              getAsync: (done: (result: unknown) => void) =>
                done(succeeded([{ emailAddress: "kim@adventure-works.com", displayName: "Kim" }])),
            },
            cc: { getAsync: (done: (result: unknown) => void) => done(succeeded([])) },
          },
        },
      },
    }) as unknown as typeof Office;
    expect(await createOfficeMailbox(office).currentItem()).toMatchObject({
      mode: "compose",
      internetMessageId: null,
      subject: "Draft",
      to: [{ email: "kim@adventure-works.com", name: "Kim" }],
    });
  });

  it("turns a failed office.js call into a MailboxError", async () => {
    const office = new OfficeMockObject({
      host: "outlook",
      CoercionType: { Html: "html", Text: "text" },
      context: {
        mailbox: {
          item: {
            subject: "x",
            body: {
              getAsync: (_coercion: string, done: (result: unknown) => void) =>
                done({ status: "failed", error: { message: "Item is too large" } }),
            },
          },
        },
      },
    }) as unknown as typeof Office;
    await expect(createOfficeMailbox(office).body()).rejects.toEqual(
      new MailboxError("host-error", "Item is too large"),
    );
  });

  it("reads the messages selected in the list by their REST ids, leaving out drafts, from Mailbox 1.13 only", async () => {
    const getSelectedItemsAsync = (callback: (result: unknown) => void) =>
      callback(
        succeeded([
          { itemId: "AAMkAGI2+THV/Ew==", itemMode: "Read", itemType: "Message", subject: "Order" },
          { itemId: "AAMkAGI2+draft/A=", itemMode: "Compose", itemType: "Message", subject: "Draft" },
        ]),
      );
    const office = (sets: string) =>
      new OfficeMockObject({
        host: "outlook",
        MailboxEnums: { RestVersion: { v2_0: "v2.0" } },
        EventType: { SelectedItemsChanged: "olkSelectedItemsChanged" },
        context: {
          requirements: { isSetSupported: isSetSupportedBy({ Mailbox: sets }) },
          mailbox: {
            getSelectedItemsAsync,
            convertToRestId: (id: string, version: string) =>
              version === "v2.0" ? id.replaceAll("+", "_").replaceAll("/", "-") : "wrong version",
          },
        },
      }) as unknown as typeof Office;
    expect(await createOfficeMailbox(office("1.13")).selectedMessages!()).toEqual([
      { restId: "AAMkAGI2_THV-Ew==", subject: "Order" },
    ]);
    // An older Outlook may define the method (office.js does, whatever the host): it is not called.
    expect(await createOfficeMailbox(office("1.12")).selectedMessages!()).toEqual([]);
  });

  it("gives null when no item is selected", async () => {
    const { mailbox } = createOutlookMock(null);
    expect(await mailbox.currentItem()).toBeNull();
  });
});

describe("times in the user's zone", () => {
  it("converts wall-clock time in a zone to the instant, across daylight saving", () => {
    expect(zonedToIso("2026-01-15", "09:30", "Europe/Berlin")).toBe("2026-01-15T08:30:00.000Z");
    expect(zonedToIso("2026-07-15", "09:30", "Europe/Berlin")).toBe("2026-07-15T07:30:00.000Z");
    expect(zonedToIso("2026-03-29", "03:30", "Europe/Berlin")).toBe("2026-03-29T01:30:00.000Z");
    expect(zonedToIso("2026-07-15", "09:30", "America/New_York")).toBe("2026-07-15T13:30:00.000Z");
  });
});
