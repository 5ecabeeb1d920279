import type { Locator, Page } from "playwright-core";
import { sampleEmails } from "../../demo/demo-host/sample-emails";
import { describeBrowser, expectVisible, openEmail, pane, useDemoBrowser } from "./support/demo-browser";

// Quotes and orders in the built pane against the real service and the demo data: Northwind
// Traders (status 1, approved) has special prices; Tailspin Toys (status 3, New) is refused.
const NANCY = "nancy.davolio@northwindtraders.com";
const nancysEmail = sampleEmails("alice@contoso.com").find((message) => message.from?.email === NANCY)!;

describeBrowser("quotes and orders in a real browser", () => {
  const demo = useDemoBrowser();

  /** The demo host with one email open and the record's Quotes tab chosen. */
  async function quotesTabFor(sender: string, subject: string, customer: string): Promise<[Page, Locator]> {
    const page = await demo.openDemoHost();
    await openEmail(page, sender, subject);
    const record = pane(page).getByRole("article", { name: `Customer record ${customer}` });
    await record.getByRole("tab", { name: "Quotes" }).click();
    const panel = record.getByRole("tabpanel", { name: "Quotes" });
    await expectVisible(panel.getByRole("region", { name: "Special prices" }));
    return [page, panel];
  }

  it("creates a quote with a special price, converts it to an order, and the service stored it", async () => {
    const [page, panel] = await quotesTabFor("Nancy Davolio", nancysEmail.subject, "Northwind Traders");
    // The demo's own quote and special prices.
    await expectVisible(panel.getByText(/Pumps for the new warehouse/));
    await expectVisible(panel.getByRole("listitem", { name: "Special price PUMP-200 EUR" }));

    await panel.getByRole("button", { name: "New quote" }).click();
    const form = panel.getByRole("form", { name: "New quote" });
    await form.getByLabel("Title").fill("Browser quote");
    const first = form.getByRole("group", { name: "Line 1" });
    await first.getByLabel("Item").fill("PUMP-200");
    expect(await first.getByLabel("Unit price").inputValue()).toBe("17.50");
    expect(await first.getByLabel("Discount %").inputValue()).toBe("5");
    await first.getByLabel("Quantity").fill("3");
    await form.getByRole("button", { name: "Add line" }).click();
    const second = form.getByRole("group", { name: "Line 2" });
    await second.getByLabel("Item").fill("GASKET");
    await second.getByLabel("Quantity").fill("2");
    await second.getByLabel("Unit price").fill("4.10");
    // 3 × 17.50 less 5 % = 49.875 → 49.88 (half up), + 8.20.
    await expectVisible(form.getByText("Total €58.08", { exact: false }));
    await form.getByRole("button", { name: "Create quote" }).click();

    const quote = panel.getByRole("listitem").filter({ hasText: "Browser quote" });
    await expectVisible(quote.getByText("open"));
    await quote.getByRole("button", { name: /^Convert Q-\d+ to order$/ }).click();
    await expectVisible(panel.getByRole("listitem", { name: /^SO-\d+$/ }).filter({ hasText: "Browser quote" }));

    const alice = await demo.stack.as("alice@contoso.com");
    const northwind = (await alice.get("/api/customers?search=Northwind")).body.items[0];
    const orders = (await alice.get(`/api/orders?customerId=${northwind.id}`)).body.items;
    const order = orders.find((candidate: { title: string }) => candidate.title === "Browser quote");
    expect(order).toMatchObject({
      status: "OPEN",
      currency: "EUR",
      lines: [
        { item: "PUMP-200", quantity: "3", unitPrice: "17.50", discountPercent: "5", lineTotal: "49.88" },
        { item: "GASKET", quantity: "2", unitPrice: "4.10", discountPercent: "0", lineTotal: "8.20" },
      ],
      totals: { subtotal: "60.70", discount: "2.62", total: "58.08" },
    });
    const converted = (await alice.get(`/api/quotes/${order.quoteId}`)).body;
    expect(converted).toMatchObject({ status: "CONVERTED", orderId: order.id, title: "Browser quote" });
    await page.close();
  });

  it("enters a phone order directly and closes it after a second click", async () => {
    const [page, panel] = await quotesTabFor("Nancy Davolio", nancysEmail.subject, "Northwind Traders");
    await panel.getByRole("button", { name: "New order" }).click();
    const form = panel.getByRole("form", { name: "New order" });
    await form.getByLabel("Title").fill("Phone order");
    const line = form.getByRole("group", { name: "Line 1" });
    await line.getByLabel("Item").fill("GASKET");
    await line.getByLabel("Quantity").fill("10");
    await line.getByLabel("Unit price").fill("4.10");
    await form.getByRole("button", { name: "Create order" }).click();

    const order = panel.getByRole("listitem", { name: /^SO-\d+$/ }).filter({ hasText: "Phone order" });
    await expectVisible(order.getByText("open"));
    await order.getByRole("button", { name: /^Close SO-\d+$/ }).click();
    await order.getByRole("button", { name: /^Confirm: close SO-\d+$/ }).click();
    await expectVisible(order.getByText("closed"));
    // Closed: nothing to change any more; only its PDF can still be had.
    const buttons = order.getByRole("button");
    expect(await buttons.count()).toBe(1);
    expect(await buttons.first().textContent()).toMatch(/^PDF of SO-\d+$/);

    const alice = await demo.stack.as("alice@contoso.com");
    const northwind = (await alice.get("/api/customers?search=Northwind")).body.items[0];
    const orders = (await alice.get(`/api/orders?customerId=${northwind.id}`)).body.items;
    expect(orders.find((candidate: { title: string }) => candidate.title === "Phone order")).toMatchObject({
      status: "CLOSED",
      quoteId: null,
      totals: { total: "41.00" },
    });
    await page.close();
  });

  it("lends equipment as a loaner order and takes it back, the demo's overdue one flagged on the record", async () => {
    const page = await demo.openDemoHost();
    await openEmail(page, "Nancy Davolio", nancysEmail.subject);
    const record = pane(page).getByRole("article", { name: "Customer record Northwind Traders" });
    // The demo's loaner, due back five days ago, on the overview.
    const open = record.getByRole("list", { name: "Open loaners" });
    const demoLoaner = open.getByRole("listitem").filter({ hasText: "Demo pumps for the trial run" });
    await expectVisible(demoLoaner.getByText("overdue"));

    await record.getByRole("tab", { name: "Quotes" }).click();
    const panel = record.getByRole("tabpanel", { name: "Quotes" });
    await panel.getByRole("button", { name: "New order" }).click();
    const form = panel.getByRole("form", { name: "New order" });
    await form.getByLabel("Order type").selectOption("LOANER");
    const dueBackOn = new Date(Date.now() + 14 * 86_400_000).toISOString().slice(0, 10);
    await form.getByLabel("Due back on").fill(dueBackOn);
    await form.getByLabel("Title").fill("Browser loaner");
    const line = form.getByRole("group", { name: "Line 1" });
    await line.getByLabel("Item").fill("PUMP-200");
    await line.getByLabel("Quantity").fill("1");
    await line.getByLabel("Unit price").fill("0");
    await form.getByRole("button", { name: "Create order" }).click();

    const loaner = panel.getByRole("listitem", { name: /^SO-\d+$/ }).filter({ hasText: "Browser loaner" });
    await expectVisible(loaner.getByText(/due back/));
    // A loaner is not closed by a plain close: it is returned.
    expect(await loaner.getByRole("button", { name: /^Close SO-\d+$/ }).count()).toBe(0);
    await loaner.getByRole("button", { name: /^Return SO-\d+$/ }).click();
    const back = loaner.getByRole("form", { name: /^Return SO-\d+$/ });
    await back.getByLabel("Remark (optional)").fill("Complete, cleaned");
    await back.getByRole("button", { name: "Record return" }).click();
    await expectVisible(loaner.getByText("closed"));
    await expectVisible(loaner.getByText(/Returned on .* Complete, cleaned/));

    const alice = await demo.stack.as("alice@contoso.com");
    const northwind = (await alice.get("/api/customers?search=Northwind")).body.items[0];
    const orders = (await alice.get(`/api/orders?customerId=${northwind.id}`)).body.items;
    expect(orders.find((candidate: { title: string }) => candidate.title === "Browser loaner")).toMatchObject({
      type: "LOANER",
      status: "CLOSED",
      dueBackOn,
      loanerReturn: { remark: "Complete, cleaned", returnedBy: { email: "alice@contoso.com" } },
    });
    await page.close();
  });

  it("shows a refused customer the reason instead of the editor", async () => {
    const [page, panel] = await quotesTabFor("Giulia Conti", "Question about our open order", "Tailspin Toys");
    await expectVisible(panel.getByText(/This customer may not receive quotes or orders: it has status 3/));
    expect(await panel.getByRole("button", { name: "New quote" }).count()).toBe(0);
    await page.close();
  });
  it("keeps Northwind's own item codes and imports its order file after a dry run", async () => {
    // Alice becomes one of Northwind's salesmen, as its team would link her: cross-references and imports are the team's.
    const maria = await demo.stack.as("maria@contoso.com", "MANAGER");
    const alice = await demo.stack.as("alice@contoso.com");
    const found = (await maria.get("/api/customers?search=Northwind")).body.items[0];
    const northwind = (await maria.get(`/api/customers/${found.id}`)).body.customer;
    const linked = await maria.request("PUT", `/api/customers/${northwind.id}/salesmen`, {
      version: northwind.version,
      salesmanIds: [...northwind.salesmen.map((salesman: { id: string }) => salesman.id), await alice.id()],
    });
    expect(linked.status).toBe(200);

    const [page, panel] = await quotesTabFor("Nancy Davolio", nancysEmail.subject, "Northwind Traders");
    const codes = panel.getByRole("region", { name: "Customer's item codes" });
    await expectVisible(
      codes.getByRole("listitem", { name: "Customer code NW-44017" }).getByText("NW-44017 → PUMP-200"),
    );
    await codes.getByRole("button", { name: "Add customer code" }).click();
    const form = codes.getByRole("form", { name: "New customer item code" });
    await form.getByLabel("Customer's code").fill("NW-60001");
    await form.getByLabel("Our item code").fill("GASKET");
    await form.getByRole("button", { name: "Save customer code" }).click();
    await expectVisible(codes.getByRole("listitem", { name: "Customer code NW-60001" }));

    const importer = panel.getByRole("region", { name: "Import an order" });
    const file = importer.locator("input[type=file]");
    const csv = (lines: string[]) => Buffer.from(["reference;item;quantity;unitPrice", ...lines].join("\n"));
    await file.setInputFiles({
      name: "po.csv",
      mimeType: "text/csv",
      buffer: csv(["PO-B1;NW-44017;2;", "PO-B1;NOPE;1;1.00"]),
    });
    await importer.getByRole("button", { name: "Check file" }).click();
    await expectVisible(importer.getByText(/1 problems: nothing will be imported/));
    await expectVisible(importer.getByText(/^Line 3, item: there is no item NOPE/));
    expect(await importer.getByRole("button", { name: /^Import order/ }).count()).toBe(0);

    await importer.getByRole("button", { name: "Choose another file" }).click();
    await file.setInputFiles({
      name: "po.csv",
      mimeType: "text/csv",
      buffer: csv(["PO-B1;NW-44017;2;", "PO-B1;NW-60001;10;2.40"]),
    });
    await importer.getByRole("button", { name: "Check file" }).click();
    // 2 × 17.50 less 5 % = 33.25, + 24.00.
    await expectVisible(importer.getByText("Customer order PO-B1: 2 lines ready, total €57.25."));
    await importer.getByRole("button", { name: "Import order with 2 lines" }).click();
    await expectVisible(importer.getByText(/Customer order PO-B1: Imported as order SO-\d+\./));
    const imported = panel.getByRole("listitem", { name: /^SO-\d+$/ }).filter({ hasText: "Customer order PO-B1" });
    await expectVisible(imported.getByText("PUMP-200 (customer: NW-44017), GASKET (customer: NW-60001)"));

    const orders = (await alice.get(`/api/orders?customerId=${northwind.id}`)).body.items;
    expect(orders.filter((order: { title: string }) => order.title === "Customer order PO-B1")).toEqual([
      expect.objectContaining({
        lines: [
          expect.objectContaining({ item: "PUMP-200", customerItem: "NW-44017", lineTotal: "33.25" }),
          expect.objectContaining({ item: "GASKET", customerItem: "NW-60001", lineTotal: "24.00" }),
        ],
      }),
    ]);
    await page.close();
  });
});
