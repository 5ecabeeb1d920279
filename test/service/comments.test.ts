import { createCustomer } from "../support/fixtures";
import type { ApiClient } from "../support/api-client";
import { testBackends } from "../support/test-database";
import { type TestService, startTestService } from "../support/test-service";

const UNKNOWN = "00000000-0000-4000-8000-000000000000";

describe.each(testBackends())("customer comments on %s", (backend) => {
  let service: TestService;
  let alice: ApiClient;
  let ben: ApiClient;
  let manager: ApiClient;

  beforeAll(async () => {
    service = await startTestService(backend);
    alice = await service.as("alice@contoso.com");
    ben = await service.as("ben@contoso.com");
    manager = await service.as("maria@contoso.com", "MANAGER");
  });
  afterAll(() => service.stop());

  it("lists pinned comments first, then the newest, in the list and in the record", async () => {
    const customer = await createCustomer(alice);
    const first = await alice.post(`/api/customers/${customer.id}/comments`, { body: "  Prefers calls before 10  " });
    expect(first.status).toBe(201);
    expect(first.body).toMatchObject({
      customerId: customer.id,
      body: "Prefers calls before 10",
      pinned: false,
      author: { email: "alice@contoso.com" },
      version: 1,
    });
    await alice.post(`/api/customers/${customer.id}/comments`, { body: "Never fax them", pinned: true });
    await ben.post(`/api/customers/${customer.id}/comments`, { body: "Met at the fair" });

    const bodies = ["Never fax them", "Met at the fair", "Prefers calls before 10"];
    const list = await alice.get(`/api/customers/${customer.id}/comments`);
    expect(list.body.items.map((c: { body: string }) => c.body)).toEqual(bodies);
    expect(list.body.total).toBe(3);
    const record = await alice.get(`/api/customers/${customer.id}`);
    expect(record.body.comments.map((c: { body: string }) => c.body)).toEqual(bodies);
  });

  it("keeps a body as plain text, exactly as typed", async () => {
    const customer = await createCustomer(alice);
    const body = `<script>alert("x")</script> 5 < 6 & "quotes"`;
    const created = await alice.post(`/api/customers/${customer.id}/comments`, { body });
    expect(created.body.body).toBe(body);
  });

  it("refuses empty, too long and malformed comments, naming the field", async () => {
    const customer = await createCustomer(alice);
    const empty = await alice.post(`/api/customers/${customer.id}/comments`, { body: "   " });
    expect(empty.status).toBe(400);
    expect(empty.body.error.details[0].field).toBe("body.body");
    const long = await alice.post(`/api/customers/${customer.id}/comments`, { body: "x".repeat(2001) });
    expect(long.body.error.details[0].field).toBe("body.body");
    expect((await alice.post(`/api/customers/${customer.id}/comments`, { body: "x".repeat(2000) })).status).toBe(201);
    const pinned = await alice.post(`/api/customers/${customer.id}/comments`, { body: "ok", pinned: "yes" });
    expect(pinned.body.error.details[0].field).toBe("body.pinned");
    expect((await alice.post(`/api/customers/${UNKNOWN}/comments`, { body: "ok" })).status).toBe(404);
    expect((await alice.get(`/api/customers/${UNKNOWN}/comments`)).status).toBe(404);
  });

  it("lets the author edit, pin and delete, with the version they loaded", async () => {
    const customer = await createCustomer(alice);
    const created = (await alice.post(`/api/customers/${customer.id}/comments`, { body: "Draft" })).body;
    const pinned = await alice.patch(`/api/comments/${created.id}`, { version: 1, pinned: true });
    expect(pinned.body).toMatchObject({ body: "Draft", pinned: true, version: 2 });
    const edited = await alice.patch(`/api/comments/${created.id}`, { version: 2, body: "Final" });
    expect(edited.body).toMatchObject({ body: "Final", pinned: true, version: 3 });
    const stale = await alice.patch(`/api/comments/${created.id}`, { version: 2, body: "Lost?" });
    expect(stale.status).toBe(409);
    const noVersion = await alice.patch(`/api/comments/${created.id}`, { body: "x" });
    expect(noVersion.body.error.details[0].field).toBe("body.version");
    expect((await alice.request("DELETE", `/api/comments/${created.id}`)).status).toBe(204);
    expect((await alice.request("DELETE", `/api/comments/${created.id}`)).status).toBe(404);
    expect((await alice.get(`/api/customers/${customer.id}/comments`)).body.items).toEqual([]);
  });

  it("lets only the author, a manager or an admin change someone's comment", async () => {
    const customer = await createCustomer(alice);
    const created = (await alice.post(`/api/customers/${customer.id}/comments`, { body: "Alice's" })).body;
    const byBen = await ben.patch(`/api/comments/${created.id}`, { version: 1, body: "Ben was here" });
    expect(byBen.status).toBe(403);
    expect((await ben.request("DELETE", `/api/comments/${created.id}`)).status).toBe(403);
    expect((await alice.get(`/api/customers/${customer.id}/comments`)).body.items[0].body).toBe("Alice's");

    const byManager = await manager.patch(`/api/comments/${created.id}`, { version: 1, pinned: true });
    expect(byManager.status).toBe(200);
    const admin = await service.as("root@contoso.com", "ADMIN");
    expect((await admin.request("DELETE", `/api/comments/${created.id}`)).status).toBe(204);
  });
});
