/* eslint-disable @typescript-eslint/no-explicit-any -- the API's answers, as the tests read them */
import { File as NodeFile } from "node:buffer";
import { screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { BEN, ok } from "./support/crm-world";
import { JONAS, renderPane, useCrm, openRecordTab, findEnabledButton } from "./support/render-pane";
import type { TestAttachment } from "./support/office-mock";

const crm = useCrm();

// jsdom's File cannot be read as bytes; Node's can, as a browser's File can, so fetch sends the content.
const file = (parts: (string | Uint8Array)[], name: string, options: { type: string }) =>
  new NodeFile(parts, name, options) as unknown as File;

const PDF = "%PDF-1.7\n1 0 obj << >> endobj\n%%EOF\n";
const pdfBase64 = Buffer.from(PDF).toString("base64");
/** Ben's file on Fabrikam, uploaded through the API. */
async function bensAgreement() {
  const ben = await crm.as(BEN);
  await ok(
    ben.request(
      "POST",
      `/api/customers/${crm.customers.fabrikam.id}/attachments?fileName=${encodeURIComponent("Framework agreement.pdf")}`,
      new TextEncoder().encode(PDF),
      { "content-type": "application/pdf" },
    ),
    201,
    "Ben's upload",
  );
}
/** Every file on Fabrikam's record (on the customer, its notes, activities and logged e-mails), newest first. */
const files = async () => (await crm.read(`/api/customers/${crm.customers.fabrikam.id}/attachments`)).items;

async function openFiles() {
  const user = userEvent.setup();
  const view = renderPane({ from: JONAS, subject: "Contract" });
  const record = await screen.findByRole("article", { name: "Customer record Fabrikam, Inc." });
  await openRecordTab(user, record, "Files");
  return { ...view, user, record };
}

describe("the Files tab", () => {
  it("lists the customer's files with type, size, who and where; uploads one through the file input", async () => {
    await bensAgreement();
    const { user, record } = await openFiles();
    const list = await within(record).findByRole("list", { name: "Files" });
    const first = within(list).getAllByRole("listitem")[0]!;
    expect(within(first).getByRole("button", { name: "Download Framework agreement.pdf" })).toBeInTheDocument();
    expect(first).toHaveTextContent(`PDF · ${PDF.length} B · On the customer`);
    expect(first).toHaveTextContent("Ben Okafor");
    // A colleague's file: a salesman may not delete it, so no button is offered.
    expect(within(first).queryByRole("button", { name: /^Delete/ })).not.toBeInTheDocument();

    await user.upload(
      within(record).getByLabelText("Upload files"),
      file(["name;city\nFabrikam;Berlin\n"], "contacts.csv", { type: "text/csv" }),
    );
    expect(await within(list).findByRole("button", { name: "Download contacts.csv" })).toBeInTheDocument();
    expect(within(record).getByRole("heading", { name: "Files (2)" })).toBeInTheDocument();
    expect((await files())[0]).toMatchObject({ fileName: "contacts.csv", contentType: "text/csv" });
  });

  it("shows the service's refusals by file: too large (413), not what it claims (415)", async () => {
    const { user, record } = await openFiles();
    const exe = file([new Uint8Array([0x4d, 0x5a, 0x90, 0, 3, 0, 0, 0])], "invoice.pdf", {
      type: "application/pdf",
    });
    const big = file([new Uint8Array(10 * 1024 * 1024 + 1).fill(0x41)], "scan.txt", { type: "text/plain" });
    await user.upload(within(record).getByLabelText("Upload files"), [exe, big]);
    const alert = await within(record).findByRole("alert");
    expect(alert).toHaveTextContent("invoice.pdf: the content is not application/pdf, as it was declared");
    expect(alert).toHaveTextContent("scan.txt is larger than 10 MiB, the limit per file");
    expect(await files()).toHaveLength(0);
    expect(within(record).getByText("No files on this customer yet.")).toBeInTheDocument();
  });

  it("downloads with the token through a blob link under the file's name", async () => {
    await bensAgreement();
    const clicked: { download: string; href: string }[] = [];
    const click = jest.spyOn(HTMLAnchorElement.prototype, "click").mockImplementation(function (
      this: HTMLAnchorElement,
    ) {
      clicked.push({ download: this.download, href: this.href });
    });
    const created = jest.spyOn(URL, "createObjectURL");
    try {
      const { user, record } = await openFiles();
      await user.click(await within(record).findByRole("button", { name: "Download Framework agreement.pdf" }));
      await waitFor(() => expect(clicked).toHaveLength(1));
      expect(clicked[0]!.download).toBe("Framework agreement.pdf");
      const blob = created.mock.calls[0]![0] as Blob;
      expect(await blob.text()).toBe(PDF);
      expect(crm.requests.some((request) => request.path.endsWith("/content"))).toBe(true);
    } finally {
      click.mockRestore();
      created.mockRestore();
    }
  });

  it("attaches an upload to one of the record's notes when chosen", async () => {
    const { user, record } = await openFiles();
    // The world's note as the service keeps it: its text is that of its HTML (the fake's text was shorter).
    await user.selectOptions(
      within(record).getByRole("combobox", { name: "Attach to" }),
      "Note: Framework agreement: agreement bad link",
    );
    await user.upload(
      within(record).getByLabelText("Upload files"),
      file([PDF], "agreement-signed.pdf", { type: "application/pdf" }),
    );
    const list = await within(record).findByRole("list", { name: "Files" });
    expect(within(list).getAllByRole("listitem")[0]).toHaveTextContent(
      "On note “Framework agreement: agreement bad link”",
    );
    expect((await files())[0]!.on).toMatchObject({ kind: "note" });
  });

  it("deletes one's own file after a confirmation", async () => {
    const { user, record } = await openFiles();
    await user.upload(
      within(record).getByLabelText("Upload files"),
      file([PDF], "offer.pdf", { type: "application/pdf" }),
    );
    const list = await within(record).findByRole("list", { name: "Files" });
    await user.click(within(list).getByRole("button", { name: "Delete offer.pdf" }));
    await user.click(within(list).getByRole("button", { name: "Delete offer.pdf for good" }));
    expect(await within(record).findByText("No files on this customer yet.")).toBeInTheDocument();
    expect(await files()).toHaveLength(0);
  });
});

const withAttachments = (attachments: TestAttachment[]) => ({
  from: JONAS,
  subject: "Signed order",
  internetMessageId: `<signed-${Math.random()}@fabrikam.com>`,
  attachments,
});

describe("keep attachments when logging an email", () => {
  it("offers the check box only for messages with attachments of their own", async () => {
    renderPane(
      withAttachments([{ name: "logo.png", contentType: "image/png", content: "iVBORw0KGgo=", isInline: true }]),
    );
    await screen.findByRole("button", { name: "Log this email" });
    expect(screen.queryByRole("checkbox", { name: /Keep attachments/ })).not.toBeInTheDocument();
  });

  it("keeps the ticked message's files (a PDF, an attached message as .eml) with the logged entry", async () => {
    const user = userEvent.setup();
    renderPane(
      withAttachments([
        { name: "Order 4711.pdf", contentType: "application/pdf", content: pdfBase64 },
        { name: "logo.png", contentType: "image/png", content: "iVBORw0KGgo=", isInline: true },
        {
          name: "Original request",
          contentType: "",
          content: "From: jonas@fabrikam.com\r\nSubject: Request\r\n\r\nHi",
          kind: "item",
        },
        { name: "Drawings", contentType: "", content: "https://contoso.sharepoint.com/x", kind: "cloud" },
      ]),
    );
    const box = await screen.findByRole("checkbox", { name: "Keep attachments (2)" });
    expect(box).not.toBeChecked();
    expect(screen.getByText("Not kept, links to cloud files: Drawings")).toBeInTheDocument();
    await user.click(box);
    await user.click(await findEnabledButton("Log this email"));

    const report = await screen.findByRole("list", { name: "Attachments of this email" });
    await waitFor(() => expect(report).toHaveTextContent("Order 4711.pdf: kept in the CRM"));
    await waitFor(() => expect(report).toHaveTextContent("Original request: kept in the CRM"));
    const entryId = (await crm.read(`/api/customers/${crm.customers.fabrikam.id}/email-log`)).items[0].id;
    expect((await files()).map(({ fileName, contentType, on }: any) => ({ fileName, contentType, on: on.id }))).toEqual(
      expect.arrayContaining([
        { fileName: "Order 4711.pdf", contentType: "application/pdf", on: entryId },
        { fileName: "Original request.eml", contentType: "message/rfc822", on: entryId },
      ]),
    );
    expect(await files()).toHaveLength(2);
  });

  it("logs without them when the box is not ticked, and offers to keep them afterwards", async () => {
    const user = userEvent.setup();
    renderPane(withAttachments([{ name: "Order 4711.pdf", contentType: "application/pdf", content: pdfBase64 }]));
    await user.click(await findEnabledButton("Log this email"));
    // The fake's answer named no one, so the status read only "✓ Logged"; the service's names who and when
    // ("✓ Logged by Alice Wagner, <day and time>").
    expect(await screen.findByRole("status")).toHaveTextContent("✓ Logged");
    expect(await files()).toHaveLength(0);
    await user.click(screen.getByRole("button", { name: "Keep attachments (1)" }));
    await waitFor(async () => expect(await files()).toHaveLength(1));
  });

  it("reports a file that failed by name and keeps it on retry, without duplicating the others", async () => {
    const user = userEvent.setup();
    renderPane(
      withAttachments([
        { name: "Order 4711.pdf", contentType: "application/pdf", content: pdfBase64 },
        { name: "Terms.pdf", contentType: "application/pdf", content: pdfBase64, failures: 1 },
        // Over the limit: not read from Outlook, not sent, not retried.
        { name: "Scan.pdf", contentType: "application/pdf", content: pdfBase64, size: 11 * 1024 * 1024 },
        // Outlook calls it a PDF; the bytes say otherwise, and the service refuses it.
        { name: "setup.pdf", contentType: "application/pdf", content: Buffer.from("MZ\x90\x00").toString("base64") },
      ]),
    );
    await user.click(await screen.findByRole("checkbox", { name: "Keep attachments (4)" }));
    await user.click(await findEnabledButton("Log this email"));
    const alert = await screen.findByRole("alert");
    // The real service answers each file in its own time: the count settles when all have answered.
    await waitFor(() => expect(alert).toHaveTextContent("3 attachments were not kept."));
    const report = screen.getByRole("list", { name: "Attachments of this email" });
    expect(report).toHaveTextContent("Order 4711.pdf: kept in the CRM");
    expect(report).toHaveTextContent(
      "Terms.pdf: not kept. Outlook could not give the message: The connection to the mail server was lost",
    );
    expect(report).toHaveTextContent(
      "setup.pdf: not kept. setup.pdf: the content is not application/pdf, as it was declared",
    );

    await user.click(within(alert).getByRole("button", { name: "Try again" }));
    await waitFor(() => expect(report).toHaveTextContent("Terms.pdf: kept in the CRM"));
    await waitFor(() => expect(screen.getByRole("alert")).toHaveTextContent("2 attachments were not kept."));
    expect(report).toHaveTextContent("Scan.pdf: not kept. Scan.pdf is larger than 10 MiB, the limit per file");
    // Same name and content as before are not sent twice: Order 4711.pdf was kept once.
    expect((await files()).map((stored: { fileName: string }) => stored.fileName).sort()).toEqual([
      "Order 4711.pdf",
      "Terms.pdf",
    ]);
  });
});
