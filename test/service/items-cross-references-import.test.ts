import type { ApiClient } from "../support/api-client";
import { createCustomer, unique } from "../support/fixtures";
import { testBackends } from "../support/test-database";
import { type TestService, startTestService } from "../support/test-service";

const fieldsOf = (body: { error: { details: { field: string }[] } }) => body.error.details.map((d) => d.field);

describe.each(testBackends())("items, cross-references and order import on %s", (backend) => {
  let service: TestService;
  let alice: ApiClient;
  let bob: ApiClient;
  let manager: ApiClient;

  beforeAll(async () => {
    service = await startTestService(backend);
    alice = await service.as("alice@contoso.com");
    bob = await service.as("bob@contoso.com");
    manager = await service.as("maria@contoso.com", "MANAGER");
  });
  afterAll(() => service.stop());

  /** Alice's customer (she is its salesman), status 1, released and approved. */
  async function activeCustomer() {
    const customer = await createCustomer(alice);
    await alice.post(`/api/customers/${customer.id}/release`, { version: 1 });
    return (await manager.post(`/api/customers/${customer.id}/approve`, { version: 2 })).body.customer;
  }

  async function item(code = unique("ITEM"), extra: Record<string, unknown> = {}) {
    const made = await manager.post("/api/items", { code, description: `Item ${code}`, ...extra });
    expect(made.status).toBe(201);
    return made.body;
  }

  it("keeps the item master for managers and refuses lines with unknown or retired items, naming each line", async () => {
    const code = unique("PUMP");
    expect((await alice.post("/api/items", { code, description: "Pump" })).status).toBe(403);
    const pump = await item(code, { unit: "pc" });
    expect(pump).toMatchObject({ code, unit: "pc", active: true, version: 1 });
    const again = await manager.post("/api/items", { code, description: "Other" });
    expect(again.status).toBe(409);
    expect(fieldsOf(again.body)).toEqual(["body.code"]);
    expect(fieldsOf((await manager.post("/api/items", { code: "has space", description: "x" })).body)).toEqual([
      "body.code",
    ]);
    expect((await alice.get(`/api/items?q=${code}`)).body.items.map((i: { code: string }) => i.code)).toEqual([code]);

    const customer = await activeCustomer();
    const ok = await alice.post("/api/orders", {
      customerId: customer.id,
      lines: [{ item: code, quantity: "1", unitPrice: "5" }],
    });
    expect(ok.status).toBe(201);

    expect((await alice.patch(`/api/items/${pump.id}`, { version: 1, active: false })).status).toBe(403);
    expect((await manager.patch(`/api/items/${pump.id}`, { version: 1, active: false })).body).toMatchObject({
      active: false,
      version: 2,
    });
    expect((await alice.get(`/api/items?q=${code}`)).body.items).toEqual([]);
    expect((await alice.get(`/api/items?q=${code}&includeInactive=true`)).body.items).toHaveLength(1);

    const refused = await alice.post("/api/quotes", {
      customerId: customer.id,
      lines: [
        { item: "PUMP-200", quantity: "1", unitPrice: "1" },
        { item: code, quantity: "1", unitPrice: "1" },
        { item: "NO-SUCH-ITEM", quantity: "1", unitPrice: "1" },
      ],
    });
    expect(refused.status).toBe(400);
    expect(refused.body.error.details).toEqual([
      { field: "body.lines.1.item", message: `item ${code} is no longer sold` },
      { field: "body.lines.2.item", message: expect.stringMatching(/no item NO-SUCH-ITEM/) },
    ]);
    // Changing an open order's lines is checked the same way.
    const changed = await alice.patch(`/api/orders/${ok.body.id}`, {
      version: 1,
      lines: [{ item: code, quantity: "2", unitPrice: "5" }],
    });
    expect(fieldsOf(changed.body)).toEqual(["body.lines.0.item"]);
  });

  it("maps a customer's own codes to ours for its team, and lines take either code and show both", async () => {
    const customer = await activeCustomer();
    const valve = await item();
    const url = `/api/customers/${customer.id}/cross-references`;
    const theirs = { customerCode: "KD 4711", customerDescription: "Ventil groß", item: valve.code };
    expect((await bob.post(url, theirs)).status).toBe(403);
    const made = await alice.post(url, theirs);
    expect(made.status).toBe(201);
    expect(made.body).toMatchObject({ customerCode: "KD 4711", item: valve.code, itemDescription: valve.description });
    const twice = await alice.post(url, { ...theirs, item: "PUMP-200" });
    expect(twice.status).toBe(409);
    expect(fieldsOf(twice.body)).toEqual(["body.customerCode"]);
    expect(fieldsOf((await alice.post(url, { customerCode: "KD 1", item: "NOPE" })).body)).toEqual(["body.item"]);
    expect(
      (await bob.patch(`/api/cross-references/${made.body.id}`, { version: 1, customerDescription: "x" })).status,
    ).toBe(403);

    const order = await alice.post("/api/orders", {
      customerId: customer.id,
      lines: [
        { item: "KD 4711", quantity: "2", unitPrice: "3.00" },
        { item: valve.code, quantity: "1", unitPrice: "3.00" },
        { item: "PUMP-200", quantity: "1", unitPrice: "9.00" },
      ],
    });
    expect(order.status).toBe(201);
    expect(
      order.body.lines.map((l: { item: string; customerItem: string | null }) => [l.item, l.customerItem]),
    ).toEqual([
      [valve.code, "KD 4711"],
      [valve.code, "KD 4711"],
      ["PUMP-200", null],
    ]);
    // Another customer's code means nothing here.
    const other = await activeCustomer();
    const elsewhere = await alice.post("/api/orders", {
      customerId: other.id,
      lines: [{ item: "KD 4711", quantity: "1", unitPrice: "1" }],
    });
    expect(fieldsOf(elsewhere.body)).toEqual(["body.lines.0.item"]);
    expect((await alice.request("DELETE", `/api/cross-references/${made.body.id}`)).status).toBe(204);
  });

  describe("order import", () => {
    const importUrl = (customerId: string) => `/api/customers/${customerId}/order-imports`;
    const ordersOf = async (customerId: string) => (await alice.get(`/api/orders?customerId=${customerId}`)).body.items;

    it("dry-runs a CSV file with every line's error, writes nothing, then imports it once", async () => {
      const customer = await activeCustomer();
      await alice.post(`/api/customers/${customer.id}/cross-references`, { customerCode: "NW-1", item: "SEAL-KIT" });
      await manager.post(`/api/customers/${customer.id}/special-prices`, {
        item: "PUMP-200",
        unitPrice: "17.50",
        discountPercent: "5",
      });
      const reference = unique("PO");
      const bad = [
        "reference;item;description;quantity;unitPrice",
        `${reference};PUMP-200;Pumps;4;`,
        `${reference};NOPE;;1;1.00`,
        `${reference};NW-1;;-2;0.89`,
        `${reference};SEAL-KIT;;1;`,
      ].join("\r\n");
      const dry = await alice.post(importUrl(customer.id), { format: "csv", content: bad });
      expect(dry.status).toBe(200);
      expect(dry.body.status).toBe("invalid");
      expect(dry.body.errors.map((e: { line: number; field: string }) => [e.line, e.field])).toEqual([
        [3, "item"],
        [4, "quantity"],
        [5, "unitPrice"],
      ]);
      const real = await alice.post(importUrl(customer.id), { format: "csv", content: bad, dryRun: false });
      expect(real.status).toBe(400);
      expect(fieldsOf(real.body)).toEqual(["file.lines.3.item", "file.lines.4.quantity", "file.lines.5.unitPrice"]);
      expect(await ordersOf(customer.id)).toEqual([]);

      const good = ["reference,item,quantity,unitPrice", `${reference},PUMP-200,4,`, `${reference},NW-1,2,0.89`].join(
        "\n",
      );
      const ready = await alice.post(importUrl(customer.id), { format: "csv", content: good, fileName: "po.csv" });
      expect(ready.body).toMatchObject({ status: "ready", reference, errors: [], total: "68.28", order: null });
      expect(
        ready.body.lines.map((l: { line: number; item: string; customerItem: string | null; unitPrice: string }) => [
          l.line,
          l.item,
          l.customerItem,
          l.unitPrice,
        ]),
      ).toEqual([
        [2, "PUMP-200", null, "17.50"],
        [3, "SEAL-KIT", "NW-1", "0.89"],
      ]);
      expect(await ordersOf(customer.id)).toEqual([]);

      expect((await bob.post(importUrl(customer.id), { format: "csv", content: good, dryRun: false })).status).toBe(
        403,
      );
      const created = await alice.post(importUrl(customer.id), { format: "csv", content: good, dryRun: false });
      expect(created.status).toBe(201);
      expect(created.body.order).toMatchObject({ title: `Customer order ${reference}`, totals: { total: "68.28" } });
      // The same file again, or another file with the same order reference: the order made before.
      const again = await alice.post(importUrl(customer.id), { format: "csv", content: `${good}\n`, dryRun: false });
      expect(again.body).toMatchObject({ status: "duplicate", order: { id: created.body.order.id } });
      const sameReference = `reference,item,quantity,unitPrice\n${reference},GASKET,1,2.00`;
      expect(
        (await alice.post(importUrl(customer.id), { format: "csv", content: sameReference, dryRun: false })).body
          .status,
      ).toBe("duplicate");
      expect(await ordersOf(customer.id)).toHaveLength(1);
    });

    it("imports XML and refuses document types, entities, and files over the limits", async () => {
      const customer = await activeCustomer();
      const xml = `<?xml version="1.0" encoding="UTF-8"?>
<order reference="${unique("PO")}" currency="EUR">
  <line><item>GASKET</item><description>Gaskets &amp; more</description><quantity>10</quantity><unitPrice>4.10</unitPrice></line>
  <line><item>VALVE</item><quantity>1</quantity><unitPrice>12</unitPrice><discountPercent>10</discountPercent></line>
</order>`;
      const created = await alice.post(importUrl(customer.id), { format: "xml", content: xml, dryRun: false });
      expect(created.status).toBe(201);
      expect(created.body.order.lines.map((l: { description: string | null }) => l.description)).toEqual([
        "Gaskets & more",
        null,
      ]);
      expect(created.body.total).toBe("51.80");

      const laughs = `<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;">]>
<order><line><item>&lol2;</item><quantity>1</quantity></line></order>`;
      const xxe = `<?xml version="1.0"?><!DOCTYPE order [<!ENTITY x SYSTEM "file:///etc/passwd">]><order><line><item>&x;</item><quantity>1</quantity></line></order>`;
      for (const content of [laughs, xxe]) {
        const refused = await alice.post(importUrl(customer.id), { format: "xml", content });
        expect(refused.body).toMatchObject({ status: "invalid", errors: [{ line: 0, field: "file" }] });
      }
      const broken = await alice.post(importUrl(customer.id), { format: "xml", content: "<order><line></order>" });
      expect(broken.body.errors[0]).toMatchObject({ line: 0, field: "file" });

      const tooMany = ["item,quantity,unitPrice", ...Array.from({ length: 201 }, () => "BOLT,1,1")].join("\n");
      const long = await alice.post(importUrl(customer.id), { format: "csv", content: tooMany });
      expect(long.body.errors).toEqual([
        { line: 0, field: "file", message: expect.stringMatching(/more than 200 lines/) },
      ]);
      const huge = await alice.post(importUrl(customer.id), { format: "csv", content: "x".repeat(256 * 1024 + 1) });
      expect(huge.status).toBe(400);
      expect(fieldsOf(huge.body)).toEqual(["body.content"]);
      expect(await ordersOf(customer.id)).toHaveLength(1);
    });
  });
});
