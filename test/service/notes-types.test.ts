import type { ApiClient } from "../support/api-client";
import { createContact, createCustomer, unique } from "../support/fixtures";
import { testBackends } from "../support/test-database";
import { type TestService, startTestService } from "../support/test-service";

describe.each(testBackends())("notes and customer types on %s", (backend) => {
  let service: TestService;
  let alice: ApiClient;
  let ben: ApiClient;
  let admin: ApiClient;

  beforeAll(async () => {
    service = await startTestService(backend);
    alice = await service.as("alice@contoso.com");
    ben = await service.as("ben@contoso.com");
    admin = await service.as("admin@contoso.com", "ADMIN");
  });
  afterAll(() => service.stop());

  it("stores notes sanitised with their links, newest first, for customer and contact", async () => {
    const customer = await createCustomer(alice);
    const contact = await createContact(alice, { customerId: customer.id });
    const first = await alice.post("/api/notes", { customerId: customer.id, bodyHtml: "<p>First</p>" });
    const second = await alice.post("/api/notes", {
      contactId: contact.id,
      bodyHtml:
        '<p>See <a href="https://fabrikam.example/contract" onmouseover="x()">contract</a><script>x()</script></p>',
    });
    expect([first.status, second.status]).toEqual([201, 201]);
    expect(second.body.customerId).toBe(customer.id);
    expect(second.body.bodyHtml).toBe(
      '<p>See <a href="https://fabrikam.example/contract" target="_blank" rel="noopener noreferrer">contract</a></p>',
    );
    const list = await alice.get(`/api/notes?customerId=${customer.id}`);
    expect(list.body.items.map((note: { bodyText: string }) => note.bodyText)).toEqual(["See contract", "First"]);
    const forContact = await alice.get(`/api/notes?contactId=${contact.id}`);
    expect(forContact.body.total).toBe(1);
  });

  it("refuses a note that is empty once cleaned, or that belongs to nobody", async () => {
    const customer = await createCustomer(alice);
    const onlyScript = await alice.post("/api/notes", {
      customerId: customer.id,
      bodyHtml: "<script>alert(1)</script>",
    });
    expect(onlyScript.status).toBe(400);
    expect(onlyScript.body.error.details[0].field).toBe("body.bodyHtml");
    // A tracking pixel loses its remote source: an image with nothing to show is no content either.
    const onlyPixel = await alice.post("/api/notes", {
      customerId: customer.id,
      bodyHtml: '<img src="https://tracker.example/p.gif" onerror="alert(1)">',
    });
    expect(onlyPixel.status).toBe(400);
    const orphan = await alice.post("/api/notes", { bodyHtml: "<p>x</p>" });
    expect(orphan.status).toBe(400);
    expect(orphan.body.error.details[0].field).toBe("body.customerId");
    // The write itself finds out (its foreign key): a customer that does not exist is a 404 naming the field.
    const unknown = await alice.post("/api/notes", {
      customerId: "00000000-0000-4000-8000-000000000000",
      bodyHtml: "<p>x</p>",
    });
    expect(unknown.status).toBe(404);
    expect(unknown.body.error.details[0].field).toBe("body.customerId");
    expect((await alice.get(`/api/notes?customerId=${customer.id}`)).body.total).toBe(0);
    const logo = await alice.post("/api/notes", { customerId: customer.id, bodyHtml: '<img src="cid:logo@01">' });
    expect(logo.status).toBe(201);
  });

  it("stores notes sent together each with its own text, and refuses only the one on an unknown customer", async () => {
    // Notes that arrive together are written in one statement: one that cannot be stored must not take the others.
    const customer = await createCustomer(alice);
    const responses = await Promise.all(
      Array.from({ length: 6 }, (_, i) =>
        alice.post("/api/notes", {
          customerId: i === 2 ? "00000000-0000-4000-8000-000000000000" : customer.id,
          bodyHtml: `<p>note ${i}</p>`,
        }),
      ),
    );
    expect(responses.map((response) => response.status)).toEqual([201, 201, 404, 201, 201, 201]);
    responses.forEach((response, i) => {
      if (i !== 2)
        expect(response.body).toMatchObject({ bodyText: `note ${i}`, author: { email: "alice@contoso.com" } });
    });
    expect((await alice.get(`/api/notes?customerId=${customer.id}`)).body.total).toBe(5);
  });

  it("refuses a note whose contact belongs to another customer, naming contactId, and stores nothing", async () => {
    const [fabrikam, contoso] = await Promise.all([createCustomer(alice), createCustomer(alice)]);
    const jonas = await createContact(alice, { customerId: fabrikam.id });
    const mismatched = await alice.post("/api/notes", {
      customerId: contoso.id,
      contactId: jonas.id,
      bodyHtml: "<p>Talked to Jonas</p>",
    });
    expect(mismatched.status).toBe(400);
    expect(mismatched.body.error.details).toEqual([
      { field: "body.contactId", message: "this contact belongs to another customer" },
    ]);
    expect((await alice.get(`/api/notes?customerId=${contoso.id}`)).body.total).toBe(0);
    expect((await alice.get(`/api/notes?contactId=${jonas.id}`)).body.total).toBe(0);
    // As everywhere else: the contact's own customer, or an unassigned contact, is fine.
    const matching = await alice.post("/api/notes", {
      customerId: fabrikam.id,
      contactId: jonas.id,
      bodyHtml: "<p>Talked to Jonas</p>",
    });
    expect(matching.status).toBe(201);
    const unassigned = await createContact(alice, { customerId: null });
    const withUnassigned = await alice.post("/api/notes", {
      customerId: contoso.id,
      contactId: unassigned.id,
      bodyHtml: "<p>Met at the fair</p>",
    });
    expect(withUnassigned.body).toMatchObject({ customerId: contoso.id, contactId: unassigned.id });
  });

  it("lets the author, a manager or an admin edit a note", async () => {
    const customer = await createCustomer(alice);
    const note = (await alice.post("/api/notes", { customerId: customer.id, bodyHtml: "<p>Mine</p>" })).body;
    expect((await ben.patch(`/api/notes/${note.id}`, { version: 1, bodyHtml: "<p>Yours</p>" })).status).toBe(403);
    const edited = await admin.patch(`/api/notes/${note.id}`, { version: 1, bodyHtml: "<p>Fixed typo</p>" });
    expect(edited.body).toMatchObject({ bodyText: "Fixed typo", version: 2 });
  });

  it("keeps types as a curated list: salesmen read, managers and admins maintain", async () => {
    const name = unique("Key account");
    expect((await alice.post("/api/types", { name })).status).toBe(403);
    const created = await admin.post("/api/types", { name });
    expect(created.status).toBe(201);
    expect((await admin.post("/api/types", { name })).status).toBe(409);
    await createCustomer(alice, { types: [name] });
    const types = await alice.get("/api/types");
    expect(types.body.items.find((type: { name: string }) => type.name === name)).toMatchObject({ customerCount: 1 });
    const renamed = await admin.patch(`/api/types/${created.body.id}`, { name: `${name} A` });
    expect(renamed.body.name).toBe(`${name} A`);
  });
});
