import type { ApiClient } from "../support/api-client";
import { createCustomer } from "../support/fixtures";
import { testBackends } from "../support/test-database";
import { type TestService, startTestService } from "../support/test-service";

const UNKNOWN = "00000000-0000-4000-8000-000000000000";
const today = () => new Date().toISOString().slice(0, 10);
const daysFromToday = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);

describe.each(testBackends())("special prices on %s", (backend) => {
  let service: TestService;
  let alice: ApiClient;
  let manager: ApiClient;
  let admin: ApiClient;

  beforeAll(async () => {
    service = await startTestService(backend);
    alice = await service.as("alice@contoso.com");
    manager = await service.as("maria@contoso.com", "MANAGER");
    admin = await service.as("adam@contoso.com", "ADMIN");
  });
  afterAll(() => service.stop());

  /** A customer with status 1, released and approved. */
  async function activeCustomer() {
    const customer = await createCustomer(alice);
    await alice.post(`/api/customers/${customer.id}/release`, { version: 1 });
    return (await manager.post(`/api/customers/${customer.id}/approve`, { version: 2 })).body.customer;
  }
  const pricesOf = async (customerId: string) =>
    (await alice.get(`/api/customers/${customerId}/special-prices`)).body.items;

  it("lets managers and admins add, change and remove them, and everyone read them", async () => {
    const customer = await activeCustomer();
    const created = await manager.post(`/api/customers/${customer.id}/special-prices`, {
      item: " PUMP-200 ",
      description: "Framework agreement 2027",
      unitPrice: "17.50",
      discountPercent: "5",
      validFrom: "2026-01-01",
      validUntil: "2099-12-31",
    });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      customerId: customer.id,
      item: "PUMP-200",
      currency: "EUR",
      unitPrice: "17.50",
      discountPercent: "5",
      validFrom: "2026-01-01",
      validUntil: "2099-12-31",
      version: 1,
    });
    const usd = await admin.post(`/api/customers/${customer.id}/special-prices`, {
      item: "PUMP-200",
      currency: "usd",
      unitPrice: 21,
    });
    expect(usd.body).toMatchObject({ currency: "USD", unitPrice: "21.00", discountPercent: "0", validFrom: null });
    expect((await pricesOf(customer.id)).map((price: { currency: string }) => price.currency)).toEqual(["EUR", "USD"]);

    const changed = await manager.patch(`/api/special-prices/${created.body.id}`, { version: 1, unitPrice: "16" });
    expect(changed.body).toMatchObject({
      unitPrice: "16.00",
      discountPercent: "5",
      validUntil: "2099-12-31",
      version: 2,
    });
    const stale = await admin.patch(`/api/special-prices/${created.body.id}`, { version: 1, unitPrice: "1" });
    expect(stale.status).toBe(409);
    expect(stale.body.error.details).toEqual([{ field: "version", message: "is not the current version" }]);

    expect((await admin.request("DELETE", `/api/special-prices/${usd.body.id}`)).status).toBe(204);
    expect((await admin.request("DELETE", `/api/special-prices/${usd.body.id}`)).status).toBe(404);
    expect(await pricesOf(customer.id)).toEqual([expect.objectContaining({ item: "PUMP-200", unitPrice: "16.00" })]);
  });

  it("refuses salesmen writing them (403) and changes nothing", async () => {
    const customer = await activeCustomer();
    const price = (await manager.post(`/api/customers/${customer.id}/special-prices`, { item: "A", unitPrice: "1" }))
      .body;
    const create = await alice.post(`/api/customers/${customer.id}/special-prices`, { item: "B", unitPrice: "1" });
    expect(create.status).toBe(403);
    expect(create.body.error.message).toMatch(/salesman.*prices:manage/);
    expect((await alice.patch(`/api/special-prices/${price.id}`, { version: 1, unitPrice: "0" })).status).toBe(403);
    expect((await alice.request("DELETE", `/api/special-prices/${price.id}`)).status).toBe(403);
    expect(await pricesOf(customer.id)).toEqual([
      expect.objectContaining({ item: "A", unitPrice: "1.00", version: 1 }),
    ]);
  });

  it("answers 409 for a second price for the same item and currency, also by a change", async () => {
    const customer = await activeCustomer();
    const url = `/api/customers/${customer.id}/special-prices`;
    await manager.post(url, { item: "VALVE", unitPrice: "3" });
    const twice = await manager.post(url, { item: "VALVE", currency: "eur", unitPrice: "2" });
    expect(twice.status).toBe(409);
    expect(twice.body.error.message).toBe(
      "This customer already has a special price for item VALVE in EUR; change that one instead",
    );
    const other = (await manager.post(url, { item: "VALVE-2", unitPrice: "2" })).body;
    const renamed = await manager.patch(`/api/special-prices/${other.id}`, { version: 1, item: "VALVE" });
    expect(renamed.status).toBe(409);
    expect(renamed.body.error.details[0].field).toBe("body.item");
    // Another customer may have its own price for the same item.
    const elsewhere = await manager.post(`/api/customers/${(await activeCustomer()).id}/special-prices`, {
      item: "VALVE",
      unitPrice: "4",
    });
    expect(elsewhere.status).toBe(201);
    expect((await pricesOf(customer.id)).map((price: { item: string }) => price.item)).toEqual(["VALVE", "VALVE-2"]);
  });

  it("validates every field, naming it, and answers 404 for unknown ids", async () => {
    const customer = await activeCustomer();
    const url = `/api/customers/${customer.id}/special-prices`;
    for (const [body, field] of [
      [{ item: " ", unitPrice: "1" }, "body.item"],
      [{ item: "X", unitPrice: "-1" }, "body.unitPrice"],
      [{ item: "X", unitPrice: "1.001" }, "body.unitPrice"],
      [{ item: "X", unitPrice: "1", currency: "EURO" }, "body.currency"],
      [{ item: "X", unitPrice: "1", discountPercent: "100.01" }, "body.discountPercent"],
      [{ item: "X", unitPrice: "1", validFrom: "2026-02-01", validUntil: "2026-01-31" }, "body.validUntil"],
      [{ item: "X", unitPrice: "1", validFrom: "2026-02-30" }, "body.validFrom"],
    ] as const) {
      const response = await manager.post(url, body);
      expect(response.status).toBe(400);
      expect(response.body.error.details[0].field).toBe(field);
    }
    const price = (await manager.post(url, { item: "X", unitPrice: "1", validFrom: "2026-03-01" })).body;
    // The period is checked with what is stored: only validUntil sent.
    const before = await manager.patch(`/api/special-prices/${price.id}`, { version: 1, validUntil: "2026-02-28" });
    expect(before.status).toBe(400);
    expect(before.body.error.details).toEqual([{ field: "body.validUntil", message: "must not be before validFrom" }]);
    expect(await pricesOf(customer.id)).toEqual([expect.objectContaining({ validUntil: null, version: 1 })]);
    expect((await manager.post(`/api/customers/${UNKNOWN}/special-prices`, { item: "X", unitPrice: "1" })).status).toBe(
      404,
    );
    expect((await alice.get(`/api/customers/${UNKNOWN}/special-prices`)).status).toBe(404);
    expect((await manager.patch(`/api/special-prices/${UNKNOWN}`, { version: 1, unitPrice: "1" })).status).toBe(404);
  });

  describe("as the default price of quote and order lines", () => {
    it("fills omitted unit prices and discounts on quotes and orders; an explicit price wins", async () => {
      const customer = await activeCustomer();
      const url = `/api/customers/${customer.id}/special-prices`;
      await manager.post(url, { item: "PUMP-200", unitPrice: "17.50", discountPercent: "10", validUntil: today() });
      await manager.post(url, { item: "PUMP-200", currency: "USD", unitPrice: "20", validFrom: today() });
      const quote = await alice.post("/api/quotes", {
        customerId: customer.id,
        lines: [
          { item: "PUMP-200", quantity: "2" },
          { item: "PUMP-200", quantity: "1", discountPercent: "0" },
          { item: "PUMP-200", quantity: "1", unitPrice: "19.99" },
        ],
      });
      expect(quote.status).toBe(201);
      expect(quote.body.lines).toMatchObject([
        { unitPrice: "17.50", discountPercent: "10", lineTotal: "31.50" },
        { unitPrice: "17.50", discountPercent: "0", lineTotal: "17.50" },
        { unitPrice: "19.99", discountPercent: "0", lineTotal: "19.99" },
      ]);
      expect(quote.body.totals).toEqual({ subtotal: "72.49", discount: "3.50", total: "68.99" });

      const order = await alice.post("/api/orders", {
        customerId: customer.id,
        currency: "usd",
        lines: [{ item: "PUMP-200", quantity: "3" }],
      });
      expect(order.status).toBe(201);
      expect(order.body.lines).toMatchObject([{ unitPrice: "20.00", discountPercent: "0", lineTotal: "60.00" }]);

      // Replacing lines later prices them on the document's day too.
      const edited = await alice.patch(`/api/orders/${order.body.id}`, {
        version: 1,
        lines: [{ item: "PUMP-200", quantity: "1" }],
      });
      expect(edited.body.totals.total).toBe("20.00");
    });

    it("does not apply a price outside its validity or in another currency, and names the line", async () => {
      const customer = await activeCustomer();
      const url = `/api/customers/${customer.id}/special-prices`;
      await manager.post(url, { item: "OLD", unitPrice: "5", validUntil: daysFromToday(-1) });
      await manager.post(url, { item: "LATER", unitPrice: "5", validFrom: daysFromToday(1) });
      await manager.post(url, { item: "DOLLAR", currency: "USD", unitPrice: "5" });
      for (const item of ["OLD", "LATER", "DOLLAR", "NONE"]) {
        const quote = await alice.post("/api/quotes", {
          customerId: customer.id,
          lines: [
            { item: "X", quantity: "1", unitPrice: "1" },
            { item, quantity: "1" },
          ],
        });
        expect(quote.status).toBe(400);
        expect(quote.body.error.details).toEqual([
          {
            field: "body.lines.1.unitPrice",
            message: `no special price for item ${item} in EUR on ${today()}; enter a unit price`,
          },
        ]);
      }
      const order = await alice.post("/api/orders", {
        customerId: customer.id,
        lines: [{ item: "OLD", quantity: "1" }],
      });
      expect(order.status).toBe(400);
      expect(order.body.error.details[0].field).toBe("body.lines.0.unitPrice");
      expect((await alice.get(`/api/quotes?customerId=${customer.id}`)).body.items).toEqual([]);
      expect((await alice.get(`/api/orders?customerId=${customer.id}`)).body.items).toEqual([]);
    });
  });
});
