import { screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { ok } from "./support/crm-world";
import { type TestMessage, createOutlookMock } from "./support/office-mock";
import { JONAS, openRecordTab, renderPane, useCrm } from "./support/render-pane";
import { readPdf } from "../support/pdf-text";

const crm = useCrm();

/** A quote for Fabrikam made through the API by the pane's user, with text a mail must not run as markup. */
async function fabrikamQuote(extra: Record<string, unknown> = {}) {
  return ok(
    (await crm.as(crm.me)).post("/api/quotes", {
      customerId: crm.customers.fabrikam.id,
      title: "Pumps <b>for</b> line 3",
      validUntil: "2027-01-31",
      lines: [
        {
          item: "PUMP-200",
          description: '<img src=x onerror="window.__pwned=1"> \u202Egnp.exe',
          quantity: "2",
          unitPrice: "17.50",
          discountPercent: "10",
        },
        { item: "SEAL-KIT", quantity: "1.5", unitPrice: "0.99" },
      ],
      ...extra,
    }),
    201,
    "quote",
  );
}

async function openQuotes(message: TestMessage) {
  const user = userEvent.setup();
  const view = renderPane(message);
  const record = await screen.findByRole("article", { name: /Customer record/ });
  await openRecordTab(user, record, "Quotes");
  const panel = await screen.findByRole("tabpanel", { name: "Quotes" });
  return { user, panel, outlook: view.outlook };
}

const replyToJonas = (bodyType: "html" | "text"): TestMessage => ({
  from: JONAS,
  subject: "RE: Prices",
  compose: { bodyType },
  html: "<p>Dear Jonas,</p>",
  text: "Dear Jonas,\n",
});

describe("a quote outside the pane", () => {
  it("saves the PDF the service printed, fetched with the token, under the document's number", async () => {
    const quote = await fabrikamQuote();
    const clicked: { download: string }[] = [];
    const click = jest.spyOn(HTMLAnchorElement.prototype, "click").mockImplementation(function (
      this: HTMLAnchorElement,
    ) {
      clicked.push({ download: this.download });
    });
    const created = jest.spyOn(URL, "createObjectURL");
    try {
      const { user, panel } = await openQuotes({ from: JONAS, subject: "Prices" });
      const item = await within(panel).findByRole("listitem", { name: `Q-${quote.number}` });
      await user.click(within(item).getByRole("button", { name: `PDF of Q-${quote.number}` }));
      await waitFor(() => expect(clicked).toHaveLength(1));
      expect(clicked[0]!.download).toBe(`quote-Q-${quote.number}.pdf`);
      const pdf = await readPdf(new Uint8Array(await (created.mock.calls[0]![0] as Blob).arrayBuffer()));
      expect(pdf.text).toContain("Fabrikam, Inc.");
      expect(pdf.text.replace(/\s+/g, "")).toContain("Total€32.99");
      expect(crm.requests.some((request) => request.path === `/api/quotes/${quote.id}/pdf`)).toBe(true);
    } finally {
      click.mockRestore();
      created.mockRestore();
    }
  });

  it("offers no insert while reading a message: there is nothing to write into", async () => {
    const quote = await fabrikamQuote();
    const { panel } = await openQuotes({ from: JONAS, subject: "Prices" });
    const item = await within(panel).findByRole("listitem", { name: `Q-${quote.number}` });
    expect(within(item).getByRole("button", { name: `PDF of Q-${quote.number}` })).toBeInTheDocument();
    expect(within(panel).queryByRole("button", { name: /Insert/ })).not.toBeInTheDocument();
  });

  it("inserts an open quote's summary as an HTML table at the cursor of the reply, markup in it escaped", async () => {
    const quote = await fabrikamQuote();
    const { user, panel, outlook } = await openQuotes(replyToJonas("html"));
    const item = await within(panel).findByRole("listitem", { name: `Q-${quote.number}` });
    await user.click(await within(item).findByRole("button", { name: `Insert Q-${quote.number} into message` }));
    expect(await within(item).findByRole("status")).toHaveTextContent(`Q-${quote.number} is in your message.`);

    const draft = outlook.draft()!;
    // At the cursor (the start of the body), before what the user had written.
    expect(draft.content.endsWith("<p>Dear Jonas,</p>")).toBe(true);
    const inserted = new DOMParser().parseFromString(draft.content, "text/html");
    const rows = [...inserted.querySelectorAll("tr")].map((row) =>
      [...row.querySelectorAll("th, td")].map((cell) => cell.textContent),
    );
    expect(rows).toEqual([
      ["Item", "Description", "Qty", "Unit price", "Discount", "Total"],
      ["PUMP-200", '<img src=x onerror="window.__pwned=1"> gnp.exe', "2", "€17.50", "10 %", "€31.50"],
      ["SEAL-KIT", "", "1.5", "€0.99", "", "€1.49"],
      ["Subtotal", "€36.49"],
      ["Discount", "€3.50"],
      ["Total", "€32.99"],
    ]);
    expect(inserted.body.textContent).toContain(`Quote Q-${quote.number}: Pumps <b>for</b> line 3`);
    expect(inserted.body.textContent).toContain("Valid until January 31, 2027");
    // Text, never markup: no element but the summary's own, no inline style Outlook would drop.
    expect(inserted.querySelector("img, b b, [onerror], [style]")).toBeNull();
    expect(draft.content).not.toMatch(/\u202E/);
  });

  it("inserts plain text into a plain-text reply, which refuses HTML", async () => {
    const quote = await fabrikamQuote();
    const { user, panel, outlook } = await openQuotes(replyToJonas("text"));
    const item = await within(panel).findByRole("listitem", { name: `Q-${quote.number}` });
    await user.click(await within(item).findByRole("button", { name: `Insert Q-${quote.number} into message` }));
    expect(await within(item).findByRole("status")).toHaveTextContent("is in your message as plain text.");
    const { content } = outlook.draft()!;
    expect(content).not.toContain("<table");
    expect(content).toContain("2 × PUMP-200");
    expect(content).toContain("Total: €32.99");
    expect(content.endsWith("Dear Jonas,\n")).toBe(true);
  });

  it("offers no insert for a quote that is no longer open", async () => {
    const quote = await fabrikamQuote();
    await ok(
      (await crm.as(crm.me)).patch(`/api/quotes/${quote.id}`, { version: 1, status: "CANCELLED" }),
      200,
      "cancel",
    );
    const { panel } = await openQuotes(replyToJonas("html"));
    const item = await within(panel).findByRole("listitem", { name: `Q-${quote.number}` });
    expect(within(item).getByRole("button", { name: `PDF of Q-${quote.number}` })).toBeInTheDocument();
    expect(within(item).queryByRole("button", { name: /Insert/ })).not.toBeInTheDocument();
  });
});

describe("the Outlook fake refuses what Outlook refuses", () => {
  it("has no way to write into a message being read", async () => {
    const outlook = createOutlookMock({ from: JONAS, subject: "Prices" });
    await expect(outlook.mailbox.insertAtCursor({ html: "<p>x</p>", text: "x" })).rejects.toMatchObject({
      name: "MailboxError",
      code: "not-available",
    });
    const body = (outlook.office.context.mailbox.item as unknown as { body: Record<string, unknown> }).body;
    expect(body.setSelectedDataAsync).toBeUndefined();
  });

  it("refuses HTML into a plain-text body and data over 1,000,000 characters", async () => {
    const outlook = createOutlookMock(replyToJonas("text"));
    const body = (outlook.office.context.mailbox.item as unknown as { body: Office.Body }).body;
    const attempt = (data: string, coercionType: Office.CoercionType) =>
      new Promise<Office.AsyncResult<void>>((resolve) => body.setSelectedDataAsync(data, { coercionType }, resolve));
    expect((await attempt("<b>x</b>", "html" as Office.CoercionType)).error).toMatchObject({
      name: "InvalidFormatError",
    });
    expect((await attempt("x".repeat(1_000_001), "text" as Office.CoercionType)).error).toMatchObject({
      name: "DataExceedsMaximumSize",
    });
    expect(outlook.draft()!.content).toBe("Dear Jonas,\n");
  });
});
