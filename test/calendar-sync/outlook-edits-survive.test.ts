import { createContact, createCustomer } from "../support/fixtures";
import type { ApiClient } from "../support/api-client";
import { testBackends } from "../support/test-database";
import type { TestService } from "../support/test-service";
import { activityOf, planActivity, startSyncService, syncNow, tokenOf, useGraphFake } from "./support/sync-harness";

// A PATCH carries only what the CRM changed since it last sent the event: people invited in
// Outlook, categories and a body edited there stay; a field both sides changed goes to the later.
describe.each(testBackends())("Outlook-side edits survive the CRM's changes on %s", (backend) => {
  const graph = useGraphFake();
  let service: TestService;
  let alice: ApiClient;
  const token = tokenOf("alice@contoso.com");
  const eventOf = (eventId: string) => graph.fake.events(token).find((event) => event.id === eventId)!;
  const guest = { emailAddress: { address: "guest@adatum.com", name: "Guest" }, type: "optional" as const };

  beforeAll(async () => {
    service = await startSyncService(backend);
    alice = await service.as("alice@contoso.com");
  });
  afterAll(() => service.stop());

  async function syncedMeeting(overrides: Record<string, unknown> = {}) {
    const customer = await createCustomer(alice);
    const contact = await createContact(alice, { customerId: customer.id, emails: [`c${Date.now()}@fabrikam.com`] });
    const activity = await planActivity(alice, { contactId: contact.id, notes: "CRM agenda", ...overrides });
    await syncNow(alice);
    const synced = await activityOf(alice, activity.id);
    expect(synced.sync.state).toBe("SYNCED");
    return { activity: synced, contact, customer, eventId: synced.sync.eventId as string };
  }

  const edit = async (id: string, changes: Record<string, unknown>) => {
    const current = await activityOf(alice, id);
    const response = await alice.patch(`/api/activities/${id}`, { version: current.version, ...changes });
    expect(response.status).toBe(200);
    return response.body;
  };

  it("keeps attendees, categories and a body edited in Outlook when the CRM renames the activity", async () => {
    const { activity, contact, eventId } = await syncedMeeting();
    const invited = eventOf(eventId).attendees!;
    graph.fake.outlook.update(token, eventId, {
      attendees: [...invited, guest],
      categories: ["Red category"],
      body: { contentType: "html", content: "<p>Dial-in: 1234</p>" },
    } as never);
    await syncNow(alice);
    await edit(activity.id, { subject: "Renamed in the CRM" });
    await syncNow(alice);

    const event = eventOf(eventId) as ReturnType<typeof eventOf> & { categories?: string[] };
    expect(event.subject).toBe("Renamed in the CRM");
    expect(event.attendees!.map((attendee) => attendee.emailAddress.address)).toEqual([
      contact.emails[0],
      guest.emailAddress.address,
    ]);
    expect(event.categories).toEqual(["Red category"]);
    expect(event.body).toEqual({ contentType: "html", content: "<p>Dial-in: 1234</p>" });
    expect((await activityOf(alice, activity.id)).sync.state).toBe("SYNCED");
  });

  it("swaps only the CRM's contact among the attendees when the activity gets another contact", async () => {
    const { activity, customer, eventId } = await syncedMeeting();
    graph.fake.outlook.update(token, eventId, { attendees: [...eventOf(eventId).attendees!, guest] });
    await syncNow(alice);
    const other = await createContact(alice, { customerId: customer.id, emails: ["other.contact@fabrikam.com"] });
    await edit(activity.id, { contactId: other.id });
    await syncNow(alice);
    expect(
      eventOf(eventId)
        .attendees!.map((attendee) => attendee.emailAddress.address)
        .sort(),
    ).toEqual(["guest@adatum.com", "other.contact@fabrikam.com"].sort());
    // Notes and time were not touched: the event's body is still the CRM's first one.
    expect(eventOf(eventId).body).toEqual({ contentType: "text", content: "CRM agenda" });
  });

  it("takes a move made in Outlook and sends the CRM's later note edit, each side keeping its field", async () => {
    const { activity, eventId } = await syncedMeeting();
    // Moved in Outlook; then, before any pull, the notes are edited in the CRM.
    graph.fake.outlook.update(token, eventId, {
      start: { dateTime: "2026-12-03T14:00:00.0000000", timeZone: "W. Europe Standard Time" },
      end: { dateTime: "2026-12-03T15:00:00.0000000", timeZone: "W. Europe Standard Time" },
    });
    await new Promise((resolve) => setTimeout(resolve, 5));
    await edit(activity.id, { notes: "New agenda from the CRM" });
    await syncNow(alice); // the PATCH meets a newer change key (412); the pull merges
    await syncNow(alice);

    const after = await activityOf(alice, activity.id);
    expect(after).toMatchObject({ startsAt: "2026-12-03T13:00:00.000Z", notes: "New agenda from the CRM" });
    expect(after.sync.state).toBe("SYNCED");
    const event = eventOf(eventId);
    expect(event.start.dateTime).toBe("2026-12-03T13:00:00.0000000"); // UTC, as the fake presents it
    expect(event.body).toEqual({ contentType: "text", content: "New agenda from the CRM" });
  });

  it("gives a field both sides changed to the later change, and keeps Outlook's other edits", async () => {
    const { activity, eventId } = await syncedMeeting();
    graph.fake.outlook.update(token, eventId, {
      subject: "Renamed in Outlook",
      body: { contentType: "text", content: "Outlook's notes" },
    });
    await new Promise((resolve) => setTimeout(resolve, 5));
    await edit(activity.id, { subject: "Renamed in the CRM, later" });
    await syncNow(alice);
    await syncNow(alice);
    expect(eventOf(eventId)).toMatchObject({
      subject: "Renamed in the CRM, later",
      body: { contentType: "text", content: "Outlook's notes" },
    });
    expect(await activityOf(alice, activity.id)).toMatchObject({ subject: "Renamed in the CRM, later" });

    // And the other way round: a later rename in Outlook wins over an earlier one in the CRM.
    await edit(activity.id, { subject: "CRM, earlier" });
    await new Promise((resolve) => setTimeout(resolve, 5));
    graph.fake.outlook.update(token, eventId, { subject: "Outlook, later" });
    await syncNow(alice);
    await syncNow(alice);
    expect(eventOf(eventId).subject).toBe("Outlook, later");
    expect(await activityOf(alice, activity.id)).toMatchObject({ subject: "Outlook, later" });
  });
});
