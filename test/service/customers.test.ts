import { SEARCH_COUNT_LIMIT } from "contract";
import { loadConfig } from "../../service/src/config";
import { formatAccountNumber } from "../../service/src/features/customers/account-numbers";
import type { ApiClient } from "../support/api-client";
import { createContact, createCustomer, createType, unique } from "../support/fixtures";
import { testBackends } from "../support/test-database";
import { type TestService, startTestService } from "../support/test-service";

describe.each(testBackends())("customers on %s", (backend) => {
  let service: TestService;
  let alice: ApiClient;
  let manager: ApiClient;

  beforeAll(async () => {
    // A format of our own: the sequence's numbers show as K-010000, K-010001, ...
    service = await startTestService(backend, { ACCOUNT_NUMBER_FORMAT: "K-{n:6}" });
    alice = await service.as("alice@contoso.com");
    manager = await service.as("maria@contoso.com", "MANAGER");
    await createType(manager, "Distributor");
    await createType(manager, "Reseller");
  });
  afterAll(() => service.stop());

  it("creates a customer in lifecycle NEW with types, domains and the creator as salesman", async () => {
    const fields = {
      name: "Fabrikam, Inc.",
      types: ["Distributor", "reseller"],
      address: { street: "Hauptstraße 12", city: "Berlin", country: "Germany" },
      phone: "+49 30 1234560",
      emailDomains: ["@Fabrikam.com"],
    };
    // A salesman enters a prospect; status 1 is the accounts department's to give (customers:status-1).
    const actual = await alice.post("/api/customers", { ...fields, status: 1 });
    expect(actual.status).toBe(403);
    expect(actual.body.error.details).toEqual([{ field: "body.status", message: expect.stringMatching(/manager/) }]);
    const response = await alice.post("/api/customers", { ...fields, status: 2 });
    expect(response.status).toBe(201);
    expect(response.body).toMatchObject({
      // From the sequence, written as ACCOUNT_NUMBER_FORMAT says.
      accountNumber: expect.stringMatching(/^K-\d{6}$/),
      name: "Fabrikam, Inc.",
      status: { code: 2, label: "Prospect" },
      lifecycle: "NEW",
      types: ["Distributor", "Reseller"],
      address: { street: "Hauptstraße 12", city: "Berlin", postalCode: null },
      emailDomains: ["fabrikam.com"],
      // NEW and not status 1: no orders.
      canReceiveOrders: false,
      createdBy: { email: "alice@contoso.com" },
      salesmen: [{ email: "alice@contoso.com" }],
      version: 1,
    });
  });

  it("refuses a duplicate account number with 409 in words a person reads, and keeps the first customer", async () => {
    const first = await createCustomer(alice, { name: "First Ltd", accountNumber: unique("10042") });
    const second = await manager.post("/api/customers", {
      accountNumber: first.accountNumber,
      name: "Second Ltd",
      status: 2,
    });
    expect(second.status).toBe(409);
    expect(second.body.error.code).toBe("conflict");
    const message = `Another customer already has account number ${first.accountNumber}.`;
    expect(second.body.error.message).toBe(message);
    expect(second.body.error.details).toEqual([{ field: "body.accountNumber", message }]);
    const search = await alice.get(`/api/customers?search=${encodeURIComponent(first.accountNumber)}`);
    expect(search.body.items.map((c: { name: string }) => c.name)).toEqual(["First Ltd"]);
  });

  it("names every invalid field with 400", async () => {
    const response = await alice.post("/api/customers", { accountNumber: "", status: "one", types: "Distributor" });
    expect(response.status).toBe(400);
    const fields = response.body.error.details.map((detail: { field: string }) => detail.field);
    expect(fields).toEqual(expect.arrayContaining(["body.accountNumber", "body.name", "body.status", "body.types"]));
  });

  it("answers malformed JSON with 400 and an oversized body with 413", async () => {
    const malformed = await alice.request("POST", "/api/customers", '{"name": ', {
      "content-type": "application/json",
    });
    expect(malformed.status).toBe(400);
    expect(malformed.body.error.message).toMatch(/not valid JSON/);
    const huge = await alice.post("/api/customers", {
      accountNumber: unique("big"),
      name: "x".repeat(6_000_000),
      status: 1,
    });
    expect(huge.status).toBe(413);
  });

  it("refuses unknown types and status codes, naming the field, and writes nothing", async () => {
    const accountNumber = unique("T");
    const unknownType = await alice.post("/api/customers", {
      accountNumber,
      name: "X",
      status: 1,
      types: ["Reseller", "Nope"],
    });
    expect(unknownType.status).toBe(400);
    expect(unknownType.body.error.details).toEqual([{ field: "body.types.1", message: "unknown customer type" }]);
    const unknownStatus = await alice.post("/api/customers", { accountNumber, name: "X", status: 77 });
    expect(unknownStatus.status).toBe(400);
    expect(unknownStatus.body.error.details[0].field).toBe("body.status");
    expect((await alice.get(`/api/customers?search=${accountNumber}`)).body.total).toBe(0);
  });

  it("updates with the current version and refuses a stale one with 409", async () => {
    const customer = await createCustomer(alice, { types: ["Distributor"] });
    const updated = await alice.patch(`/api/customers/${customer.id}`, {
      version: 1,
      name: "Fabrikam AG",
      address: { city: "Hamburg" },
    });
    expect(updated.status).toBe(200);
    expect(updated.body).toMatchObject({
      name: "Fabrikam AG",
      version: 2,
      types: ["Distributor"],
      address: { city: "Hamburg", street: "Hauptstraße 12" },
    });
    const stale = await manager.patch(`/api/customers/${customer.id}`, { version: 1, name: "Lost update" });
    expect(stale.status).toBe(409);
    expect(stale.body.error.details).toEqual([{ field: "version", message: "is not the current version" }]);
    expect((await alice.get(`/api/customers/${customer.id}`)).body.customer.name).toBe("Fabrikam AG");
  });

  it("answers 404 for unknown ids and 400 for malformed ones", async () => {
    expect((await alice.get("/api/customers/00000000-0000-4000-8000-000000000000")).status).toBe(404);
    const malformed = await alice.get("/api/customers/not-a-uuid");
    expect(malformed.status).toBe(400);
    expect(malformed.body.error.details[0].field).toBe("path.id");
    expect(
      (await alice.patch("/api/customers/00000000-0000-4000-8000-000000000000", { version: 1, name: "X" })).status,
    ).toBe(404);
  });

  it("returns the whole record in one call", async () => {
    const customer = await createCustomer(alice);
    const contact = await createContact(alice, { customerId: customer.id });
    await alice.post("/api/activities", {
      customerId: customer.id,
      contactId: contact.id,
      type: "CALL",
      subject: "Done call",
      startsAt: "2026-01-05T09:00:00Z",
      timeZone: "Europe/Berlin",
      status: "FINISHED",
    });
    await alice.post("/api/activities", {
      customerId: customer.id,
      type: "VISIT",
      subject: "Planned visit",
      startsAt: "2027-01-05T09:00:00Z",
      timeZone: "Europe/Berlin",
    });
    await alice.post("/api/notes", { customerId: customer.id, bodyHtml: "<p>Prefers <b>mornings</b></p>" });
    const record = await alice.get(`/api/customers/${customer.id}`);
    expect(record.status).toBe(200);
    expect(record.body.customer.id).toBe(customer.id);
    expect(record.body.contacts.map((c: { id: string }) => c.id)).toEqual([contact.id]);
    expect(record.body.activities.future.map((a: { subject: string }) => a.subject)).toEqual(["Planned visit"]);
    expect(record.body.activities.history.map((a: { subject: string }) => a.subject)).toEqual(["Done call"]);
    expect(record.body.notes[0].bodyText).toBe("Prefers mornings");
    expect(record.body.emailLogCount).toBe(0);
  });

  it("searches account number, name and address in any case, within the ticked filters", async () => {
    const tag = unique("zz").toLowerCase();
    const target = await createCustomer(alice, {
      accountNumber: unique("WT"),
      name: `Wingtip ${tag} Toys`,
      status: 2,
      types: ["Reseller"],
      address: { street: `Lindenallee ${tag}`, city: "Köln" },
    });
    await createCustomer(alice, { name: "100% Organic" });
    for (const term of [target.accountNumber.toLowerCase(), `WINGTIP ${tag.toUpperCase()}`, `lindenallee ${tag}`]) {
      const response = await alice.get(`/api/customers?search=${encodeURIComponent(term)}&status=2&type=Reseller`);
      expect(response.body.items.map((c: { id: string }) => c.id)).toEqual([target.id]);
      expect(response.body.total).toBe(1);
    }
    // A ticked filter the customer does not meet leaves it out of the search, as it does of the list.
    const term = encodeURIComponent(`wingtip ${tag}`);
    for (const filter of ["status=1", "type=Distributor", "lifecycle=RELEASED", "reminders=due"])
      expect((await alice.get(`/api/customers?search=${term}&${filter}`)).body.total).toBe(0);
    expect((await manager.get(`/api/customers?search=${term}&mine=true`)).body.total).toBe(0);
    expect((await alice.get(`/api/customers?search=${term}&mine=true&lifecycle=NEW`)).body.total).toBe(1);
    await alice.post("/api/activities", {
      customerId: target.id,
      type: "CALL",
      subject: "Call back",
      startsAt: "2026-01-05T09:00:00Z",
      timeZone: "Europe/Berlin",
    });
    expect((await alice.get(`/api/customers?search=${term}&reminders=due`)).body.total).toBe(1);
    expect((await manager.get(`/api/customers?search=${term}&reminders=due`)).body.total).toBe(0);
    // % and _ are literal characters, not wildcards.
    expect((await alice.get(`/api/customers?search=${encodeURIComponent("0% O")}`)).body.total).toBe(1);
    expect((await alice.get(`/api/customers?search=${encodeURIComponent("_")}`)).body.total).toBe(0);
  });

  it("counts a broad search up to SEARCH_COUNT_LIMIT and says when there are more", async () => {
    const me = (await alice.get("/api/me")).body;
    const tag = unique("broad").toLowerCase();
    await service.service.db.query(
      `INSERT INTO "Customer" (id, "accountNumber", name, "statusCode", "searchText", "createdById", "modifiedById")
       SELECT gen_random_uuid(), $1 || i, 'Broad ' || i, 1, $1 || i || ' broad', $2, $2 FROM generate_series(1, $3::int + 5) AS i`,
      [tag, me.id, SEARCH_COUNT_LIMIT],
    );
    const page = await alice.get(`/api/customers?search=${encodeURIComponent(tag)}&limit=20`);
    expect(page.body).toMatchObject({ total: SEARCH_COUNT_LIMIT, totalCapped: true, limit: 20 });
    expect(page.body.items).toHaveLength(20);
    const narrow = await alice.get(`/api/customers?search=${encodeURIComponent(`${tag}${SEARCH_COUNT_LIMIT + 4} `)}`);
    expect(narrow.body).toMatchObject({ total: 1, totalCapped: false });
  });

  it("filters by type and status, paged with a total", async () => {
    const type = unique("Filter type");
    await createType(manager, type);
    const made = [];
    for (const status of [1, 1, 2]) made.push(await createCustomer(alice, { status, types: [type] }));
    const both = await alice.get(`/api/customers?type=${encodeURIComponent(type)}&status=1&status=2&limit=2`);
    expect(both.body).toMatchObject({ total: 3, limit: 2, offset: 0 });
    expect(both.body.items).toHaveLength(2);
    const actual = await alice.get(`/api/customers?type=${encodeURIComponent(type)}&status=1`);
    expect(actual.body.items.map((c: { id: string }) => c.id).sort()).toEqual([made[0].id, made[1].id].sort());
    const badStatus = await alice.get("/api/customers?status=abc");
    expect(badStatus.status).toBe(400);
    expect(badStatus.body.error.details[0].field).toBe("query.status.0");
  });

  it("numbers new customers from the sequence, skipping a number a manager gave by hand", async () => {
    const first = await createCustomer(alice, { status: 2 });
    const n = Number(first.accountNumber.slice(2));
    const next = `K-${String(n + 1).padStart(6, "0")}`;
    const typed = await createCustomer(alice, { status: 2, accountNumber: next });
    expect(typed.accountNumber).toBe(next);
    const after = await createCustomer(alice, { status: 2 });
    expect(after.accountNumber).toBe(`K-${String(n + 2).padStart(6, "0")}`);
    // Two at once never get the same number.
    const both = await Promise.all([createCustomer(alice, { status: 2 }), createCustomer(alice, { status: 2 })]);
    expect(new Set(both.map((customer) => customer.accountNumber)).size).toBe(2);
  });

  it("lets only managers choose or change an account number, naming the field", async () => {
    const chosen = await alice.post("/api/customers", { accountNumber: unique("A"), name: "Chosen", status: 2 });
    expect(chosen.status).toBe(403);
    expect(chosen.body.error.details).toEqual([
      { field: "body.accountNumber", message: expect.stringMatching(/only a manager or an admin/) },
    ]);
    const customer = await createCustomer(alice, { status: 2 });
    const refused = await alice.patch(`/api/customers/${customer.id}`, { version: 1, accountNumber: unique("B") });
    expect(refused.status).toBe(403);
    expect(refused.body.error.details[0].field).toBe("body.accountNumber");
    // Sending the number unchanged with other edits (a whole form) is no change of it.
    const same = await alice.patch(`/api/customers/${customer.id}`, {
      version: 1,
      accountNumber: customer.accountNumber,
      phone: "+49 30 999",
      website: "https://wingtip.example",
      address: { street: "Neue Straße 1", postalCode: "50667", city: "Köln", region: "NRW", country: "Germany" },
      types: ["Distributor"],
      emailDomains: ["wingtip.example"],
    });
    expect(same.status).toBe(200);
    expect(same.body).toMatchObject({
      phone: "+49 30 999",
      address: { street: "Neue Straße 1", postalCode: "50667", region: "NRW" },
      types: ["Distributor"],
      emailDomains: ["wingtip.example"],
      version: 2,
    });
    const taken = await createCustomer(manager, { status: 2, accountNumber: unique("T") });
    const duplicate = await manager.patch(`/api/customers/${customer.id}`, {
      version: 2,
      accountNumber: taken.accountNumber,
    });
    expect(duplicate.status).toBe(409);
    expect(duplicate.body.error.details).toEqual([
      { field: "body.accountNumber", message: `Another customer already has account number ${taken.accountNumber}.` },
    ]);
    const renumbered = await manager.patch(`/api/customers/${customer.id}`, { version: 2, accountNumber: "K-777" });
    expect(renumbered.body).toMatchObject({ accountNumber: "K-777", version: 3 });
  });

  it("lists the customers awaiting approval (lifecycle RELEASED)", async () => {
    const type = unique("Awaiting");
    await createType(manager, type);
    const released = await createCustomer(alice, { status: 2, types: [type] });
    await createCustomer(alice, { status: 2, types: [type] });
    expect((await alice.post(`/api/customers/${released.id}/release`, { version: 1 })).status).toBe(200);
    const awaiting = await manager.get(`/api/customers?lifecycle=RELEASED&type=${encodeURIComponent(type)}`);
    expect(awaiting.body.items.map((c: { id: string }) => c.id)).toEqual([released.id]);
    expect((await manager.get("/api/customers?lifecycle=GONE")).body.error.details[0].field).toBe("query.lifecycle");
  });

  it("lets only an approved (ACTIVE) customer of status 1 receive orders", async () => {
    const customer = await createCustomer(alice, { status: 1 });
    const canReceive = async () => (await alice.get(`/api/customers/${customer.id}`)).body.customer.canReceiveOrders;
    expect(await canReceive()).toBe(false);
    expect((await alice.post(`/api/customers/${customer.id}/release`, { version: 1 })).status).toBe(200);
    expect((await manager.post(`/api/customers/${customer.id}/approve`, { version: 2 })).status).toBe(200);
    expect(await canReceive()).toBe(true);
    // Taking status 1 away is the accounts department's (customers:status-1), not the salesman's.
    const refused = await alice.patch(`/api/customers/${customer.id}`, { version: 3, status: 2 });
    expect(refused.status).toBe(403);
    expect(refused.body.error.details).toEqual([{ field: "body.status", message: expect.stringMatching(/manager/) }]);
    const updated = await manager.patch(`/api/customers/${customer.id}`, { version: 3, status: 2 });
    expect(updated.body).toMatchObject({ status: { code: 2, label: "Prospect" }, canReceiveOrders: false });
  });
});

describe("ACCOUNT_NUMBER_FORMAT", () => {
  it("takes text around one {n} or {n:width} and refuses anything else at start-up, naming the variable", () => {
    const format = (value?: string) => loadConfig({ ACCOUNT_NUMBER_FORMAT: value }).accountNumberFormat;
    expect(formatAccountNumber(format(), 10042)).toBe("10042");
    expect(formatAccountNumber(format("K-{n:6}"), 10042)).toBe("K-010042");
    expect(formatAccountNumber(format("{n}/DE"), 7)).toBe("7/DE");
    for (const bad of ["K-", "{n}{n}", "{x}", "{n:99}", '"{n}', "=HYPERLINK({n})", "x".repeat(30) + "{n}"])
      expect(() => format(bad)).toThrow(/ACCOUNT_NUMBER_FORMAT/);
  });
});
