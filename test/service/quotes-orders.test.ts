import type { ApiClient } from "../support/api-client";
import { createContact, createCustomer } from "../support/fixtures";
import { testBackends } from "../support/test-database";
import { type TestService, startTestService } from "../support/test-service";

const UNKNOWN = "00000000-0000-4000-8000-000000000000";

describe.each(testBackends())("quotes and sales orders on %s", (backend) => {
  let service: TestService;
  let alice: ApiClient;
  let manager: ApiClient;

  beforeAll(async () => {
    service = await startTestService(backend);
    alice = await service.as("alice@contoso.com");
    manager = await service.as("maria@contoso.com", "MANAGER");
  });
  afterAll(() => service.stop());

  /** A customer with status 1, released and approved. */
  async function activeCustomer(overrides: Record<string, unknown> = {}) {
    const customer = await createCustomer(alice, overrides);
    await alice.post(`/api/customers/${customer.id}/release`, { version: 1 });
    const approved = await manager.post(`/api/customers/${customer.id}/approve`, { version: 2 });
    return approved.body.customer;
  }

  const lines = [
    { item: "PUMP-200", description: "Pump 200 l/min", quantity: "7", unitPrice: "19.99", discountPercent: "12.5" },
    { item: "SEAL-KIT", quantity: 1.5, unitPrice: 0.99 },
  ];

  it("computes line and document totals exactly and converts a quote into an order once", async () => {
    const customer = await activeCustomer();
    const contact = await createContact(alice, { customerId: customer.id });
    const quote = await alice.post("/api/quotes", {
      customerId: customer.id,
      contactId: contact.id,
      title: "Pumps for line 3",
      validUntil: "2027-01-31",
      lines,
    });
    expect(quote.status).toBe(201);
    expect(quote.body).toMatchObject({
      status: "OPEN",
      currency: "EUR",
      validUntil: "2027-01-31",
      orderId: null,
      lines: [
        {
          position: 1,
          item: "PUMP-200",
          quantity: "7",
          unitPrice: "19.99",
          discountPercent: "12.5",
          lineTotal: "122.44",
        },
        { position: 2, item: "SEAL-KIT", description: null, quantity: "1.5", discountPercent: "0", lineTotal: "1.49" },
      ],
      totals: { subtotal: "141.42", discount: "17.49", total: "123.93" },
      version: 1,
    });
    expect(typeof quote.body.number).toBe("number");

    // Floats would make this 0.30000000000000004 × 3.
    const edited = await alice.patch(`/api/quotes/${quote.body.id}`, {
      version: 1,
      lines: [{ item: "WASHER", quantity: "3", unitPrice: "0.10" }],
    });
    expect(edited.body).toMatchObject({ version: 2, totals: { subtotal: "0.30", discount: "0.00", total: "0.30" } });
    expect(edited.body.lines).toHaveLength(1);

    const order = await alice.post(`/api/quotes/${quote.body.id}/convert`, { version: 2 });
    expect(order.status).toBe(201);
    expect(order.body).toMatchObject({
      status: "OPEN",
      quoteId: quote.body.id,
      contactId: contact.id,
      title: "Pumps for line 3",
      lines: [{ item: "WASHER", quantity: "3", unitPrice: "0.10", lineTotal: "0.30" }],
      totals: { total: "0.30" },
    });
    const converted = (await alice.get(`/api/quotes/${quote.body.id}`)).body;
    expect(converted).toMatchObject({ status: "CONVERTED", orderId: order.body.id, version: 3 });

    const again = await alice.post(`/api/quotes/${quote.body.id}/convert`, { version: 3 });
    expect(again.status).toBe(409);
    expect(again.body.error.message).toBe(
      `Quote Q-${quote.body.number} is CONVERTED; only an open quote can be changed`,
    );
    expect((await alice.patch(`/api/quotes/${quote.body.id}`, { version: 3, title: "Late" })).status).toBe(409);
    expect((await alice.get(`/api/orders?customerId=${customer.id}`)).body.items).toHaveLength(1);
    expect((await alice.get(`/api/quotes?customerId=${customer.id}`)).body.items).toHaveLength(1);
  });

  it("edits an order only while it is open", async () => {
    const customer = await activeCustomer();
    const order = await alice.post("/api/orders", { customerId: customer.id, currency: "usd", lines });
    expect(order.status).toBe(201);
    expect(order.body).toMatchObject({ status: "OPEN", currency: "USD", quoteId: null, totals: { total: "123.93" } });
    const edited = await alice.patch(`/api/orders/${order.body.id}`, {
      version: 1,
      lines: [{ item: "PUMP-200", quantity: "10", unitPrice: "19.99", discountPercent: "100" }],
    });
    expect(edited.body.totals).toEqual({ subtotal: "199.90", discount: "199.90", total: "0.00" });
    const stale = await alice.patch(`/api/orders/${order.body.id}`, { version: 1, title: "Lost" });
    expect(stale.status).toBe(409);
    expect(stale.body.error.details).toEqual([{ field: "version", message: "is not the current version" }]);
    const closed = await alice.patch(`/api/orders/${order.body.id}`, { version: 2, status: "CLOSED" });
    expect(closed.body).toMatchObject({ status: "CLOSED", version: 3 });
    const late = await alice.patch(`/api/orders/${order.body.id}`, { version: 3, lines });
    expect(late.status).toBe(409);
    expect(late.body.error.message).toBe(`Order SO-${order.body.number} is CLOSED; only an open order can be changed`);
    expect((await alice.get(`/api/orders/${order.body.id}`)).body.totals.total).toBe("0.00");
  });

  it("refuses quotes and orders for customers that are not status 1 or not ACTIVE, naming the reason", async () => {
    const fresh = await createCustomer(alice);
    const newOne = await alice.post("/api/quotes", { customerId: fresh.id, lines });
    expect(newOne.status).toBe(409);
    expect(newOne.body.error.message).toMatch(/is NEW; it must be approved \(ACTIVE\)/);
    expect(newOne.body.error.details).toEqual([{ field: "customer.lifecycle", message: expect.any(String) }]);

    const prospect = await activeCustomer({ status: 2 });
    const order = await alice.post("/api/orders", { customerId: prospect.id, lines });
    expect(order.status).toBe(409);
    expect(order.body.error.details).toEqual([
      { field: "customer.status", message: "has status 2; only status 1 (customer) may receive quotes and orders" },
    ]);

    const both = await alice.post("/api/orders", {
      customerId: (await createCustomer(alice, { status: 2 })).id,
      lines,
    });
    expect(both.body.error.details.map((d: { field: string }) => d.field)).toEqual([
      "customer.status",
      "customer.lifecycle",
    ]);
    expect((await alice.get(`/api/quotes?customerId=${fresh.id}`)).body.items).toEqual([]);
    expect((await alice.get(`/api/orders?customerId=${prospect.id}`)).body.items).toEqual([]);
  });

  it("refuses to convert a quote once its customer no longer qualifies, and leaves the quote open", async () => {
    const customer = await activeCustomer();
    const quote = (await alice.post("/api/quotes", { customerId: customer.id, lines })).body;
    // Taking status 1 away is the accounts department's (customers:status-1).
    await manager.patch(`/api/customers/${customer.id}`, { version: customer.version, status: 2 });
    const convert = await alice.post(`/api/quotes/${quote.id}/convert`, { version: 1 });
    expect(convert.status).toBe(409);
    expect(convert.body.error.details[0].field).toBe("customer.status");
    expect((await alice.get(`/api/quotes/${quote.id}`)).body).toMatchObject({ status: "OPEN", version: 1 });
    expect((await alice.get(`/api/orders?customerId=${customer.id}`)).body.items).toEqual([]);
    // Withdrawing the quote is still possible.
    const cancelled = await alice.patch(`/api/quotes/${quote.id}`, { version: 1, status: "CANCELLED" });
    expect(cancelled.body.status).toBe("CANCELLED");
  });

  it("validates lines, naming the field, and answers 404 for unknown ids", async () => {
    const customer = await activeCustomer();
    for (const [line, field] of [
      [{ item: "X", quantity: "0", unitPrice: "1" }, "body.lines.0.quantity"],
      [{ item: "X", quantity: "1.2345", unitPrice: "1" }, "body.lines.0.quantity"],
      [{ item: "X", quantity: "1", unitPrice: "1.001" }, "body.lines.0.unitPrice"],
      [{ item: "X", quantity: "1", unitPrice: "1", discountPercent: "100.5" }, "body.lines.0.discountPercent"],
      [{ item: "", quantity: "1", unitPrice: "1" }, "body.lines.0.item"],
      [{ item: "X", quantity: "999999999", unitPrice: "999999999999" }, "body.lines.0.quantity"],
    ] as const) {
      const response = await alice.post("/api/quotes", { customerId: customer.id, lines: [line] });
      expect(response.status).toBe(400);
      expect(response.body.error.details[0].field).toBe(field);
    }
    const empty = await alice.post("/api/quotes", { customerId: customer.id, lines: [] });
    expect(empty.body.error.details[0].field).toBe("body.lines");
    const unknownCustomer = await alice.post("/api/orders", { customerId: UNKNOWN, lines });
    expect(unknownCustomer.status).toBe(404);
    const otherContact = await createContact(alice, { customerId: (await createCustomer(alice)).id });
    const wrongContact = await alice.post("/api/orders", {
      customerId: customer.id,
      contactId: otherContact.id,
      lines,
    });
    expect(wrongContact.status).toBe(400);
    expect(wrongContact.body.error.details[0].field).toBe("body.contactId");
    expect((await alice.get(`/api/quotes/${UNKNOWN}`)).status).toBe(404);
    expect((await alice.post(`/api/quotes/${UNKNOWN}/convert`, { version: 1 })).status).toBe(404);
    expect((await alice.patch(`/api/orders/${UNKNOWN}`, { version: 1, status: "CLOSED" })).status).toBe(404);
    expect((await alice.get(`/api/quotes?customerId=${customer.id}`)).body.items).toEqual([]);
  });

  it("converts a quote only once when two people convert it at the same time", async () => {
    const customer = await activeCustomer();
    const quote = (await alice.post("/api/quotes", { customerId: customer.id, lines })).body;
    const results = await Promise.all([
      alice.post(`/api/quotes/${quote.id}/convert`, { version: 1 }),
      manager.post(`/api/quotes/${quote.id}/convert`, { version: 1 }),
    ]);
    expect(results.map((result) => result.status).sort()).toEqual([201, 409]);
    expect((await alice.get(`/api/orders?customerId=${customer.id}`)).body.items).toHaveLength(1);
  });
});
