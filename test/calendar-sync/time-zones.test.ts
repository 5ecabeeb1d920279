import { testBackends } from "../support/test-database";
import type { TestService } from "../support/test-service";
import { createContact } from "../support/fixtures";
import { activityOf, planActivity, startSyncService, syncNow, tokenOf, useGraphFake } from "./support/sync-harness";

// Berlin leaves summer time on 2026-10-25 and enters it on 2026-03-29; Auckland is UTC+13 in December.
describe.each(testBackends())("time zones, daylight saving and all-day events on %s", (backend) => {
  const graph = useGraphFake();
  let service: TestService;

  beforeAll(async () => {
    // A window of ten years each way: these dates are fixed, whatever day the suite runs.
    service = await startSyncService(backend, {
      SYNC_IMPORT_OUTLOOK_EVENTS: "1",
      SYNC_WINDOW_PAST_DAYS: "3650",
      SYNC_WINDOW_FUTURE_DAYS: "3650",
    });
  });
  afterAll(() => service.stop());

  /** The event as stored in the fake: in the zone the CRM sent, not converted. */
  const stored = (email: string, eventId: string) => graph.fake.mailbox(tokenOf(email)).events.get(eventId)!;

  it("keeps 09:00 Berlin at 09:00 on both sides of the spring change", async () => {
    const email = "spring@contoso.com";
    const user = await service.as(email);
    const before = await planActivity(user, {
      startsAt: "2026-03-27T08:00:00.000Z",
      endsAt: "2026-03-27T09:00:00.000Z",
    });
    const after = await planActivity(user, {
      startsAt: "2026-03-30T07:00:00.000Z",
      endsAt: "2026-03-30T08:00:00.000Z",
    });
    await syncNow(user);
    for (const [activity, day] of [
      [before, "2026-03-27"],
      [after, "2026-03-30"],
    ] as const) {
      const event = stored(email, (await activityOf(user, activity.id)).sync.eventId);
      // Berlin's Windows zone: Graph documents Windows names, and only a few IANA ones.
      expect(event.start).toEqual({ dateTime: `${day}T09:00:00.0000000`, timeZone: "W. Europe Standard Time" });
      expect(event.end).toEqual({ dateTime: `${day}T10:00:00.0000000`, timeZone: "W. Europe Standard Time" });
    }
  });

  it("turns an Outlook move to 09:00 Berlin into the right UTC instant on both sides of the autumn change", async () => {
    const email = "autumn@contoso.com";
    const user = await service.as(email);
    const activity = await planActivity(user, {
      startsAt: "2026-10-20T07:00:00.000Z",
      endsAt: "2026-10-20T08:00:00.000Z",
    });
    await syncNow(user);
    const eventId = (await activityOf(user, activity.id)).sync.eventId;
    const moveTo = async (day: string) => {
      graph.fake.outlook.update(tokenOf(email), eventId, {
        start: { dateTime: `${day}T09:00:00.0000000`, timeZone: "Europe/Berlin" },
        end: { dateTime: `${day}T10:00:00.0000000`, timeZone: "Europe/Berlin" },
      });
      await syncNow(user);
      return (await activityOf(user, activity.id)).startsAt;
    };
    expect(await moveTo("2026-10-23")).toBe("2026-10-23T07:00:00.000Z"); // summer time, UTC+2
    expect(await moveTo("2026-10-26")).toBe("2026-10-26T08:00:00.000Z"); // winter time, UTC+1
    // An event saved in another zone (New York changes a week later) lands on the same instant too.
    graph.fake.outlook.update(tokenOf(email), eventId, {
      start: { dateTime: "2026-10-30T09:00:00.0000000", timeZone: "America/New_York" },
      end: { dateTime: "2026-10-30T10:00:00.0000000", timeZone: "America/New_York" },
    });
    await syncNow(user);
    expect((await activityOf(user, activity.id)).startsAt).toBe("2026-10-30T13:00:00.000Z");
  });

  it("keeps an all-day activity on its day in its own zone, both ways", async () => {
    const email = "allday@contoso.com";
    const user = await service.as(email);
    // Christmas Eve in Auckland starts at 11:00 UTC the day before.
    const activity = await planActivity(user, {
      allDay: true,
      timeZone: "Pacific/Auckland",
      startsAt: "2026-12-23T11:00:00.000Z",
      endsAt: "2026-12-24T11:00:00.000Z",
    });
    await syncNow(user);
    const eventId = (await activityOf(user, activity.id)).sync.eventId;
    expect(stored(email, eventId)).toMatchObject({
      isAllDay: true,
      start: { dateTime: "2026-12-24T00:00:00.0000000", timeZone: "New Zealand Standard Time" },
      end: { dateTime: "2026-12-25T00:00:00.0000000", timeZone: "New Zealand Standard Time" },
    });
    // Moved in Outlook to Boxing Day: still a whole Auckland day.
    graph.fake.outlook.update(tokenOf(email), eventId, {
      start: { dateTime: "2026-12-26T00:00:00.0000000", timeZone: "UTC" },
      end: { dateTime: "2026-12-27T00:00:00.0000000", timeZone: "UTC" },
    });
    await syncNow(user);
    expect(await activityOf(user, activity.id)).toMatchObject({
      allDay: true,
      startsAt: "2026-12-25T11:00:00.000Z",
      endsAt: "2026-12-26T11:00:00.000Z",
    });
  });

  it("sends a zone Graph does not document under its Windows name, and reads Windows names coming back", async () => {
    const email = "amsterdam@contoso.com";
    const user = await service.as(email);
    // Europe/Amsterdam is not among Graph's documented IANA names: the strict fake refuses it as Graph may.
    const activity = await planActivity(user, {
      timeZone: "Europe/Amsterdam",
      startsAt: "2026-11-10T08:00:00.000Z",
      endsAt: "2026-11-10T09:00:00.000Z",
    });
    await syncNow(user);
    const synced = await activityOf(user, activity.id);
    expect(synced.sync).toMatchObject({ state: "SYNCED", error: null });
    expect(stored(email, synced.sync.eventId).start).toEqual({
      dateTime: "2026-11-10T09:00:00.0000000",
      timeZone: "W. Europe Standard Time",
    });
    // Moved in Outlook desktop, which saves the Windows zone of Kyiv.
    graph.fake.outlook.update(tokenOf(email), synced.sync.eventId, {
      start: { dateTime: "2026-11-12T11:00:00.0000000", timeZone: "FLE Standard Time" },
      end: { dateTime: "2026-11-12T12:00:00.0000000", timeZone: "FLE Standard Time" },
    });
    await syncNow(user);
    expect(await activityOf(user, activity.id)).toMatchObject({
      startsAt: "2026-11-12T09:00:00.000Z",
      endsAt: "2026-11-12T10:00:00.000Z",
      timeZone: "Europe/Amsterdam",
    });
  });

  it("keeps an all-day activity on the 23-hour day of the spring change whole, and does not shift it when Outlook renames it", async () => {
    const email = "allday-dst@contoso.com";
    const user = await service.as(email);
    const activity = await planActivity(user, {
      allDay: true,
      startsAt: "2026-03-28T23:00:00.000Z",
      endsAt: "2026-03-29T22:00:00.000Z",
    });
    await syncNow(user);
    const eventId = (await activityOf(user, activity.id)).sync.eventId;
    expect(stored(email, eventId)).toMatchObject({
      start: { dateTime: "2026-03-29T00:00:00.0000000" },
      end: { dateTime: "2026-03-30T00:00:00.0000000" },
    });
    graph.fake.outlook.update(tokenOf(email), eventId, { subject: "Renamed in Outlook" });
    await syncNow(user);
    expect(await activityOf(user, activity.id)).toMatchObject({
      subject: "Renamed in Outlook",
      startsAt: "2026-03-28T23:00:00.000Z",
      endsAt: "2026-03-29T22:00:00.000Z",
    });
  });

  it("imports a weekly 09:00 Berlin series across the spring change as 09:00 local each week, once each", async () => {
    const email = "series@contoso.com";
    const user = await service.as(email);
    await user.patch("/api/me", { timeZone: "Europe/Berlin" });
    const contact = await createContact(user, { emails: ["series.partner@fabrikam.com"] });
    graph.fake.outlook.create(tokenOf(email), {
      subject: "Jour fixe",
      isAllDay: false,
      start: { dateTime: "2026-03-23T09:00:00.0000000", timeZone: "Europe/Berlin" },
      end: { dateTime: "2026-03-23T09:30:00.0000000", timeZone: "Europe/Berlin" },
      attendees: [{ emailAddress: { address: "series.partner@fabrikam.com" }, type: "required" }],
      recurrence: {
        pattern: { type: "weekly", interval: 1, daysOfWeek: ["monday"] },
        range: { type: "endDate", startDate: "2026-03-23", endDate: "2026-04-06" },
      },
    });
    await syncNow(user);
    const items = (await user.get(`/api/activities?contactId=${contact.id}&limit=50`)).body.items;
    expect(items.map((a: { startsAt: string; timeZone: string }) => `${a.startsAt} ${a.timeZone}`)).toEqual([
      "2026-03-23T08:00:00.000Z Europe/Berlin",
      "2026-03-30T07:00:00.000Z Europe/Berlin",
      "2026-04-06T07:00:00.000Z Europe/Berlin",
    ]);
    await syncNow(user);
    expect((await user.get(`/api/activities?contactId=${contact.id}&limit=50`)).body.total).toBe(3);
  });

  it("imports a meeting made in Outlook in the zone it was made in, Windows or custom", async () => {
    const email = "import-zone@contoso.com";
    const user = await service.as(email);
    const contact = await createContact(user, { emails: ["tokyo.partner@fabrikam.com"] });
    const meeting = (originalStartTimeZone: string, day: string) =>
      graph.fake.outlook.create(tokenOf(email), {
        subject: `Call ${day}`,
        isAllDay: false,
        originalStartTimeZone,
        start: { dateTime: `${day}T10:00:00.0000000`, timeZone: "Tokyo Standard Time" },
        end: { dateTime: `${day}T11:00:00.0000000`, timeZone: "Tokyo Standard Time" },
        attendees: [{ emailAddress: { address: "tokyo.partner@fabrikam.com" }, type: "required" }],
      });
    meeting("Tokyo Standard Time", "2026-11-16");
    meeting("tzone://Microsoft/Custom", "2026-11-17");
    await syncNow(user);
    const items = (await user.get(`/api/activities?contactId=${contact.id}&limit=50`)).body.items;
    expect(items.map((a: { startsAt: string; timeZone: string }) => `${a.startsAt} ${a.timeZone}`)).toEqual([
      "2026-11-16T01:00:00.000Z Asia/Tokyo",
      // A custom zone's name says nothing: the user's zone, the instant unchanged.
      `2026-11-17T01:00:00.000Z ${(await user.get("/api/me")).body.timeZone}`,
    ]);
  });
});
