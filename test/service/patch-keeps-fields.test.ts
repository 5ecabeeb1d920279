import type { ApiClient } from "../support/api-client";
import { createContact, createCustomer, unique } from "../support/fixtures";
import { type JsonSchema, operationsOf } from "../support/openapi-walk";
import { testBackends } from "../support/test-database";
import { type TestService, startTestService } from "../support/test-service";

// A PATCH changes the fields it names and nothing else. zod applies a field's .default() inside
// .partial(), so an update schema derived from a create schema with defaults silently resets them:
// activity templates did (every PATCH set durationMinutes back to 30).

/** Where a PATCH body has a default: objects are walked, array elements are whole values restated. */
function defaultsIn(schema: JsonSchema, field: string): string[] {
  const here = schema.default !== undefined ? [field] : [];
  const options = schema.anyOf ?? schema.oneOf ?? [];
  return [
    ...here,
    ...options.flatMap((option) => defaultsIn(option, field)),
    ...Object.entries(schema.properties ?? {}).flatMap(([key, property]) => defaultsIn(property, `${field}.${key}`)),
  ];
}

describe.each(testBackends())("a PATCH keeps what it does not name, on %s", (backend) => {
  let service: TestService;
  let alice: ApiClient;
  let manager: ApiClient;
  let admin: ApiClient;

  beforeAll(async () => {
    service = await startTestService(backend);
    alice = await service.as("alice@contoso.com");
    manager = await service.as("maria@contoso.com", "MANAGER");
    admin = await service.as("admin@contoso.com", "ADMIN");
  });
  afterAll(() => service.stop());

  it("has no default in any PATCH body of the API", async () => {
    const operations = operationsOf((await alice.get("/api/openapi.json")).body);
    const patches = operations.filter((operation) => operation.method === "PATCH" && operation.body);
    expect(patches.length).toBeGreaterThan(15);
    const found = patches.flatMap((operation) =>
      defaultsIn(operation.body!, "body").map((field) => `${operation.path}: ${field}`),
    );
    expect(found).toEqual([]);
  });

  it("keeps a template's duration, notes and reminder when only its name changes", async () => {
    const created = await manager.post("/api/templates", {
      name: unique("Site visit"),
      type: "VISIT",
      subject: "Visit on site",
      notes: "Bring the safety shoes",
      durationMinutes: 120,
      reminderMinutesBefore: 60,
    });
    expect(created.status).toBe(201);
    const renamed = await manager.patch(`/api/templates/${created.body.id}`, { name: `${created.body.name} (2h)` });
    expect(renamed.status).toBe(200);
    expect(renamed.body).toEqual({ ...created.body, name: `${created.body.name} (2h)` });
    const listed = (await alice.get("/api/templates")).body.items.find(
      (template: { id: string }) => template.id === created.body.id,
    );
    expect(listed).toMatchObject({ durationMinutes: 120, notes: "Bring the safety shoes", reminderMinutesBefore: 60 });
    // A new activity from it still takes two hours.
    const activity = await alice.post("/api/activities", {
      templateId: created.body.id,
      startsAt: "2027-05-03T09:00:00Z",
      timeZone: "Europe/Berlin",
    });
    expect(activity.body.endsAt).toBe("2027-05-03T11:00:00.000Z");
    // A new template without a duration still gets the default.
    const plain = await manager.post("/api/templates", { name: unique("Call"), type: "CALL", subject: "Call" });
    expect(plain.body.durationMinutes).toBe(30);
  });

  it("keeps an archived profiling question archived when a PATCH restates it without `archived`", async () => {
    const set = await admin.post("/api/profiling/sets", {
      name: unique("Purchasing"),
      questions: [
        { text: "Budget owner", kind: "TEXT" },
        { text: "Fiscal year end", kind: "TEXT" },
      ],
    });
    const [owner, fiscal] = set.body.questions;
    const archived = await admin.patch(`/api/profiling/sets/${set.body.id}`, {
      version: 1,
      questions: [owner, { ...fiscal, archived: true }],
    });
    expect(archived.body.questions.map((q: { archived: boolean }) => q.archived)).toEqual([false, true]);
    // The pane of an older build, or a script, lists the questions by id, text and kind only.
    const restated = await admin.patch(`/api/profiling/sets/${set.body.id}`, {
      version: 2,
      questions: [
        { id: owner.id, text: "Budget owner (name)", kind: "TEXT" },
        { id: fiscal.id, text: fiscal.text, kind: "TEXT" },
        { text: "Preferred supplier", kind: "TEXT" },
      ],
    });
    expect(restated.status).toBe(200);
    expect(restated.body.questions.map((q: { text: string; archived: boolean }) => [q.text, q.archived])).toEqual([
      ["Budget owner (name)", false],
      ["Fiscal year end", true],
      ["Preferred supplier", false],
    ]);
  });

  it("refuses to move an activity to a customer its contact does not belong to, naming contactId", async () => {
    const [fabrikam, contoso] = await Promise.all([createCustomer(alice), createCustomer(alice)]);
    const contact = await createContact(alice, { customerId: fabrikam.id });
    const activity = await alice.post("/api/activities", {
      customerId: fabrikam.id,
      contactId: contact.id,
      type: "CALL",
      subject: "Follow-up",
      startsAt: "2027-05-03T09:00:00Z",
      timeZone: "Europe/Berlin",
    });
    const moved = await alice.patch(`/api/activities/${activity.body.id}`, { version: 1, customerId: contoso.id });
    expect(moved.status).toBe(400);
    expect(moved.body.error.details).toEqual([
      { field: "body.contactId", message: "this contact belongs to another customer" },
    ]);
    expect((await alice.get(`/api/activities/${activity.body.id}`)).body).toMatchObject({
      customerId: fabrikam.id,
      contactId: contact.id,
      version: 1,
    });
    // Moving it with its contact cleared is fine, and the subject it did not name stays.
    const cleared = await alice.patch(`/api/activities/${activity.body.id}`, {
      version: 1,
      customerId: contoso.id,
      contactId: null,
    });
    expect(cleared.body).toMatchObject({ customerId: contoso.id, contactId: null, subject: "Follow-up", version: 2 });
  });
});
