import { createContact, createCustomer } from "../support/fixtures";
import type { ApiClient } from "../support/api-client";
import { testBackends } from "../support/test-database";
import type { TestService } from "../support/test-service";
import { planActivity, startSyncService, syncNow, tokenOf, useGraphFake } from "./support/sync-harness";
import { ACTIVITY_ID_PROPERTY } from "../../service/src/calendar-sync/graph/graph-event.mapper";

describe.each(testBackends())("pushing activities to Outlook on %s", (backend) => {
  const graph = useGraphFake();
  let service: TestService;
  let alice: ApiClient;
  const mailbox = () => graph.fake.events(tokenOf("alice@contoso.com"));

  beforeAll(async () => {
    service = await startSyncService(backend);
    alice = await service.as("alice@contoso.com");
  });
  afterAll(() => service.stop());

  it("shows a planned activity as PENDING, then SYNCED with its event id once sync ran", async () => {
    const customer = await createCustomer(alice);
    const contact = await createContact(alice, { customerId: customer.id, emails: ["jonas.keller@fabrikam.com"] });
    const activity = await planActivity(alice, { contactId: contact.id, location: "Berlin office", notes: "Agenda" });
    expect(activity.sync).toEqual({ state: "PENDING", eventId: null, error: null, lastSyncedAt: null, waiting: null });

    const result = await syncNow(alice);
    expect(result).toMatchObject({ enabled: true, push: { pushed: 1, failed: 0 }, pending: 0 });

    const synced = (await alice.get(`/api/activities/${activity.id}`)).body;
    expect(synced.sync.state).toBe("SYNCED");
    expect(synced.sync.eventId).toEqual(expect.any(String));
    const event = mailbox().find((candidate) => candidate.id === synced.sync.eventId)!;
    expect(event).toMatchObject({
      subject: "Quarterly review",
      start: { dateTime: "2026-12-03T09:00:00.0000000", timeZone: "UTC" },
      end: { dateTime: "2026-12-03T10:00:00.0000000", timeZone: "UTC" },
      isReminderOn: true,
      reminderMinutesBeforeStart: 15,
      location: { displayName: "Berlin office" },
      body: { contentType: "text", content: "Agenda" },
      attendees: [{ emailAddress: { address: "jonas.keller@fabrikam.com", name: "Jonas Keller" }, type: "required" }],
      transactionId: `crm-${activity.id}-0`,
      singleValueExtendedProperties: [{ id: ACTIVITY_ID_PROPERTY, value: activity.id }],
    });
  });

  it("moves the event when the activity is moved, and silences the reminder when it is finished", async () => {
    const activity = await planActivity(alice);
    await syncNow(alice);
    const moved = await alice.patch(`/api/activities/${activity.id}`, {
      version: activity.version,
      startsAt: "2026-12-04T13:00:00.000Z",
    });
    expect(moved.body.sync.state).toBe("PENDING");
    await syncNow(alice);
    const after = (await alice.get(`/api/activities/${activity.id}`)).body;
    let event = mailbox().find((candidate) => candidate.id === after.sync.eventId)!;
    expect(event.start.dateTime).toBe("2026-12-04T13:00:00.0000000");
    expect(event.end.dateTime).toBe("2026-12-04T14:00:00.0000000");

    await alice.patch(`/api/activities/${activity.id}`, { version: after.version, status: "FINISHED" });
    await syncNow(alice);
    event = mailbox().find((candidate) => candidate.id === after.sync.eventId)!;
    expect(event.isReminderOn).toBe(false);
    expect((await alice.get(`/api/activities/${activity.id}`)).body.sync.state).toBe("SYNCED");
    expect(mailbox().filter((candidate) => candidate.transactionId?.includes(activity.id))).toHaveLength(1);
  });

  it("removes the event when the activity is cancelled, and tells the attendee", async () => {
    const contact = await createContact(alice, { emails: ["cancel.me@fabrikam.com"] });
    const withAttendee = await planActivity(alice, { contactId: contact.id });
    const alone = await planActivity(alice);
    await syncNow(alice);
    const eventIds = await Promise.all(
      [withAttendee, alone].map(async (a) => (await alice.get(`/api/activities/${a.id}`)).body.sync.eventId),
    );
    for (const activity of [withAttendee, alone]) {
      const current = (await alice.get(`/api/activities/${activity.id}`)).body;
      await alice.patch(`/api/activities/${activity.id}`, { version: current.version, status: "CANCELLED" });
    }
    await syncNow(alice);
    expect(mailbox().map((event) => event.id)).not.toEqual(expect.arrayContaining([eventIds[0]]));
    expect(mailbox().map((event) => event.id)).not.toEqual(expect.arrayContaining([eventIds[1]]));
    expect(graph.fake.mailbox(tokenOf("alice@contoso.com")).cancellations).toEqual([
      { eventId: eventIds[0], comment: "Cancelled in the CRM" },
    ]);
    const cancelled = (await alice.get(`/api/activities/${alone.id}`)).body;
    expect(cancelled.sync).toMatchObject({ state: "SYNCED", eventId: null, error: null });
  });

  it("puts nothing in Outlook for an activity recorded as already finished", async () => {
    const activity = await planActivity(alice, { status: "FINISHED", subject: "Call logged afterwards" });
    expect(activity.sync.state).toBe("NOT_SYNCED");
    await syncNow(alice);
    expect(mailbox().some((event) => event.subject === "Call logged afterwards")).toBe(false);
  });

  it("moves the event from the previous owner's calendar to the new owner's when the activity is handed over", async () => {
    const manager = await service.as("maria@contoso.com", "MANAGER");
    const bob = await service.as("bob@contoso.com");
    const bobId = (await bob.get("/api/me")).body.id;
    const activity = await planActivity(alice, { subject: "Handover visit" });
    await syncNow(alice);
    const before = (await alice.get(`/api/activities/${activity.id}`)).body;
    expect(mailbox().some((event) => event.id === before.sync.eventId)).toBe(true);

    await manager.patch(`/api/activities/${activity.id}`, { version: before.version, ownerId: bobId });
    await syncNow(bob);
    const after = (await bob.get(`/api/activities/${activity.id}`)).body;
    expect(after).toMatchObject({ status: "PLANNED", sync: { state: "SYNCED" } });
    expect(mailbox().some((event) => event.subject === "Handover visit")).toBe(false);
    expect(graph.fake.events(tokenOf("bob@contoso.com")).map((event) => [event.id, event.subject])).toEqual([
      [after.sync.eventId, "Handover visit"],
    ]);
  });
});
