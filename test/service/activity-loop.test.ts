import type { ApiClient } from "../support/api-client";
import { createCustomer } from "../support/fixtures";
import { testBackends } from "../support/test-database";
import type { TestService } from "../support/test-service";
import { planActivity, startSyncService, syncNow, tokenOf, useGraphFake } from "../calendar-sync/support/sync-harness";

// The daily loop on one planned activity: finish with outcome and notes, reschedule, edit, cancel
// and reopen, each a versioned PATCH, each followed by Outlook through the outbox (Graph fake).
describe.each(testBackends())("the activity daily loop on %s", (backend) => {
  const graph = useGraphFake();
  let service: TestService;
  let alice: ApiClient;
  let ben: ApiClient;
  let maria: ApiClient;
  let admin: ApiClient;
  const mailbox = () => graph.fake.events(tokenOf("alice@contoso.com"));
  const read = async (id: string) => (await alice.get(`/api/activities/${id}`)).body;

  beforeAll(async () => {
    service = await startSyncService(backend);
    alice = await service.as("alice@contoso.com");
    ben = await service.as("ben@contoso.com");
    maria = await service.as("maria@contoso.com", "MANAGER");
    admin = await service.as("admin@contoso.com", "ADMIN");
  });
  afterAll(() => service.stop());

  it("finishes a call with its outcome and notes, and Outlook keeps the event without its reminder", async () => {
    const customer = await createCustomer(alice);
    const call = await planActivity(alice, { customerId: customer.id, type: "CALL", subject: "Price call" });
    await syncNow(alice);
    const { version, sync } = await read(call.id);
    const finished = await alice.patch(`/api/activities/${call.id}`, {
      version,
      status: "FINISHED",
      outcome: "Wants a quote for 20 pumps",
      callOutcome: "INTERESTED",
      notes: "Send the quote by Friday",
    });
    expect(finished.status).toBe(200);
    expect(finished.body).toMatchObject({
      status: "FINISHED",
      outcome: "Wants a quote for 20 pumps",
      callOutcome: "INTERESTED",
      notes: "Send the quote by Friday",
      overdue: false,
      finishedAt: expect.any(String),
      version: version + 1,
      sync: { state: "PENDING" },
    });
    await syncNow(alice);
    const event = mailbox().find((candidate) => candidate.id === sync.eventId)!;
    expect(event.isReminderOn).toBe(false);
    expect(event.body?.content).toBe("Send the quote by Friday");
    const record = (await alice.get(`/api/customers/${customer.id}`)).body;
    expect(record.activities.history[0]).toMatchObject({ id: call.id, outcome: "Wants a quote for 20 pumps" });
  });

  it("reschedules and edits, keeping the duration, and moves the Outlook event in the activity's own zone", async () => {
    const activity = await planActivity(alice, { timeZone: "Europe/Berlin" });
    await syncNow(alice);
    const before = await read(activity.id);
    const moved = await alice.patch(`/api/activities/${activity.id}`, {
      version: before.version,
      startsAt: "2026-12-10T14:00:00.000Z",
      timeZone: "America/New_York",
      location: "Video call",
      reminderMinutesBefore: 60,
    });
    expect(moved.body).toMatchObject({
      startsAt: "2026-12-10T14:00:00.000Z",
      endsAt: "2026-12-10T15:00:00.000Z",
      timeZone: "America/New_York",
      location: "Video call",
      reminderMinutesBefore: 60,
    });
    await syncNow(alice);
    const event = mailbox().find((candidate) => candidate.id === before.sync.eventId)!;
    expect(event.location?.displayName).toBe("Video call");
    expect(event.reminderMinutesBeforeStart).toBe(60);
    // 14:00 UTC is 09:00 in New York; the event says so in UTC or in the activity's zone.
    const wallClock: Record<string, string> = {
      UTC: "2026-12-10T14:00",
      "America/New_York": "2026-12-10T09:00",
      "Eastern Standard Time": "2026-12-10T09:00",
    };
    expect(event.start.dateTime.slice(0, 16)).toBe(wallClock[event.start.timeZone]);
    expect((await read(activity.id)).sync.state).toBe("SYNCED");
  });

  it("cancels, then reopens: the event leaves Outlook and comes back as a new one", async () => {
    const activity = await planActivity(alice, { subject: "Workshop" });
    await syncNow(alice);
    const first = await read(activity.id);
    const cancelled = await alice.patch(`/api/activities/${activity.id}`, {
      version: first.version,
      status: "CANCELLED",
    });
    expect(cancelled.body.status).toBe("CANCELLED");
    await syncNow(alice);
    expect(mailbox().some((event) => event.id === first.sync.eventId)).toBe(false);

    const afterCancel = await read(activity.id);
    const reopened = await alice.patch(`/api/activities/${activity.id}`, {
      version: afterCancel.version,
      status: "PLANNED",
    });
    expect(reopened.body).toMatchObject({ status: "PLANNED", finishedAt: null, sync: { state: "PENDING" } });
    await syncNow(alice);
    const again = await read(activity.id);
    expect(again.sync).toMatchObject({ state: "SYNCED", eventId: expect.any(String) });
    expect(again.sync.eventId).not.toBe(first.sync.eventId);
    expect(mailbox().filter((event) => event.subject === "Workshop")).toHaveLength(1);
  });

  it("reopens a finished activity without its outcome, and refuses an outcome for anything not finished", async () => {
    const call = await planActivity(alice, { type: "CALL", subject: "Reopen me" });
    const finished = await alice.patch(`/api/activities/${call.id}`, {
      version: call.version,
      status: "FINISHED",
      outcome: "Reached him",
      callOutcome: "CALL_BACK",
    });
    const reopened = await alice.patch(`/api/activities/${call.id}`, {
      version: finished.body.version,
      status: "PLANNED",
    });
    expect(reopened.body).toMatchObject({ status: "PLANNED", outcome: null, callOutcome: null, finishedAt: null });

    const planned = await alice.patch(`/api/activities/${call.id}`, {
      version: reopened.body.version,
      outcome: "Too early",
    });
    expect(planned.status).toBe(400);
    expect(planned.body.error.details[0].field).toBe("body.outcome");
    const visit = await planActivity(alice, { type: "VISIT" });
    const wrongKind = await alice.patch(`/api/activities/${visit.id}`, {
      version: visit.version,
      status: "FINISHED",
      callOutcome: "INTERESTED",
    });
    expect(wrongKind.status).toBe(400);
    expect(wrongKind.body.error.details[0].field).toBe("body.callOutcome");
    const unknown = await alice.patch(`/api/activities/${call.id}`, {
      version: reopened.body.version,
      status: "FINISHED",
      callOutcome: "MAYBE",
    });
    expect(unknown.status).toBe(400);
    expect(unknown.body.error.details[0].field).toBe("body.callOutcome");
    const tooLong = await alice.patch(`/api/activities/${call.id}`, {
      version: reopened.body.version,
      status: "FINISHED",
      outcome: "x".repeat(2001),
    });
    expect(tooLong.status).toBe(400);
    expect(tooLong.body.error.details[0].field).toBe("body.outcome");
    // Nothing of the refused requests was kept.
    expect(await read(call.id)).toMatchObject({ status: "PLANNED", outcome: null, version: reopened.body.version });
  });

  it("logs a past activity as done with its outcome in one step", async () => {
    const done = await alice.post("/api/activities", {
      type: "VISIT",
      subject: "Visit yesterday",
      startsAt: new Date(Date.now() - 86_400_000).toISOString(),
      timeZone: "Europe/Berlin",
      status: "FINISHED",
      outcome: "Machine park counted",
    });
    expect(done.status).toBe(201);
    expect(done.body).toMatchObject({ status: "FINISHED", outcome: "Machine park counted", overdue: false });
    const planned = await alice.post("/api/activities", {
      type: "VISIT",
      subject: "Outcome too early",
      startsAt: "2027-01-10T10:00:00Z",
      timeZone: "Europe/Berlin",
      outcome: "Will go well",
    });
    expect(planned.status).toBe(400);
    expect(planned.body.error.details[0].field).toBe("body.outcome");
  });

  it("marks planned activities whose end has passed as overdue, in the record too", async () => {
    const customer = await createCustomer(alice);
    const hour = 3_600_000;
    const at = (offset: number) => new Date(Date.now() + offset).toISOString();
    const late = await planActivity(alice, {
      customerId: customer.id,
      subject: "Late",
      startsAt: at(-3 * hour),
      endsAt: at(-2 * hour),
    });
    const running = await planActivity(alice, {
      customerId: customer.id,
      subject: "Running",
      startsAt: at(-hour),
      endsAt: at(hour),
    });
    const next = await planActivity(alice, { customerId: customer.id, subject: "Next", startsAt: at(2 * hour) });
    await planActivity(alice, {
      customerId: customer.id,
      subject: "Done late",
      startsAt: at(-3 * hour),
      endsAt: at(-2 * hour),
      status: "FINISHED",
    });
    expect([late.overdue, running.overdue, next.overdue]).toEqual([true, false, false]);
    const record = (await alice.get(`/api/customers/${customer.id}`)).body;
    expect(record.activities.future.map((a: { subject: string; overdue: boolean }) => [a.subject, a.overdue])).toEqual([
      ["Late", true],
      ["Running", false],
      ["Next", false],
    ]);
    expect(record.activities.history.map((a: { overdue: boolean }) => a.overdue)).toEqual([false]);
  });

  it("refuses a stale version and keeps the change that won", async () => {
    const activity = await planActivity(alice);
    const moved = await alice.patch(`/api/activities/${activity.id}`, {
      version: activity.version,
      startsAt: "2026-12-05T09:00:00.000Z",
    });
    expect(moved.status).toBe(200);
    const stale = await maria.patch(`/api/activities/${activity.id}`, {
      version: activity.version,
      status: "CANCELLED",
    });
    expect(stale.status).toBe(409);
    expect(stale.body.error.code).toBe("conflict");
    expect(await read(activity.id)).toMatchObject({ status: "PLANNED", startsAt: "2026-12-05T09:00:00.000Z" });
  });

  it("lets the owner, a manager or an admin finish, cancel and reopen, never a colleague", async () => {
    let activity = await planActivity(alice);
    for (const body of [
      { status: "FINISHED", outcome: "Mine now" },
      { status: "CANCELLED" },
      { startsAt: "2026-12-20T09:00:00.000Z" },
    ]) {
      const byColleague = await ben.patch(`/api/activities/${activity.id}`, { version: activity.version, ...body });
      expect(byColleague.status).toBe(403);
      expect(byColleague.body.error.message).toMatch(/owner/);
    }
    for (const [who, body] of [
      [maria, { status: "FINISHED", outcome: "Closed by the manager" }],
      [admin, { status: "PLANNED" }],
      [maria, { status: "CANCELLED" }],
      [admin, { status: "PLANNED" }],
    ] as const) {
      const response = await who.patch(`/api/activities/${activity.id}`, { version: activity.version, ...body });
      expect(response.status).toBe(200);
      activity = response.body;
    }
    expect(activity).toMatchObject({ status: "PLANNED", owner: { email: "alice@contoso.com" } });
  });
});
