import type { ApiClient } from "../support/api-client";
import { createContact, createCustomer, unique } from "../support/fixtures";
import { testBackends } from "../support/test-database";
import { type TestService, startTestService } from "../support/test-service";

describe.each(testBackends())("e-mail log on %s", (backend) => {
  let service: TestService;
  let alice: ApiClient;
  let ben: ApiClient;

  beforeAll(async () => {
    service = await startTestService(backend);
    alice = await service.as("alice@contoso.com");
    ben = await service.as("ben@contoso.com");
  });
  afterAll(() => service.stop());

  const message = (customerId: string, overrides: Record<string, unknown> = {}) => ({
    internetMessageId: `<${unique("msg")}@fabrikam.example>`,
    conversationId: "AAQkAGI2",
    subject: "Re: Offer 4711",
    from: { email: "Jonas.Keller@fabrikam.example", name: "Jonas Keller" },
    to: [{ email: "alice@contoso.com", name: "Alice" }],
    cc: [],
    sentAt: "2026-11-20T09:30:00+01:00",
    bodyHtml: "<p>Hello <b>Alice</b></p>",
    customerId,
    ...overrides,
  });

  it("stores a message once per customer however often and by whomever it is sent", async () => {
    const customer = await createCustomer(alice);
    const body = message(customer.id);
    const first = await alice.post("/api/email-log", body);
    expect(first.status).toBe(201);
    expect(first.body).toMatchObject({
      created: true,
      entry: { subject: "Re: Offer 4711", loggedBy: { email: "alice@contoso.com" }, loggedBecause: null },
    });
    const again = await alice.post("/api/email-log", body);
    const colleague = await ben.post("/api/email-log", { ...body, subject: "edited on another device" });
    expect([again.status, colleague.status]).toEqual([200, 200]);
    expect(again.body.id).toBe(first.body.id);
    expect(colleague.body.id).toBe(first.body.id);
    expect(colleague.body.entry.loggedBy.email).toBe("alice@contoso.com");
    const log = await alice.get(`/api/customers/${customer.id}/email-log`);
    expect(log.body.total).toBe(1);
    const status = await ben.get(
      `/api/email-log/status?internetMessageId=${encodeURIComponent(body.internetMessageId)}`,
    );
    expect(status.body.entries).toEqual([
      {
        id: first.body.id,
        customerId: customer.id,
        loggedBy: expect.objectContaining({ email: "alice@contoso.com" }),
        loggedAt: expect.any(String),
      },
    ]);
  });

  it("stores exactly one entry when the same message arrives concurrently", async () => {
    const customer = await createCustomer(alice);
    const body = message(customer.id);
    const responses = await Promise.all(
      Array.from({ length: 8 }, (_, i) => (i % 2 ? alice : ben).post("/api/email-log", body)),
    );
    expect(responses.filter((response) => response.status === 201)).toHaveLength(1);
    expect(responses.every((response) => [200, 201].includes(response.status))).toBe(true);
    expect(new Set(responses.map((response) => response.body.id)).size).toBe(1);
    expect((await alice.get(`/api/customers/${customer.id}/email-log`)).body.total).toBe(1);
  });

  it("logs concurrent messages each, while one for a customer that does not exist is refused alone", async () => {
    // Logs that arrive together are written together: one entry that cannot be stored must not take
    // the others with it, and each caller gets its own entry back.
    const customer = await createCustomer(alice);
    const bodies = Array.from({ length: 8 }, (_, i) =>
      message(i === 3 ? "00000000-0000-4000-8000-000000000000" : customer.id, { subject: `Offer ${i}` }),
    );
    const responses = await Promise.all(bodies.map((body, i) => (i % 2 ? alice : ben).post("/api/email-log", body)));
    expect(responses.map((response) => response.status)).toEqual([201, 201, 201, 404, 201, 201, 201, 201]);
    expect(responses[3]!.body.error.details[0].field).toBe("body.customerId");
    responses.forEach((response, i) => {
      if (i !== 3) expect(response.body.entry.subject).toBe(`Offer ${i}`);
    });
    expect((await alice.get(`/api/customers/${customer.id}/email-log`)).body.total).toBe(7);
  });

  it("logs the same message separately for two customers", async () => {
    const first = await createCustomer(alice);
    const second = await createCustomer(alice);
    const internetMessageId = `<${unique("shared")}@x.example>`;
    const a = await alice.post("/api/email-log", message(first.id, { internetMessageId }));
    const b = await alice.post("/api/email-log", message(second.id, { internetMessageId }));
    expect([a.status, b.status]).toEqual([201, 201]);
    expect(a.body.id).not.toBe(b.body.id);
  });

  it("sanitises the body: scripts, handlers and remote images go, links stay safe", async () => {
    const customer = await createCustomer(alice);
    const response = await alice.post(
      "/api/email-log",
      message(customer.id, {
        bodyHtml:
          '<p onclick="steal()">Offer <a href="javascript:alert(1)">x</a> <a href="https://fabrikam.example/offer">offer</a></p>' +
          '<script>alert(1)</script><img src="https://tracker.example/p.gif"><iframe src="https://evil.example"></iframe><style>p{}</style>',
      }),
    );
    const { bodyHtml, bodyText } = response.body.entry;
    expect(bodyHtml).not.toMatch(/script|onclick|javascript:|iframe|tracker|<style/i);
    expect(bodyHtml).toContain(
      '<a href="https://fabrikam.example/offer" target="_blank" rel="noopener noreferrer">offer</a>',
    );
    expect(bodyText).toBe("Offer x offer");
  });

  it("lists newest first, paged", async () => {
    const customer = await createCustomer(alice);
    for (const day of ["10", "12", "11"])
      await alice.post(
        "/api/email-log",
        message(customer.id, { sentAt: `2026-11-${day}T08:00:00Z`, subject: `Day ${day}` }),
      );
    const firstPage = await alice.get(`/api/customers/${customer.id}/email-log?limit=2`);
    expect(firstPage.body.items.map((entry: { subject: string }) => entry.subject)).toEqual(["Day 12", "Day 11"]);
    expect(firstPage.body.total).toBe(3);
    const secondPage = await alice.get(`/api/customers/${customer.id}/email-log?limit=2&offset=2`);
    expect(secondPage.body.items.map((entry: { subject: string }) => entry.subject)).toEqual(["Day 10"]);
  });

  it("records the mailbox each entry was read in: a shared one as sent, else the caller's own", async () => {
    const customer = await createCustomer(alice);
    const shared = await alice.post("/api/email-log", message(customer.id, { mailbox: "Support@Contoso.com" }));
    expect(shared.status).toBe(201);
    expect(shared.body.entry.mailbox).toBe("support@contoso.com");
    const own = await ben.post("/api/email-log", message(customer.id));
    expect(own.status).toBe(201);
    expect(own.body.entry.mailbox).toBe("ben@contoso.com");
    // The same message again from another mailbox is the same entry, with the mailbox it came from first.
    const again = await ben.post(
      "/api/email-log",
      message(customer.id, { internetMessageId: shared.body.entry.internetMessageId }),
    );
    expect([again.status, again.body.entry.mailbox]).toEqual([200, "support@contoso.com"]);
    const log = await alice.get(`/api/customers/${customer.id}/email-log`);
    expect(log.body.items.map((entry: { mailbox: string }) => entry.mailbox).sort()).toEqual([
      "ben@contoso.com",
      "support@contoso.com",
    ]);
  });

  it.each([
    ["not an address", "support"],
    ["an address with a display name", "Support <support@contoso.com>"],
    ["longer than an address can be (320)", `${"s".repeat(64)}@${"mail.".repeat(60)}contoso.com`],
    ["not a string", 42],
  ])("refuses a mailbox that is %s, naming body.mailbox", async (_, mailbox) => {
    const customer = await createCustomer(alice);
    const refused = await alice.post("/api/email-log", message(customer.id, { mailbox }));
    expect(refused.status).toBe(400);
    expect(refused.body.error.details.map((detail: { field: string }) => detail.field)).toEqual(["body.mailbox"]);
    expect((await alice.get(`/api/customers/${customer.id}/email-log`)).body.total).toBe(0);
  });

  it("refuses bad input naming the field, and a contact of another customer", async () => {
    const customer = await createCustomer(alice);
    const other = await createCustomer(alice);
    const contact = await createContact(alice, { customerId: other.id });
    const noId = await alice.post("/api/email-log", message(customer.id, { internetMessageId: "" }));
    expect(noId.body.error.details[0].field).toBe("body.internetMessageId");
    const badDate = await alice.post("/api/email-log", message(customer.id, { sentAt: "yesterday" }));
    expect(badDate.status).toBe(400);
    expect(badDate.body.error.details[0].field).toBe("body.sentAt");
    const wrongContact = await alice.post("/api/email-log", message(customer.id, { contactId: contact.id }));
    expect(wrongContact.status).toBe(400);
    expect(wrongContact.body.error.details[0].field).toBe("body.contactId");
    const unknownCustomer = await alice.post("/api/email-log", message("00000000-0000-4000-8000-000000000000"));
    expect(unknownCustomer.status).toBe(404);
    expect((await alice.get(`/api/customers/${customer.id}/email-log`)).body.total).toBe(0);
  });
});
