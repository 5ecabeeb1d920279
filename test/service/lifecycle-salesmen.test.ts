import type { ApiClient } from "../support/api-client";
import { createCustomer } from "../support/fixtures";
import { testBackends } from "../support/test-database";
import { type TestService, startTestService } from "../support/test-service";

describe.each(testBackends())("customer lifecycle and salesmen on %s", (backend) => {
  let service: TestService;
  let alice: ApiClient;
  let bob: ApiClient;
  let manager: ApiClient;
  let ids: Record<string, string>;

  beforeAll(async () => {
    service = await startTestService(backend);
    alice = await service.as("alice@contoso.com");
    bob = await service.as("bob@contoso.com");
    manager = await service.as("maria@contoso.com", "MANAGER");
    ids = {};
    for (const [name, client] of [
      ["alice", alice],
      ["bob", bob],
      ["maria", manager],
    ] as const)
      ids[name] = (await client.get("/api/me")).body.id;
  });
  afterAll(() => service.stop());

  const record = async (client: ApiClient, id: string) => (await client.get(`/api/customers/${id}`)).body;

  it("offers release to a linked salesman only, and records release and approval with who and when", async () => {
    const customer = await createCustomer(alice);
    expect((await record(alice, customer.id)).lifecycle).toEqual({
      state: "NEW",
      allowedTransitions: ["RELEASE"],
      history: [],
    });
    // Bob is not linked to this customer: nothing to offer him, and a release is refused.
    expect((await record(bob, customer.id)).lifecycle.allowedTransitions).toEqual([]);
    const refused = await bob.post(`/api/customers/${customer.id}/release`, { version: 1 });
    expect(refused.status).toBe(403);
    expect(refused.body.error.message).toMatch(/linked to this customer/);

    const released = await alice.post(`/api/customers/${customer.id}/release`, { version: 1 });
    expect(released.status).toBe(200);
    expect(released.body.customer).toMatchObject({ lifecycle: "RELEASED", version: 2 });
    expect(released.body.lifecycle.allowedTransitions).toEqual([]);
    expect((await record(manager, customer.id)).lifecycle.allowedTransitions).toEqual(["APPROVE", "DECLINE"]);

    const approved = await manager.post(`/api/customers/${customer.id}/approve`, { version: 2 });
    expect(approved.status).toBe(200);
    expect(approved.body.customer).toMatchObject({ lifecycle: "ACTIVE", version: 3, modifiedBy: { id: ids.maria } });
    const { lifecycle } = await record(alice, customer.id);
    expect(lifecycle.state).toBe("ACTIVE");
    expect(lifecycle.allowedTransitions).toEqual([]);
    expect(lifecycle.history).toMatchObject([
      {
        transition: "APPROVE",
        from: "RELEASED",
        to: "ACTIVE",
        reason: null,
        changedBy: { email: "maria@contoso.com" },
      },
      { transition: "RELEASE", from: "NEW", to: "RELEASED", reason: null, changedBy: { email: "alice@contoso.com" } },
    ]);
    expect(Date.now() - Date.parse(lifecycle.history[0].changedAt)).toBeLessThan(60_000);
    expect((await alice.get(`/api/customers/${customer.id}/lifecycle`)).body).toEqual(lifecycle);
  });

  it("declines back to NEW only with a reason, kept in the history, after which it can be released again", async () => {
    const customer = await createCustomer(alice);
    await alice.post(`/api/customers/${customer.id}/release`, { version: 1 });
    const noReason = await manager.post(`/api/customers/${customer.id}/decline`, { version: 2 });
    expect(noReason.status).toBe(400);
    expect(noReason.body.error.details).toEqual([expect.objectContaining({ field: "body.reason" })]);
    const blank = await manager.post(`/api/customers/${customer.id}/decline`, { version: 2, reason: "   " });
    expect(blank.status).toBe(400);

    const declined = await manager.post(`/api/customers/${customer.id}/decline`, {
      version: 2,
      reason: "VAT number missing",
    });
    expect(declined.status).toBe(200);
    expect(declined.body.customer.lifecycle).toBe("NEW");
    expect(declined.body.lifecycle.history[0]).toMatchObject({
      transition: "DECLINE",
      from: "RELEASED",
      to: "NEW",
      reason: "VAT number missing",
      changedBy: { email: "maria@contoso.com" },
    });
    expect((await record(alice, customer.id)).lifecycle.allowedTransitions).toEqual(["RELEASE"]);
    expect((await alice.post(`/api/customers/${customer.id}/release`, { version: 3 })).status).toBe(200);
  });

  it("refuses approve and decline to salesmen with 403 and writes nothing", async () => {
    const customer = await createCustomer(alice);
    await alice.post(`/api/customers/${customer.id}/release`, { version: 1 });
    const approve = await alice.post(`/api/customers/${customer.id}/approve`, { version: 2 });
    expect(approve.status).toBe(403);
    const decline = await alice.post(`/api/customers/${customer.id}/decline`, { version: 2, reason: "no" });
    expect(decline.status).toBe(403);
    const after = await record(alice, customer.id);
    expect(after.customer).toMatchObject({ lifecycle: "RELEASED", version: 2 });
    expect(after.lifecycle.history).toHaveLength(1);
  });

  it("answers a transition from the wrong state with 409 naming the state, and a stale version with 409", async () => {
    const customer = await createCustomer(alice);
    const early = await manager.post(`/api/customers/${customer.id}/approve`, { version: 1 });
    expect(early.status).toBe(409);
    expect(early.body.error.message).toBe("This customer is NEW; only a RELEASED customer can be approved");
    expect(early.body.error.details).toEqual([{ field: "lifecycle", message: early.body.error.message }]);

    await alice.patch(`/api/customers/${customer.id}`, { version: 1, name: "Renamed meanwhile" });
    const stale = await alice.post(`/api/customers/${customer.id}/release`, { version: 1 });
    expect(stale.status).toBe(409);
    expect(stale.body.error.details).toEqual([{ field: "version", message: "is not the current version" }]);

    await alice.post(`/api/customers/${customer.id}/release`, { version: 2 });
    const twice = await alice.post(`/api/customers/${customer.id}/release`, { version: 3 });
    expect(twice.status).toBe(409);
    expect(twice.body.error.message).toMatch(/is RELEASED; only a NEW customer can be released/);
    expect((await record(alice, customer.id)).lifecycle.history).toHaveLength(1);
  });

  it("lets a manager release any customer, and answers 404 for an unknown one", async () => {
    const customer = await createCustomer(alice);
    expect((await record(manager, customer.id)).lifecycle.allowedTransitions).toEqual(["RELEASE"]);
    expect((await manager.post(`/api/customers/${customer.id}/release`, { version: 1 })).status).toBe(200);
    const unknown = await manager.post("/api/customers/00000000-0000-4000-8000-000000000000/release", { version: 1 });
    expect(unknown.status).toBe(404);
  });

  it("only one of two simultaneous releases wins; the history has one entry", async () => {
    const customer = await createCustomer(alice);
    const results = await Promise.all([
      alice.post(`/api/customers/${customer.id}/release`, { version: 1 }),
      manager.post(`/api/customers/${customer.id}/release`, { version: 1 }),
    ]);
    expect(results.map((result) => result.status).sort()).toEqual([200, 409]);
    expect((await record(alice, customer.id)).lifecycle.history).toHaveLength(1);
  });

  it("replaces the linked salesmen, checking users and the version", async () => {
    const customer = await createCustomer(alice);
    const put = await alice.request("PUT", `/api/customers/${customer.id}/salesmen`, {
      version: 1,
      salesmanIds: [ids.bob, ids.maria],
    });
    expect(put.status).toBe(200);
    expect(put.body.salesmen.map((s: { email: string }) => s.email).sort()).toEqual([
      "bob@contoso.com",
      "maria@contoso.com",
    ]);
    expect(put.body.version).toBe(2);
    // Now Bob may release it and change its salesmen, and Alice, no longer linked, may do neither.
    expect((await record(bob, customer.id)).lifecycle.allowedTransitions).toEqual(["RELEASE"]);
    expect((await record(alice, customer.id)).lifecycle.allowedTransitions).toEqual([]);
    const relink = await alice.request("PUT", `/api/customers/${customer.id}/salesmen`, {
      version: 2,
      salesmanIds: [ids.alice],
    });
    expect(relink.status).toBe(403);
    expect(relink.body.error.message).toMatch(/not linked to this customer/);

    const unknownUser = await bob.request("PUT", `/api/customers/${customer.id}/salesmen`, {
      version: 2,
      salesmanIds: [ids.alice, "00000000-0000-4000-8000-000000000000"],
    });
    expect(unknownUser.status).toBe(400);
    expect(unknownUser.body.error.details).toEqual([{ field: "body.salesmanIds.1", message: "no user with this id" }]);
    const stale = await bob.request("PUT", `/api/customers/${customer.id}/salesmen`, {
      version: 1,
      salesmanIds: [ids.alice],
    });
    expect(stale.status).toBe(409);
    const cleared = await bob.request("PUT", `/api/customers/${customer.id}/salesmen`, {
      version: 2,
      salesmanIds: [],
    });
    expect(cleared.body.salesmen).toEqual([]);
    expect((await record(alice, customer.id)).customer.salesmen).toEqual([]);
  });

  it("limits the list and a search to the caller's customers with ?mine=true, with the count", async () => {
    const dave = await service.as("dave@contoso.com");
    const daveId = (await dave.get("/api/me")).body.id;
    const tag = `mine-${Date.now()}`;
    const own = await createCustomer(dave, { name: `Own ${tag} A` });
    await createCustomer(dave, { name: `Own ${tag} B` });
    const shared = await createCustomer(alice, { name: `Shared ${tag}` });
    await createCustomer(alice, { name: `Foreign ${tag}` });
    await alice.request("PUT", `/api/customers/${shared.id}/salesmen`, {
      version: 1,
      salesmanIds: [ids.alice, daveId],
    });

    const mine = await dave.get("/api/customers?mine=true&limit=2");
    expect(mine.body.total).toBe(3);
    expect(mine.body.items.map((c: { name: string }) => c.name)).toEqual([`Own ${tag} A`, `Own ${tag} B`]);
    const searched = await dave.get(`/api/customers?mine=true&search=${tag}`);
    expect(searched.body.total).toBe(3);
    expect(searched.body.items.map((c: { name: string }) => c.name)).not.toContain(`Foreign ${tag}`);
    expect((await dave.get(`/api/customers?search=${tag}`)).body.total).toBe(4);
    // Unlinking takes the customer off the list at once.
    await dave.request("PUT", `/api/customers/${own.id}/salesmen`, { version: 1, salesmanIds: [] });
    expect((await dave.get("/api/customers?mine=true")).body.total).toBe(2);
    expect((await dave.get("/api/customers?mine=yes")).status).toBe(400);
  });
});
