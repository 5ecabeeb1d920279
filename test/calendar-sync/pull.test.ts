import { createContact, createCustomer } from "../support/fixtures";
import { testBackends } from "../support/test-database";
import type { TestService } from "../support/test-service";
import { activityOf, planActivity, startSyncService, syncNow, tokenOf, useGraphFake } from "./support/sync-harness";

// Each test has its own user, so its mailbox and delta state are its own.
describe.each(testBackends())("pulling Outlook changes on %s", (backend) => {
  const graph = useGraphFake({ pageSize: 4 });
  let service: TestService;

  beforeAll(async () => {
    service = await startSyncService(backend, { SYNC_IMPORT_OUTLOOK_EVENTS: "1" });
  });
  afterAll(() => service.stop());

  /** A user with one synced activity, whose event is in their fake mailbox. */
  async function synced(email: string, overrides: Record<string, unknown> = {}) {
    const user = await service.as(email);
    const planned = await planActivity(user, overrides);
    await syncNow(user);
    const activity = await activityOf(user, planned.id);
    return { user, activity, token: tokenOf(email), eventId: activity.sync.eventId as string };
  }

  it("moves the activity when its event is moved in Outlook, without pushing it back", async () => {
    const { user, activity, token, eventId } = await synced("mover@contoso.com");
    graph.fake.outlook.update(token, eventId, {
      start: { dateTime: "2026-12-05T14:00:00.0000000", timeZone: "Europe/Berlin" },
      end: { dateTime: "2026-12-05T15:30:00.0000000", timeZone: "Europe/Berlin" },
    });
    graph.fake.resetStats();
    const result = await syncNow(user);
    expect(result.pull).toMatchObject({ updated: 1, cancelled: 0 });
    const moved = await activityOf(user, activity.id);
    expect(moved).toMatchObject({
      startsAt: "2026-12-05T13:00:00.000Z",
      endsAt: "2026-12-05T14:30:00.000Z",
      version: activity.version + 1,
      sync: { state: "SYNCED", eventId },
    });
    expect(graph.fake.stats.operations["PATCH /me/events/{id}"]).toBeUndefined();
    // A second sync finds nothing new.
    expect((await syncNow(user)).pull).toMatchObject({ updated: 0, cancelled: 0 });
  });

  it("marks the activity cancelled, not erased, when its event is deleted in Outlook", async () => {
    const { user, activity, token, eventId } = await synced("deleter@contoso.com");
    graph.fake.outlook.delete(token, eventId);
    const result = await syncNow(user);
    expect(result.pull.cancelled).toBe(1);
    expect(await activityOf(user, activity.id)).toMatchObject({
      status: "CANCELLED",
      subject: activity.subject,
      sync: { state: "SYNCED", eventId: null },
    });
  });

  it("cancels the same way when the push is the one to find the event deleted in Outlook", async () => {
    const { user, activity, token, eventId } = await synced("push-finds-deleted@contoso.com");
    graph.fake.outlook.delete(token, eventId);
    // Edited in the CRM after the deletion: the push's update is answered 404 before the pull runs.
    await user.patch(`/api/activities/${activity.id}`, { version: activity.version, subject: "Edited after" });
    const patches = () => graph.fake.stats.operations["PATCH /me/events/{id}"] ?? 0;
    const patchesBefore = patches();
    await syncNow(user);
    expect(patches() - patchesBefore).toBe(1);
    expect(await activityOf(user, activity.id)).toMatchObject({
      status: "CANCELLED",
      subject: "Edited after",
      sync: { state: "SYNCED", eventId: null },
    });
    // Nothing is made again in Outlook for it, now or on the next sync.
    await syncNow(user);
    expect(graph.fake.events(token)).toEqual([]);
    expect(await activityOf(user, activity.id)).toMatchObject({ status: "CANCELLED", sync: { state: "SYNCED" } });
  });

  it("lets a later Outlook change win over an earlier CRM change not pushed yet", async () => {
    const { user, activity, token, eventId } = await synced("outlook-later@contoso.com");
    await user.patch(`/api/activities/${activity.id}`, { version: activity.version, subject: "CRM title" });
    graph.fake.outlook.update(token, eventId, { subject: "Outlook title" }, new Date(Date.now() + 60_000));
    const result = await syncNow(user);
    expect(result.push.conflicts).toBe(1);
    expect(await activityOf(user, activity.id)).toMatchObject({ subject: "Outlook title", sync: { state: "SYNCED" } });
    expect(graph.fake.events(token).map((event) => event.subject)).toEqual(["Outlook title"]);
  });

  it("lets a later CRM change win over an earlier Outlook change (If-Match, then the pull decides)", async () => {
    const { user, activity, token, eventId } = await synced("crm-later@contoso.com");
    graph.fake.outlook.update(token, eventId, { subject: "Outlook title" }, new Date(Date.now() - 60_000));
    await user.patch(`/api/activities/${activity.id}`, { version: activity.version, subject: "CRM title" });
    const result = await syncNow(user);
    expect(result.push.conflicts).toBe(1);
    expect(await activityOf(user, activity.id)).toMatchObject({ subject: "CRM title", sync: { state: "SYNCED" } });
    expect(graph.fake.events(token).map((event) => event.subject)).toEqual(["CRM title"]);
  });

  it("follows nextLink pages and after a 410 resyncs in full without duplicating anything", async () => {
    const email = "resync@contoso.com";
    const user = await service.as(email);
    const token = tokenOf(email);
    const planned = [];
    for (let day = 1; day <= 9; day++)
      planned.push(
        await planActivity(user, {
          subject: `Visit ${day}`,
          startsAt: `2026-12-1${day}T09:00:00.000Z`,
          endsAt: undefined,
        }),
      );
    const first = await syncNow(user);
    expect(first.pull.pages).toBeGreaterThanOrEqual(3); // 9 events, 4 a page
    const events = () => graph.fake.events(token);
    const [gone, moved] = [await activityOf(user, planned[0].id), await activityOf(user, planned[1].id)];

    // Graph forgets our delta state; meanwhile one event is deleted and one moved in Outlook.
    graph.fake.outlook.expireDeltaTokens(token);
    graph.fake.outlook.delete(token, gone.sync.eventId);
    graph.fake.outlook.update(token, moved.sync.eventId, {
      start: { dateTime: "2026-12-20T10:00:00.0000000", timeZone: "UTC" },
      end: { dateTime: "2026-12-20T10:30:00.0000000", timeZone: "UTC" },
    });
    const result = await syncNow(user);
    expect(result.pull).toMatchObject({ fullResync: true, cancelled: 1, updated: 1, imported: 0 });
    expect(events()).toHaveLength(8);
    expect((await activityOf(user, gone.id)).status).toBe("CANCELLED");
    expect((await activityOf(user, moved.id)).startsAt).toBe("2026-12-20T10:00:00.000Z");
    const list = (await user.get("/api/activities?limit=200")).body.items.filter(
      (a: { owner: { email: string } }) => a.owner.email === email,
    );
    expect(list).toHaveLength(9);
    // And the new deltaLink works again: nothing further changes.
    expect((await syncNow(user)).pull).toMatchObject({ fullResync: false, updated: 0, cancelled: 0 });
  });

  it("moves, rather than cancels, an activity whose event was moved out of the sync window", async () => {
    const { user, activity, token, eventId } = await synced("far@contoso.com");
    graph.fake.outlook.update(token, eventId, {
      start: { dateTime: "2028-01-10T09:00:00.0000000", timeZone: "UTC" },
      end: { dateTime: "2028-01-10T10:00:00.0000000", timeZone: "UTC" },
    });
    await syncNow(user);
    expect(await activityOf(user, activity.id)).toMatchObject({
      status: "PLANNED",
      startsAt: "2028-01-10T09:00:00.000Z",
    });
  });

  it("turns an Outlook meeting with a known contact into one activity, and a recurring one into one per occurrence, never twice", async () => {
    const email = "importer@contoso.com";
    const user = await service.as(email);
    const token = tokenOf(email);
    const customer = await createCustomer(user);
    const contact = await createContact(user, { customerId: customer.id, emails: ["Known.Person@Fabrikam.com"] });
    const meeting = {
      subject: "Lunch with Known",
      start: { dateTime: "2026-12-08T12:00:00.0000000", timeZone: "Europe/Berlin" },
      end: { dateTime: "2026-12-08T13:00:00.0000000", timeZone: "Europe/Berlin" },
      isAllDay: false,
      attendees: [{ emailAddress: { address: "known.person@fabrikam.com" }, type: "required" as const }],
    };
    graph.fake.outlook.create(token, meeting);
    graph.fake.outlook.create(token, {
      ...meeting,
      subject: "Stranger",
      attendees: [{ emailAddress: { address: "x@y.z" }, type: "required" }],
    });
    graph.fake.outlook.create(token, {
      ...meeting,
      subject: "Weekly check-in",
      start: { dateTime: "2026-12-01T09:00:00.0000000", timeZone: "Europe/Berlin" },
      end: { dateTime: "2026-12-01T09:30:00.0000000", timeZone: "Europe/Berlin" },
      recurrence: {
        pattern: { type: "weekly", interval: 1, daysOfWeek: ["tuesday"] },
        range: { type: "numbered", startDate: "2026-12-01", numberOfOccurrences: 4 },
      },
    });
    const result = await syncNow(user);
    expect(result.pull.imported).toBe(5);
    const mine = async () =>
      (await user.get(`/api/activities?contactId=${contact.id}&limit=200`)).body.items as {
        subject: string;
        startsAt: string;
        customerId: string;
        sync: { state: string };
      }[];
    const imported = await mine();
    expect(imported.map((a) => `${a.subject} ${a.startsAt}`)).toEqual([
      "Weekly check-in 2026-12-01T08:00:00.000Z",
      "Weekly check-in 2026-12-08T08:00:00.000Z",
      "Lunch with Known 2026-12-08T11:00:00.000Z",
      "Weekly check-in 2026-12-15T08:00:00.000Z",
      "Weekly check-in 2026-12-22T08:00:00.000Z",
    ]);
    expect(imported.every((a) => a.customerId === customer.id && a.sync.state === "SYNCED")).toBe(true);
    // A full resync sees every occurrence again and adds none.
    graph.fake.outlook.expireDeltaTokens(token);
    expect((await syncNow(user)).pull).toMatchObject({ fullResync: true, imported: 0 });
    expect(await mine()).toHaveLength(5);
  });

  it("recognises an event whose creation answer was lost by its transactionId, and links it instead of creating another", async () => {
    const email = "lost-answer@contoso.com";
    const user = await service.as(email);
    const activity = await planActivity(user, { subject: "Lost answer" });
    // Graph makes the event, then answers 503 with a long Retry-After: the push retries later, the pull runs now.
    graph.fake.inject({ path: /^\/\$batch$/, afterApply: true, status: 503, retryAfterSeconds: 60 });
    await syncNow(user);
    graph.fake.clearFaults();
    const linked = await activityOf(user, activity.id);
    const events = graph.fake.events(tokenOf(email));
    expect(events).toHaveLength(1);
    expect(linked.sync).toMatchObject({ state: "PENDING", eventId: events[0]!.id });
    await service.service.db.prisma.calendarOutbox.updateMany({ data: { availableAt: new Date() } });
    graph.fake.resetStats();
    await syncNow(user);
    expect(graph.fake.stats.operations["POST /me/events"]).toBeUndefined();
    expect(graph.fake.events(tokenOf(email))).toHaveLength(1);
    expect((await activityOf(user, activity.id)).sync.state).toBe("SYNCED");
  });
});
