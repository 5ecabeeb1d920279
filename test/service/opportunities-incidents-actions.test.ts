import type { ApiClient } from "../support/api-client";
import { createContact, createCustomer } from "../support/fixtures";
import { testBackends } from "../support/test-database";
import { type TestService, startTestService } from "../support/test-service";

const UNKNOWN = "00000000-0000-4000-8000-000000000000";

describe.each(testBackends())("opportunities, incidents and actions on %s", (backend) => {
  let service: TestService;
  let alice: ApiClient;
  let bob: ApiClient;
  let manager: ApiClient;
  let bobId: string;

  beforeAll(async () => {
    service = await startTestService(backend);
    alice = await service.as("alice@contoso.com");
    bob = await service.as("bob@contoso.com");
    manager = await service.as("maria@contoso.com", "MANAGER");
    bobId = (await bob.get("/api/me")).body.id;
  });
  afterAll(() => service.stop());

  const record = async (id: string) => (await alice.get(`/api/customers/${id}`)).body;

  it("creates an opportunity with exact money, a probability by stage, and settles it when won", async () => {
    const customer = await createCustomer(alice);
    const created = await alice.post("/api/opportunities", {
      customerId: customer.id,
      title: "Fleet renewal 2027",
      value: "125000.50",
      currency: "chf",
      stage: "PROPOSAL",
      expectedCloseDate: "2027-03-31",
    });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      title: "Fleet renewal 2027",
      value: "125000.50",
      currency: "CHF",
      stage: "PROPOSAL",
      probability: 50,
      expectedCloseDate: "2027-03-31",
      owner: { email: "alice@contoso.com" },
      actions: [],
      version: 1,
    });
    // A JSON number is accepted when it is exact in decimal; the answer is a string.
    const numeric = await alice.post("/api/opportunities", {
      customerId: customer.id,
      title: "Spare parts",
      value: 19.99,
    });
    expect(numeric.body).toMatchObject({ value: "19.99", currency: "EUR", stage: "PROSPECTING", probability: 10 });

    const won = await alice.patch(`/api/opportunities/${created.body.id}`, { version: 1, stage: "WON" });
    expect(won.status).toBe(200);
    expect(won.body).toMatchObject({ stage: "WON", probability: 100, version: 2 });
    const stale = await alice.patch(`/api/opportunities/${created.body.id}`, { version: 1, title: "Lost update" });
    expect(stale.status).toBe(409);
    // Open opportunities come first in the record.
    expect((await record(customer.id)).opportunities.map((o: { title: string }) => o.title)).toEqual([
      "Spare parts",
      "Fleet renewal 2027",
    ]);
  });

  it("refuses bad money, probability and references, naming the field", async () => {
    const customer = await createCustomer(alice);
    for (const [value, field] of [
      ["12.345", "body.value"],
      [0.1 + 0.2, "body.value"],
      ["-5", "body.value"],
      ["1e5", "body.value"],
    ] as const) {
      const response = await alice.post("/api/opportunities", { customerId: customer.id, title: "X", value });
      expect(response.status).toBe(400);
      expect(response.body.error.details[0].field).toBe(field);
    }
    const probability = await alice.post("/api/opportunities", {
      customerId: customer.id,
      title: "X",
      value: "1",
      probability: 101,
    });
    expect(probability.body.error.details[0].field).toBe("body.probability");
    const currency = await alice.post("/api/opportunities", {
      customerId: customer.id,
      title: "X",
      value: "1",
      currency: "EU",
    });
    expect(currency.body.error.details[0].field).toBe("body.currency");
    const unknownCustomer = await alice.post("/api/opportunities", { customerId: UNKNOWN, title: "X", value: "1" });
    expect(unknownCustomer.status).toBe(404);
    expect(unknownCustomer.body.error.details[0].field).toBe("body.customerId");
    const unknownOwner = await alice.post("/api/opportunities", {
      customerId: customer.id,
      title: "X",
      value: "1",
      ownerId: UNKNOWN,
    });
    expect(unknownOwner.status).toBe(404);
    expect(unknownOwner.body.error.details[0].field).toBe("body.ownerId");
    expect((await record(customer.id)).opportunities).toEqual([]);
    expect((await alice.get(`/api/opportunities/${UNKNOWN}`)).status).toBe(404);
  });

  it("keeps incidents with severity and state, unresolved and most severe first", async () => {
    const customer = await createCustomer(alice);
    const other = await createCustomer(alice);
    const contact = await createContact(alice, { customerId: customer.id });
    const elsewhere = await createContact(alice, { customerId: other.id });
    const low = await alice.post("/api/incidents", {
      customerId: customer.id,
      subject: "Squeaky door",
      severity: "LOW",
    });
    expect(low.status).toBe(201);
    expect(low.body).toMatchObject({
      severity: "LOW",
      state: "OPEN",
      contactId: null,
      owner: { email: "alice@contoso.com" },
    });
    const critical = await alice.post("/api/incidents", {
      customerId: customer.id,
      contactId: contact.id,
      subject: "Production line down",
      description: "Since 6:00",
      severity: "CRITICAL",
    });
    expect(critical.body.contactId).toBe(contact.id);
    const resolved = await alice.post("/api/incidents", {
      customerId: customer.id,
      subject: "Old case",
      state: "RESOLVED",
    });
    expect(resolved.status).toBe(201);
    expect((await record(customer.id)).incidents.map((i: { subject: string }) => i.subject)).toEqual([
      "Production line down",
      "Squeaky door",
      "Old case",
    ]);
    const wrongContact = await alice.post("/api/incidents", {
      customerId: customer.id,
      contactId: elsewhere.id,
      subject: "X",
    });
    expect(wrongContact.status).toBe(400);
    expect(wrongContact.body.error.details).toEqual([
      { field: "body.contactId", message: "this contact belongs to another customer" },
    ]);
    const badSeverity = await alice.post("/api/incidents", {
      customerId: customer.id,
      subject: "X",
      severity: "URGENT",
    });
    expect(badSeverity.body.error.details[0].field).toBe("body.severity");
    // Bob is neither its owner nor linked to the customer: he may not change it (incidents:change).
    const refused = await bob.patch(`/api/incidents/${critical.body.id}`, { version: 1, state: "IN_PROGRESS" });
    expect(refused.status).toBe(403);
    const progressed = await alice.patch(`/api/incidents/${critical.body.id}`, { version: 1, state: "IN_PROGRESS" });
    expect(progressed.body).toMatchObject({ state: "IN_PROGRESS", version: 2 });
    expect((await alice.get(`/api/incidents?customerId=${customer.id}`)).body.items).toHaveLength(3);
  });

  it("hangs actions on opportunities, incidents, customers and contacts, all in the record until done", async () => {
    const customer = await createCustomer(alice);
    const contact = await createContact(alice, { customerId: customer.id });
    const opportunity = (
      await alice.post("/api/opportunities", { customerId: customer.id, title: "Upsell", value: "5000" })
    ).body;
    const incident = (await alice.post("/api/incidents", { customerId: customer.id, subject: "Broken pump" })).body;

    const onOpportunity = await alice.post("/api/actions", {
      opportunityId: opportunity.id,
      title: "Send proposal",
      dueDate: "2027-02-01",
    });
    expect(onOpportunity.status).toBe(201);
    expect(onOpportunity.body).toMatchObject({
      title: "Send proposal",
      dueDate: "2027-02-01",
      done: false,
      opportunityId: opportunity.id,
      customerId: customer.id,
      owner: { email: "alice@contoso.com" },
    });
    await alice.post("/api/actions", { incidentId: incident.id, title: "Order spare pump", dueDate: "2027-01-10" });
    await alice.post("/api/actions", { customerId: customer.id, title: "Check credit limit", ownerId: bobId });
    await alice.post("/api/actions", { contactId: contact.id, title: "Birthday card", dueDate: "2027-01-20" });

    const view = await record(customer.id);
    expect(view.openActions.map((a: { title: string }) => a.title)).toEqual([
      "Order spare pump",
      "Birthday card",
      "Send proposal",
      "Check credit limit",
    ]);
    expect(view.opportunities[0].actions.map((a: { title: string }) => a.title)).toEqual(["Send proposal"]);
    expect(view.incidents[0].actions.map((a: { title: string }) => a.title)).toEqual(["Order spare pump"]);
    expect((await bob.get(`/api/actions?customerId=${customer.id}&mine=true`)).body.items).toMatchObject([
      { title: "Check credit limit", owner: { id: bobId } },
    ]);
    expect((await alice.get(`/api/actions?contactId=${contact.id}`)).body.items).toHaveLength(1);

    const done = await alice.patch(`/api/actions/${onOpportunity.body.id}`, { version: 1, done: true });
    expect(done.status).toBe(200);
    expect(done.body).toMatchObject({ done: true, version: 2 });
    expect(Date.parse(done.body.doneAt)).toBeGreaterThan(Date.now() - 60_000);
    const after = await record(customer.id);
    expect(after.openActions.map((a: { title: string }) => a.title)).not.toContain("Send proposal");
    // The opportunity still lists its done action.
    expect(after.opportunities[0].actions).toMatchObject([{ title: "Send proposal", done: true }]);
    expect((await alice.get(`/api/actions?customerId=${customer.id}&open=false`)).body.items).toHaveLength(4);
  });

  it("refuses actions without exactly one parent, on unknown parents, and other people's actions to salesmen", async () => {
    const customer = await createCustomer(alice);
    const none = await alice.post("/api/actions", { title: "Orphan" });
    expect(none.status).toBe(400);
    expect(none.body.error.details[0]).toMatchObject({ field: "body.opportunityId" });
    const two = await alice.post("/api/actions", { title: "Twins", customerId: customer.id, contactId: UNKNOWN });
    expect(two.status).toBe(400);
    for (const key of ["opportunityId", "incidentId", "customerId", "contactId"]) {
      const unknown = await alice.post("/api/actions", { title: "X", [key]: UNKNOWN });
      expect(unknown.status).toBe(404);
      expect(unknown.body.error.details[0].field).toBe(`body.${key}`);
    }
    const bobs = (await alice.post("/api/actions", { customerId: customer.id, title: "Call back", ownerId: bobId }))
      .body;
    const mine = (await alice.post("/api/actions", { customerId: customer.id, title: "Mine" })).body;
    const foreign = await bob.patch(`/api/actions/${mine.id}`, { version: 1, done: true });
    expect(foreign.status).toBe(403);
    expect((await bob.patch(`/api/actions/${bobs.id}`, { version: 1, done: true })).status).toBe(200);
    expect((await manager.patch(`/api/actions/${mine.id}`, { version: 1, dueDate: "2027-05-05" })).body.dueDate).toBe(
      "2027-05-05",
    );
    expect((await alice.patch(`/api/actions/${mine.id}`, { version: 1, title: "Stale" })).status).toBe(409);
    expect((await record(customer.id)).openActions.map((a: { title: string }) => a.title)).toEqual(["Mine"]);
  });
});
