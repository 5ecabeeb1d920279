import type { ApiClient } from "../support/api-client";
import { createCustomer, unique } from "../support/fixtures";
import { testBackends } from "../support/test-database";
import { type TestService, startTestService } from "../support/test-service";

describe.each(testBackends())("customer timeline on %s", (backend) => {
  let service: TestService;
  let alice: ApiClient;
  let manager: ApiClient;
  let customer: { id: string };

  beforeAll(async () => {
    service = await startTestService(backend);
    alice = await service.as("alice@contoso.com");
    manager = await service.as("maria@contoso.com", "MANAGER");
    customer = await createCustomer(alice);
    const other = await createCustomer(alice);
    const activity = (customerId: string, subject: string, startsAt: string, status = "FINISHED") =>
      alice.post("/api/activities", { customerId, type: "CALL", subject, startsAt, timeZone: "Europe/Berlin", status });
    await activity(customer.id, "First call", "2026-01-10T09:00:00Z");
    await activity(customer.id, "Visit planned", "2027-06-01T09:00:00Z", "PLANNED");
    await activity(other.id, "Someone else's call", "2026-02-01T09:00:00Z");
    await alice.post("/api/email-log", {
      internetMessageId: `<${unique("msg")}@fabrikam.example>`,
      subject: "Re: Offer 4711",
      from: { email: "jonas.keller@fabrikam.example", name: "Jonas Keller" },
      to: [{ email: "alice@contoso.com" }],
      cc: [],
      sentAt: "2026-03-05T10:00:00Z",
      bodyHtml: "<p>Fine</p>",
      customerId: customer.id,
    });
    await alice.post("/api/notes", { customerId: customer.id, bodyHtml: "<p>Prefers <b>mornings</b></p>" });
    await alice.post(`/api/customers/${customer.id}/release`, { version: 1 });
    await manager.post(`/api/customers/${customer.id}/approve`, { version: 2 });
    await alice.post("/api/quotes", {
      customerId: customer.id,
      title: "Pumps",
      lines: [{ item: "PUMP", quantity: "2", unitPrice: "100" }],
    });
    await alice.post("/api/orders", {
      customerId: customer.id,
      lines: [{ item: "SEAL", quantity: "1", unitPrice: "9.5" }],
    });
  });
  afterAll(() => service.stop());

  const titles = (body: { items: { title: string }[] }) => body.items.map((item) => item.title);

  it("lists activities, emails, notes, state changes, quotes and orders of the customer, latest first", async () => {
    const response = await alice.get(`/api/customers/${customer.id}/timeline`);
    expect(response.status).toBe(200);
    expect(response.body.total).toBe(8);
    const kinds = response.body.items.map((item: { kind: string }) => item.kind);
    expect(kinds[0]).toBe("ACTIVITY"); // the planned visit lies in the future
    expect(kinds.slice(-2)).toEqual(["EMAIL", "ACTIVITY"]);
    expect(new Set(kinds)).toEqual(new Set(["ACTIVITY", "EMAIL", "NOTE", "QUOTE", "ORDER", "LIFECYCLE"]));
    expect(titles(response.body)).not.toContain("call: Someone else's call");
    const dates = response.body.items.map((item: { at: string }) => Date.parse(item.at));
    expect([...dates].sort((a, b) => b - a)).toEqual(dates);
    expect(response.body.items).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          kind: "NOTE",
          title: "Prefers mornings",
          by: expect.objectContaining({ email: "alice@contoso.com" }),
        }),
        expect.objectContaining({
          kind: "LIFECYCLE",
          title: "approve: RELEASED → ACTIVE",
          by: expect.objectContaining({ email: "maria@contoso.com" }),
        }),
        expect.objectContaining({
          kind: "QUOTE",
          title: expect.stringMatching(/^Quote Q-\d+: Pumps$/),
          summary: "200.00 EUR, open",
        }),
        expect.objectContaining({
          kind: "EMAIL",
          title: "Re: Offer 4711",
          summary: "from Jonas Keller <jonas.keller@fabrikam.example>",
        }),
      ]),
    );
  });

  it("filters by kind and period and pages through the merged list", async () => {
    const lifecycleAndOrders = await alice.get(`/api/customers/${customer.id}/timeline?kind=LIFECYCLE&kind=ORDER`);
    expect(lifecycleAndOrders.body.total).toBe(3);
    expect(lifecycleAndOrders.body.items.map((item: { kind: string }) => item.kind).sort()).toEqual([
      "LIFECYCLE",
      "LIFECYCLE",
      "ORDER",
    ]);
    const early2026 = await alice.get(
      `/api/customers/${customer.id}/timeline?from=2026-01-01T00:00:00Z&to=2026-03-31T23:59:59Z`,
    );
    expect(titles(early2026.body)).toEqual(["Re: Offer 4711", "call: First call"]);
    const all = (await alice.get(`/api/customers/${customer.id}/timeline`)).body.items;
    const pages = [];
    for (let offset = 0; offset < 8; offset += 3)
      pages.push(...(await alice.get(`/api/customers/${customer.id}/timeline?limit=3&offset=${offset}`)).body.items);
    expect(pages).toEqual(all);
  });

  it("refuses bad filters, naming the field, and answers 404 for an unknown customer", async () => {
    const kind = await alice.get(`/api/customers/${customer.id}/timeline?kind=FAX`);
    expect(kind.status).toBe(400);
    expect(kind.body.error.details[0].field).toBe("query.kind.0");
    const backwards = await alice.get(
      `/api/customers/${customer.id}/timeline?from=2026-05-01T00:00:00Z&to=2026-01-01T00:00:00Z`,
    );
    expect(backwards.body.error.details[0].field).toBe("query.to");
    expect((await alice.get("/api/customers/00000000-0000-4000-8000-000000000000/timeline")).status).toBe(404);
  });
});
