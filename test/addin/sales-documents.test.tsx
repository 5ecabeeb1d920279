import { screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { MIA, ok } from "./support/crm-world";
import { GIULIA, JONAS, renderPane, useCrm, openRecordTab } from "./support/render-pane";

const crm = useCrm();

/** A special price for Fabrikam, set by the accounts department (prices:manage) through the API. */
async function withSpecialPrice(fields: Record<string, string | null> = {}) {
  const mia = await crm.as(MIA);
  await ok(
    mia.post(`/api/customers/${crm.customers.fabrikam.id}/special-prices`, {
      item: "PUMP-200",
      description: "Framework agreement",
      currency: "EUR",
      unitPrice: "17.50",
      discountPercent: "10",
      validFrom: null,
      validUntil: null,
      ...fields,
    }),
    201,
    "special price",
  );
}
const ofFabrikam = async (path: string) => (await crm.read(`${path}?customerId=${crm.customers.fabrikam.id}`)).items;
const quotes = () => ofFabrikam("/api/quotes");
const orders = () => ofFabrikam("/api/orders");
const specialPrices = async () => (await crm.read(`/api/customers/${crm.customers.fabrikam.id}/special-prices`)).items;

async function openQuotesTab(from = JONAS) {
  const user = userEvent.setup();
  renderPane({ from, subject: "Prices" });
  const record = await screen.findByRole("article", { name: /Customer record/ });
  await openRecordTab(user, record, "Quotes");
  const panel = await screen.findByRole("tabpanel", { name: "Quotes" });
  await within(panel).findByRole("region", { name: "Special prices" });
  return { user, panel };
}

const line = (form: HTMLElement, number: number) => within(form).getByRole("group", { name: `Line ${number}` });
const field = (scope: HTMLElement, label: string) => within(scope).getByRole("textbox", { name: label });

// Quote and order numbers are the service's own sequences, one each, from 1 (Q-1, SO-1); the fake
// counted both from 1001 in one sequence (Q-1001, then SO-1002).
describe("quotes and orders in the record", () => {
  it("creates a quote whose price comes from the special price, with live totals the service agrees with", async () => {
    await withSpecialPrice();
    const { user, panel } = await openQuotesTab();
    expect(within(panel).getByText("No quotes or orders.")).toBeInTheDocument();

    await user.click(within(panel).getByRole("button", { name: "New quote" }));
    const form = within(panel).getByRole("form", { name: "New quote" });
    await user.type(field(form, "Title"), "Pumps for line 3");
    await user.type(field(line(form, 1), "Item"), "PUMP-200");
    expect(field(line(form, 1), "Unit price")).toHaveValue("17.50");
    expect(field(line(form, 1), "Discount %")).toHaveValue("10");
    expect(within(line(form, 1)).getByText("Special price")).toBeInTheDocument();
    await user.clear(field(line(form, 1), "Quantity"));
    await user.type(field(line(form, 1), "Quantity"), "2");
    expect(within(line(form, 1)).getByText("Line total €31.50")).toBeInTheDocument();

    await user.click(within(form).getByRole("button", { name: "Add line" }));
    await user.type(field(line(form, 2), "Item"), "SEAL-KIT");
    expect(field(line(form, 2), "Unit price")).toHaveValue("");
    await user.clear(field(line(form, 2), "Quantity"));
    await user.type(field(line(form, 2), "Quantity"), "1.5");
    await user.type(field(line(form, 2), "Unit price"), "0.99");
    // 1.5 × 0.99 = 1.485, rounded half up once per line like the service: 1.49.
    expect(within(line(form, 2)).getByText("Line total €1.49")).toBeInTheDocument();
    expect(within(form).getByRole("status", { name: "Totals" })).toHaveTextContent(
      "Subtotal €36.49 · Discount €3.50 · Total €32.99",
    );

    await user.click(within(form).getByRole("button", { name: "Create quote" }));
    const quote = await within(panel).findByRole("listitem", { name: "Q-1" });
    expect(within(quote).getByText(/Pumps for line 3/)).toBeInTheDocument();
    expect(within(quote).getByText("open")).toBeInTheDocument();
    expect(within(quote).getByText(/€32\.99/)).toBeInTheDocument();
    // The service stored what the pane showed.
    expect((await quotes())[0]!.totals).toEqual({ subtotal: "36.49", discount: "3.50", total: "32.99" });
    const sent = crm.requests.find((request) => request.method === "POST" && request.path === "/api/quotes");
    expect(sent?.body).toMatchObject({
      lines: [
        { item: "PUMP-200", quantity: "2", unitPrice: "17.50", discountPercent: "10" },
        { item: "SEAL-KIT", quantity: "1.5", unitPrice: "0.99" },
      ],
    });
  });

  it("does not prefill a special price that is not valid today or in another currency", async () => {
    await withSpecialPrice({ validUntil: "2025-12-31" });
    await withSpecialPrice({ item: "VALVE", currency: "USD", unitPrice: "3.00" });
    const { user, panel } = await openQuotesTab();
    await user.click(within(panel).getByRole("button", { name: "New quote" }));
    const form = within(panel).getByRole("form", { name: "New quote" });
    await user.type(field(line(form, 1), "Item"), "PUMP-200");
    expect(field(line(form, 1), "Unit price")).toHaveValue("");
    await user.clear(field(line(form, 1), "Item"));
    await user.type(field(line(form, 1), "Item"), "VALVE");
    expect(field(line(form, 1), "Unit price")).toHaveValue("");
    await user.clear(field(form, "Currency"));
    await user.type(field(form, "Currency"), "USD");
    expect(field(line(form, 1), "Unit price")).toHaveValue("3.00");
  });

  it("shows the service's 400s next to the line fields and keeps what was typed", async () => {
    const { user, panel } = await openQuotesTab();
    await user.click(within(panel).getByRole("button", { name: "New quote" }));
    const form = within(panel).getByRole("form", { name: "New quote" });
    await user.type(field(line(form, 1), "Item"), "GEARBOX");
    await user.click(within(form).getByRole("button", { name: "Add line" }));
    await user.type(field(line(form, 2), "Item"), "BOLT");
    await user.clear(field(line(form, 2), "Quantity"));
    await user.type(field(line(form, 2), "Quantity"), "0");
    await user.type(field(line(form, 2), "Unit price"), "1");
    expect(within(line(form, 2)).getByText("Line total –")).toBeInTheDocument();
    await user.click(within(form).getByRole("button", { name: "Create quote" }));

    expect(await within(line(form, 2)).findByText("must be more than 0")).toBeInTheDocument();
    await user.clear(field(line(form, 2), "Quantity"));
    await user.type(field(line(form, 2), "Quantity"), "4");
    await user.click(within(form).getByRole("button", { name: "Create quote" }));
    expect(
      await within(line(form, 1)).findByText(
        "no special price for item GEARBOX in EUR on " + new Date().toISOString().slice(0, 10) + "; enter a unit price",
      ),
    ).toBeInTheDocument();
    expect(field(line(form, 1), "Item")).toHaveValue("GEARBOX");
    expect(await quotes()).toEqual([]);
  });

  it("converts a quote to an order, edits the order while open and cancels it", async () => {
    await withSpecialPrice();
    const { user, panel } = await openQuotesTab();
    await user.click(within(panel).getByRole("button", { name: "New quote" }));
    const form = within(panel).getByRole("form", { name: "New quote" });
    await user.type(field(line(form, 1), "Item"), "PUMP-200");
    await user.click(within(form).getByRole("button", { name: "Create quote" }));
    const quote = await within(panel).findByRole("listitem", { name: "Q-1" });

    await user.click(within(quote).getByRole("button", { name: "Convert Q-1 to order" }));
    const order = await within(panel).findByRole("listitem", { name: "SO-1" });
    expect(within(within(panel).getByRole("listitem", { name: "Q-1" })).getByText("converted")).toBeInTheDocument();
    expect(within(panel).queryByRole("button", { name: "Edit Q-1" })).not.toBeInTheDocument();
    expect(within(order).getByText(/€15\.75/)).toBeInTheDocument();

    await user.click(within(order).getByRole("button", { name: "Edit SO-1" }));
    const editor = within(panel).getByRole("form", { name: "Edit order SO-1" });
    expect(field(editor, "Currency")).toBeDisabled();
    await user.clear(field(line(editor, 1), "Quantity"));
    await user.type(field(line(editor, 1), "Quantity"), "3");
    await user.click(within(editor).getByRole("button", { name: "Save order" }));
    await waitFor(() => expect(within(panel).getByRole("listitem", { name: "SO-1" })).toHaveTextContent("€47.25"));

    await user.click(within(panel).getByRole("button", { name: "Cancel SO-1" }));
    // A cancelled order never changes again: nothing is sent before the second click.
    expect((await orders())[0]).toMatchObject({ status: "OPEN" });
    await user.click(within(panel).getByRole("button", { name: "Confirm: cancel SO-1" }));
    await waitFor(() =>
      expect(within(within(panel).getByRole("listitem", { name: "SO-1" })).getByText("cancelled")).toBeInTheDocument(),
    );
    expect((await orders())[0]).toMatchObject({ status: "CANCELLED", totals: { total: "47.25" } });
    expect(within(panel).queryByRole("button", { name: "Edit SO-1" })).not.toBeInTheDocument();
  });

  it("enters an order taken by phone directly, priced like a quote, without a quote first", async () => {
    await withSpecialPrice();
    const { user, panel } = await openQuotesTab();
    await user.click(within(panel).getByRole("button", { name: "New order" }));
    const form = within(panel).getByRole("form", { name: "New order" });
    expect(within(form).queryByLabelText("Valid until")).not.toBeInTheDocument();
    await user.type(field(form, "Title"), "Phone order");
    await user.type(field(line(form, 1), "Item"), "PUMP-200");
    expect(field(line(form, 1), "Unit price")).toHaveValue("17.50");
    await user.clear(field(line(form, 1), "Quantity"));
    await user.type(field(line(form, 1), "Quantity"), "2");
    await user.click(within(form).getByRole("button", { name: "Create order" }));

    const order = await within(panel).findByRole("listitem", { name: "SO-1" });
    expect(within(order).getByText(/Phone order/)).toBeInTheDocument();
    expect(within(order).getByText("open")).toBeInTheDocument();
    expect(within(order).getByText(/€31\.50/)).toBeInTheDocument();
    expect(within(panel).queryByRole("form", { name: "New order" })).not.toBeInTheDocument();
    expect(await quotes()).toEqual([]);
    expect((await orders())[0]).toMatchObject({ quoteId: null, currency: "EUR", totals: { total: "31.50" } });
    const sent = crm.requests.find((request) => request.method === "POST" && request.path === "/api/orders");
    expect(sent?.body).toMatchObject({
      customerId: crm.customers.fabrikam.id,
      title: "Phone order",
      lines: [{ item: "PUMP-200", quantity: "2", unitPrice: "17.50", discountPercent: "10" }],
    });
  });

  it("shows the service's refusal when the customer may no longer receive orders", async () => {
    const { user, panel } = await openQuotesTab();
    await user.click(within(panel).getByRole("button", { name: "New order" }));
    const form = within(panel).getByRole("form", { name: "New order" });
    await user.type(field(line(form, 1), "Item"), "VALVE");
    await user.type(field(line(form, 1), "Unit price"), "3");
    // Changed by a colleague after the pane loaded the record.
    const mia = await crm.as(MIA);
    const fabrikam = await crm.read(`/api/customers/${crm.customers.fabrikam.id}`);
    await ok(
      mia.patch(`/api/customers/${crm.customers.fabrikam.id}`, {
        status: 2,
        version: (fabrikam.customer ?? fabrikam).version,
      }),
      200,
      "status 2",
    );
    await user.click(within(form).getByRole("button", { name: "Create order" }));
    expect(
      await within(form).findByText(
        /This customer may not receive quotes or orders: it has status 2; only status 1 \(customer\) may receive quotes and orders/,
      ),
    ).toBeInTheDocument();
    expect(await orders()).toEqual([]);
  });

  it("closes an open order only after a confirmation, and a closed order is read-only", async () => {
    const { user, panel } = await openQuotesTab();
    await user.click(within(panel).getByRole("button", { name: "New order" }));
    const form = within(panel).getByRole("form", { name: "New order" });
    await user.type(field(line(form, 1), "Item"), "VALVE");
    await user.type(field(line(form, 1), "Unit price"), "3");
    await user.click(within(form).getByRole("button", { name: "Create order" }));
    const order = await within(panel).findByRole("listitem", { name: "SO-1" });

    await user.click(within(order).getByRole("button", { name: "Close SO-1" }));
    expect((await orders())[0]!.status).toBe("OPEN");
    await user.click(within(order).getByRole("button", { name: "Keep SO-1 open" }));
    expect(within(order).queryByRole("button", { name: "Confirm: close SO-1" })).not.toBeInTheDocument();
    expect((await orders())[0]!.status).toBe("OPEN");

    await user.click(within(order).getByRole("button", { name: "Close SO-1" }));
    await user.click(within(order).getByRole("button", { name: "Confirm: close SO-1" }));
    const closed = within(panel).getByRole("listitem", { name: "SO-1" });
    expect(await within(closed).findByText("closed")).toBeInTheDocument();
    // Read-only, still printable.
    expect(
      within(closed)
        .getAllByRole("button")
        .map((button) => button.textContent),
    ).toEqual(["PDF of SO-1"]);
    expect((await orders())[0]).toMatchObject({ status: "CLOSED", version: 2 });
    const sent = crm.requests.filter((request) => request.method === "PATCH");
    expect(sent.map((request) => request.body)).toEqual([{ version: 1, status: "CLOSED" }]);
  });

  it("says why an order that is no longer open cannot be closed", async () => {
    const { user, panel } = await openQuotesTab();
    await user.click(within(panel).getByRole("button", { name: "New order" }));
    const form = within(panel).getByRole("form", { name: "New order" });
    await user.type(field(line(form, 1), "Item"), "VALVE");
    await user.type(field(line(form, 1), "Unit price"), "3");
    await user.click(within(form).getByRole("button", { name: "Create order" }));
    const order = await within(panel).findByRole("listitem", { name: "SO-1" });
    // Cancelled by a colleague after the pane loaded the list.
    const placed = (await orders())[0]!;
    await ok(
      (await crm.as(MIA)).patch(`/api/orders/${placed.id}`, { status: "CANCELLED", version: placed.version }),
      200,
      "cancelling",
    );

    await user.click(within(order).getByRole("button", { name: "Close SO-1" }));
    await user.click(within(order).getByRole("button", { name: "Confirm: close SO-1" }));
    expect(await within(panel).findByRole("alert")).toHaveTextContent(
      "Order SO-1 is CANCELLED; only an open order can be changed",
    );
    expect((await orders())[0]!.status).toBe("CANCELLED");
  });

  it("explains why a customer may not receive quotes instead of offering the editor", async () => {
    const { panel } = await openQuotesTab(GIULIA);
    expect(within(panel).queryByRole("button", { name: "New quote" })).not.toBeInTheDocument();
    expect(within(panel).queryByRole("button", { name: "New order" })).not.toBeInTheDocument();
    expect(
      within(panel).getByText(
        /This customer may not receive quotes or orders: it has status 3; only status 1 \(customer\) may receive quotes and orders, and it is RELEASED; it must be approved \(ACTIVE\)/,
      ),
    ).toBeInTheDocument();
  });
});

describe("special prices in the record", () => {
  it("are read-only for salesmen", async () => {
    await withSpecialPrice();
    const { panel } = await openQuotesTab();
    const prices = within(panel).getByRole("region", { name: "Special prices" });
    const price = within(prices).getByRole("listitem", { name: "Special price PUMP-200 EUR" });
    expect(price).toHaveTextContent("PUMP-200 · €17.50 less 10%");
    expect(price).toHaveTextContent("Framework agreement · always valid");
    expect(within(prices).queryByRole("button")).not.toBeInTheDocument();
  });

  it("are added, changed and deleted by managers, with field errors at the field", async () => {
    crm.me.role = "MANAGER";
    const { user, panel } = await openQuotesTab();
    const prices = within(panel).getByRole("region", { name: "Special prices" });
    await user.click(within(prices).getByRole("button", { name: "Add special price" }));
    const form = within(prices).getByRole("form", { name: "New special price" });
    await user.type(field(form, "Item"), "VALVE");
    await user.type(field(form, "Unit price"), "-3");
    await user.click(within(form).getByRole("button", { name: "Save special price" }));
    expect(await within(form).findByText(/must be a non-negative decimal number/)).toBeInTheDocument();
    await user.clear(field(form, "Unit price"));
    await user.type(field(form, "Unit price"), "3.5");
    await user.click(within(form).getByRole("button", { name: "Save special price" }));
    const price = await within(prices).findByRole("listitem", { name: "Special price VALVE EUR" });
    expect(price).toHaveTextContent("VALVE · €3.50");

    await user.click(within(price).getByRole("button", { name: "Edit VALVE EUR" }));
    const editor = within(prices).getByRole("form", { name: "Edit special price VALVE" });
    await user.clear(field(editor, "Unit price"));
    await user.type(field(editor, "Unit price"), "3.25");
    await user.click(within(editor).getByRole("button", { name: "Save special price" }));
    await waitFor(() =>
      expect(within(prices).getByRole("listitem", { name: "Special price VALVE EUR" })).toHaveTextContent("€3.25"),
    );
    expect((await specialPrices())[0]).toMatchObject({ unitPrice: "3.25", version: 2 });

    await user.click(within(prices).getByRole("button", { name: "Delete VALVE EUR" }));
    expect(await within(prices).findByText("No special prices.")).toBeInTheDocument();
    expect(await specialPrices()).toEqual([]);
  });
});
