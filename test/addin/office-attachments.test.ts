/// <reference types="office-js" />
import { createOfficeMailbox } from "../../addin/src/office/office-mailbox";
import { MailboxError } from "../../addin/src/office/mail-item.types";
import { CURRENT_OUTLOOK, type RequirementSets, isSetSupportedBy } from "./support/office-mock";

// Outlook as a plain object: the parts of office.js that reading attachments touches.
function outlookWith(item: Record<string, unknown>, sets: RequirementSets = CURRENT_OUTLOOK) {
  return {
    context: { requirements: { isSetSupported: isSetSupportedBy(sets) }, mailbox: { item } },
  } as unknown as typeof Office;
}
const DETAILS = [
  { id: "a1", name: "offer.pdf", contentType: "application/pdf", size: 9, isInline: false, attachmentType: "file" },
  { id: "a2", name: "Request", contentType: "", size: 99, isInline: false, attachmentType: "item" },
  { id: "a3", name: "Drawings", contentType: "", size: 0, isInline: false, attachmentType: "cloud" },
];

describe("attachments through office.js", () => {
  it("tells files, attached messages and cloud links apart", async () => {
    const mailbox = createOfficeMailbox(outlookWith({ subject: "Offer", attachments: DETAILS }));
    const item = await mailbox.currentItem();
    expect(item?.attachments.map((attachment) => attachment.kind)).toEqual(["file", "item", "cloud"]);
  });

  it("reads a file as its bytes and an attached message as an .eml file (Mailbox 1.8)", async () => {
    const contents: Record<string, { format: string; content: string }> = {
      a1: { format: "base64", content: Buffer.from("%PDF-1.7").toString("base64") },
      a2: { format: "eml", content: "Subject: Request\r\n\r\nHi" },
    };
    const mailbox = createOfficeMailbox(
      outlookWith({
        subject: "Offer",
        attachments: DETAILS,
        getAttachmentContentAsync: (id: string, done: (result: unknown) => void) =>
          done({ status: "succeeded", value: contents[id] }),
      }),
    );
    const [file, message] = (await mailbox.currentItem())!.attachments;
    const pdf = await mailbox.attachmentContent(file!);
    expect(new TextDecoder().decode(pdf.bytes)).toBe("%PDF-1.7");
    expect(pdf).toMatchObject({ fileName: "offer.pdf", contentType: "application/pdf" });
    const eml = await mailbox.attachmentContent(message!);
    expect(eml).toMatchObject({ fileName: "Request.eml", contentType: "message/rfc822" });
    expect(new TextDecoder().decode(eml.bytes)).toBe("Subject: Request\r\n\r\nHi");
  });

  it("refuses cloud links, and says so when Outlook is older than Mailbox 1.8", async () => {
    // office.js from Microsoft's CDN defines getAttachmentContentAsync whatever the host supports:
    // only isSetSupported tells, so the method is there and must not be called.
    const called: string[] = [];
    const mailbox = createOfficeMailbox(
      outlookWith(
        {
          subject: "Offer",
          attachments: DETAILS,
          getAttachmentContentAsync: (id: string) => called.push(id),
        },
        { Mailbox: "1.7" },
      ),
    );
    const [file, , cloud] = (await mailbox.currentItem())!.attachments;
    await expect(mailbox.attachmentContent(cloud!)).rejects.toThrow(/link to a cloud file/);
    const old = mailbox.attachmentContent(file!);
    await expect(old).rejects.toBeInstanceOf(MailboxError);
    await expect(old).rejects.toThrow(
      "This Outlook cannot keep attachments with a logged email (needs a newer Outlook)",
    );
    expect(called).toEqual([]);
  });

  it("treats an Outlook that cannot say what it supports as one at the manifest's minimum", async () => {
    const office = { context: { mailbox: { item: { subject: "Offer", attachments: DETAILS } } } };
    const mailbox = createOfficeMailbox(office as unknown as typeof Office);
    expect(mailbox.capabilities().has("attachments")).toBe(false);
    await expect(mailbox.attachmentContent((await mailbox.currentItem())!.attachments[0]!)).rejects.toThrow(
      /cannot keep attachments/,
    );
  });
});
