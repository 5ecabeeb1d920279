import type { ApiClient } from "../support/api-client";
import { createContact, createCustomer } from "../support/fixtures";
import { testBackends } from "../support/test-database";
import type { TestService } from "../support/test-service";
import { anotherReplica, startSyncService, syncNow, tokenOf, useGraphFake } from "./support/sync-harness";
import { type Occurrence, WEEKLY_CALL, duplicates, pause, planSeries, seriesOf } from "./support/series-fixtures";

// A series and its Outlook series master, both ways. The CRM's change of the whole series PATCHes
// only what it changed (Outlook's guests, categories and body stay); Outlook's change of the master
// (subject, place, time, rule, deleted) comes back into the series and its planned occurrences, by
// the same conflict rules as single events, and never duplicates an occurrence.

const DAY = 86_400_000;
let offset = 0;
/** The sync's clock: a test moves it days ahead to see the window move on. */
const clock = () => Date.now() + offset;

const berlin = (dateTime: string) => ({ dateTime: `${dateTime}.0000000`, timeZone: "W. Europe Standard Time" });
const guest = { emailAddress: { address: "guest@adatum.com", name: "Guest" }, type: "optional" as const };

describe.each(testBackends())("a series and its Outlook master, both ways, on %s", (backend) => {
  const graph = useGraphFake({ pageSize: 3 });
  let service: TestService;

  beforeAll(async () => {
    service = await startSyncService(backend, { SYNC_WINDOW_FUTURE_DAYS: "400" }, { now: () => new Date(clock()) });
  });
  afterAll(() => service.stop());
  afterEach(() => {
    offset = 0;
  });

  const masterOf = (token: string) => graph.fake.events(token).find((event) => event.type === "seriesMaster")!;
  const instancesOf = (token: string) =>
    graph.fake.instances(token, new Date("2026-11-01T00:00:00Z"), new Date("2027-12-31T00:00:00Z"));
  /** The bodies of the PATCHes the master received from `from` on (the fake's log). */
  const masterPatches = (token: string, masterId: string, from: number) =>
    graph.fake.log
      .slice(from)
      .filter((entry) => entry.mailbox === token && entry.method === "PATCH" && entry.path === `/me/events/${masterId}`)
      .map((entry) => entry.body as Record<string, unknown>);

  /** A user with a synced weekly call with a contact invited; its occurrences linked. */
  async function syncedSeries(email: string, body: Record<string, unknown> = WEEKLY_CALL) {
    const user = await service.as(email);
    const customer = await createCustomer(user);
    const contact = await createContact(user, { customerId: customer.id, emails: [`c${Date.now()}@fabrikam.com`] });
    const planned = await planSeries(user, { notes: "CRM agenda", contactId: contact.id, ...body });
    await syncNow(user);
    const series = await seriesOf(user, planned.id);
    expect(series.sync.state).toBe("SYNCED");
    const token = tokenOf(email);
    return { user, series, token, contact, masterId: series.sync.eventId as string };
  }

  const changeSeries = async (user: ApiClient, id: string, changes: Record<string, unknown>) => {
    const current = await seriesOf(user, id);
    const response = await user.patch(`/api/activity-series/${id}`, { version: current.version, ...changes });
    expect(response.status).toBe(200);
    return response.body;
  };

  it("PATCHes only what the CRM changed: guests, categories and a body edited in Outlook stay", async () => {
    const { user, series, token, contact, masterId } = await syncedSeries("series-edits-survive@contoso.com");
    graph.fake.outlook.update(token, masterId, {
      attendees: [...masterOf(token).attendees!, guest],
      categories: ["Red category"],
      body: { contentType: "html", content: "<p>Dial-in: 1234</p>" },
    } as never);
    await syncNow(user);
    const outlookSide = () => {
      const master = masterOf(token) as ReturnType<typeof masterOf> & { categories?: string[] };
      expect(master.attendees!.map((attendee) => attendee.emailAddress.address)).toEqual([
        contact.emails[0],
        guest.emailAddress.address,
      ]);
      expect(master.categories).toEqual(["Red category"]);
      expect(master.body).toEqual({ contentType: "html", content: "<p>Dial-in: 1234</p>" });
    };

    let from = graph.fake.log.length;
    await changeSeries(user, series.id, { subject: "Team call" });
    await syncNow(user);
    expect(masterPatches(token, masterId, from)).toEqual([{ subject: "Team call" }]);
    expect(masterOf(token).subject).toBe("Team call");
    outlookSide();

    // A new time of day on the same first day: start and end, not the rule.
    from = graph.fake.log.length;
    await changeSeries(user, series.id, { startsAt: "2026-12-01T15:00:00.000Z", endsAt: "2026-12-01T15:45:00.000Z" });
    await syncNow(user);
    const [retimed] = masterPatches(token, masterId, from);
    expect(Object.keys(retimed!).sort()).toEqual(["end", "isAllDay", "showAs", "start"]);
    expect(instancesOf(token).map((instance) => instance.start.dateTime)).toEqual([
      "2026-12-01T15:00:00.0000000",
      "2026-12-08T15:00:00.0000000",
      "2026-12-15T15:00:00.0000000",
      "2026-12-22T15:00:00.0000000",
    ]);
    outlookSide();

    // A longer range: the recurrence alone, whole, as Graph replaces it.
    from = graph.fake.log.length;
    await changeSeries(user, series.id, {
      recurrence: { ...WEEKLY_CALL.recurrence, range: { type: "endDate", endDate: "2027-01-05" } },
    });
    await syncNow(user);
    expect(masterPatches(token, masterId, from)).toEqual([
      {
        recurrence: {
          pattern: { type: "weekly", interval: 1, daysOfWeek: ["tuesday"], firstDayOfWeek: "monday" },
          range: {
            type: "endDate",
            startDate: "2026-12-01",
            endDate: "2027-01-05",
            recurrenceTimeZone: "W. Europe Standard Time",
          },
        },
      },
    ]);
    expect(instancesOf(token)).toHaveLength(6);
    outlookSide();

    // Moved to another first day: the rule's startDate moves with it, so both go.
    from = graph.fake.log.length;
    await changeSeries(user, series.id, { startsAt: "2026-12-08T15:00:00.000Z", endsAt: "2026-12-08T15:45:00.000Z" });
    await syncNow(user);
    const [moved] = masterPatches(token, masterId, from);
    expect(Object.keys(moved!).sort()).toEqual(["end", "isAllDay", "recurrence", "showAs", "start"]);
    outlookSide();

    const after = await seriesOf(user, series.id);
    expect(after.sync.state).toBe("SYNCED");
    expect(after.occurrences).toHaveLength(5);
    expect(after.occurrences.every((occurrence: Occurrence) => occurrence.sync.state === "SYNCED")).toBe(true);
    expect(duplicates(after.occurrences)).toBe(0);
    // Nothing more to send.
    from = graph.fake.log.length;
    await syncNow(user);
    expect(masterPatches(token, masterId, from)).toEqual([]);
  });

  it("sends every field but the attendees once for a series synced before the CRM kept what it sent", async () => {
    const { user, series, token, contact, masterId } = await syncedSeries("series-legacy@contoso.com");
    await service.service.db.prisma.$executeRawUnsafe(
      `UPDATE "ActivitySeries" SET "graphPushed" = NULL WHERE id = $1::uuid`,
      series.id,
    );
    graph.fake.outlook.update(token, masterId, {
      attendees: [...masterOf(token).attendees!, guest],
      categories: ["Red category"],
    } as never);
    await syncNow(user);
    let from = graph.fake.log.length;
    await changeSeries(user, series.id, { subject: "Team call" });
    await syncNow(user);
    const [patch] = masterPatches(token, masterId, from);
    expect(Object.keys(patch!).sort()).toEqual(
      [
        "body",
        "end",
        "isAllDay",
        "isReminderOn",
        "location",
        "recurrence",
        "reminderMinutesBeforeStart",
        "showAs",
        "start",
        "subject",
      ].sort(),
    );
    const master = masterOf(token) as ReturnType<typeof masterOf> & { categories?: string[] };
    expect(master.attendees!.map((attendee) => attendee.emailAddress.address)).toEqual([
      contact.emails[0],
      guest.emailAddress.address,
    ]);
    expect(master.categories).toEqual(["Red category"]);
    // From then on it is known: the next change sends itself alone.
    from = graph.fake.log.length;
    await changeSeries(user, series.id, { location: "Room 4" });
    await syncNow(user);
    expect(masterPatches(token, masterId, from)).toEqual([{ location: { displayName: "Room 4" } }]);
  });

  it("takes a rename and a new place made to the series in Outlook into the series and its occurrences", async () => {
    const { user, series, token, masterId } = await syncedSeries("series-outlook-rename@contoso.com");
    graph.fake.outlook.update(token, masterId, {
      subject: "Renamed in Outlook",
      location: { displayName: "Teams room" },
      body: { contentType: "html", content: "<p>Outlook's notes</p>" },
    });
    const from = graph.fake.log.length;
    await syncNow(user);
    const after = await seriesOf(user, series.id);
    expect(after).toMatchObject({
      subject: "Renamed in Outlook",
      location: "Teams room",
      // Notes edited in Outlook stay in Outlook, as for single events.
      notes: "CRM agenda",
      sync: { state: "SYNCED" },
    });
    expect(
      after.occurrences.map((occurrence: Occurrence) => [
        occurrence.subject,
        occurrence.location,
        occurrence.sync.state,
      ]),
    ).toEqual(Array(4).fill(["Renamed in Outlook", "Teams room", "SYNCED"]));
    // The master was read once, and nothing went back to Outlook for Outlook's own change.
    const calls = graph.fake.log.slice(from).filter((entry) => entry.path === `/me/events/${masterId}`);
    expect(calls.map((entry) => entry.method)).toEqual(["GET"]);
    await syncNow(user);
    expect(masterPatches(token, masterId, from)).toEqual([]);
    expect((await seriesOf(user, series.id)).version).toBe(after.version);
  });

  it("rebuilds the planned occurrences when Outlook moves the series to another time; exceptions stay", async () => {
    const { user, series, token, masterId } = await syncedSeries("series-outlook-retime@contoso.com");
    // First one occurrence moved on its own in Outlook (an exception), then the whole series to 16:00 Berlin.
    const exception = instancesOf(token).find((instance) => instance.id.endsWith("_occ_2026-12-08"))!;
    graph.fake.outlook.updateOccurrence(token, exception.id, {
      start: berlin("2026-12-09T10:00:00"),
      end: berlin("2026-12-09T10:30:00"),
    });
    await syncNow(user);
    graph.fake.outlook.update(token, masterId, {
      start: berlin("2026-12-01T16:00:00"),
      end: berlin("2026-12-01T17:00:00"),
    });
    const from = graph.fake.log.length;
    await syncNow(user);
    const after = await seriesOf(user, series.id);
    expect(after).toMatchObject({ startsAt: "2026-12-01T15:00:00.000Z", endsAt: "2026-12-01T16:00:00.000Z" });
    expect(
      after.occurrences.map((occurrence: Occurrence & { endsAt: string }) => [
        occurrence.startsAt,
        occurrence.endsAt,
        occurrence.series.exception,
        occurrence.sync.state,
      ]),
    ).toEqual([
      ["2026-12-01T15:00:00.000Z", "2026-12-01T16:00:00.000Z", false, "SYNCED"],
      ["2026-12-09T09:00:00.000Z", "2026-12-09T09:30:00.000Z", true, "SYNCED"],
      ["2026-12-15T15:00:00.000Z", "2026-12-15T16:00:00.000Z", false, "SYNCED"],
      ["2026-12-22T15:00:00.000Z", "2026-12-22T16:00:00.000Z", false, "SYNCED"],
    ]);
    // Each occurrence is linked to the instance Outlook has for it now.
    const instances = instancesOf(token);
    for (const occurrence of after.occurrences as Occurrence[])
      expect(instances.map((instance) => instance.id)).toContain(occurrence.sync.eventId);
    expect(duplicates(after.occurrences)).toBe(0);
    await syncNow(user);
    expect(masterPatches(token, masterId, from)).toEqual([]);
    expect((await seriesOf(user, series.id)).occurrences).toHaveLength(4);
  });

  it("takes a new pattern and range made in Outlook: Thursdays to the end of the year", async () => {
    const { user, series, token, masterId } = await syncedSeries("series-outlook-rule@contoso.com");
    const master = masterOf(token);
    graph.fake.outlook.update(token, masterId, {
      start: berlin("2026-12-03T14:00:00"),
      end: berlin("2026-12-03T14:30:00"),
      recurrence: {
        pattern: { type: "weekly", interval: 1, daysOfWeek: ["thursday"], firstDayOfWeek: "monday" },
        range: { ...master.recurrence!.range, startDate: "2026-12-03", endDate: "2026-12-31" },
      },
    });
    const from = graph.fake.log.length;
    await syncNow(user);
    const after = await seriesOf(user, series.id);
    expect(after).toMatchObject({
      startsAt: "2026-12-03T13:00:00.000Z",
      recurrence: {
        pattern: { type: "weekly", interval: 1, daysOfWeek: ["thursday"], firstDayOfWeek: "monday" },
        range: { type: "endDate", endDate: "2026-12-31" },
      },
    });
    expect(after.occurrences.map((occurrence: Occurrence) => [occurrence.startsAt, occurrence.sync.state])).toEqual([
      ["2026-12-03T13:00:00.000Z", "SYNCED"],
      ["2026-12-10T13:00:00.000Z", "SYNCED"],
      ["2026-12-17T13:00:00.000Z", "SYNCED"],
      ["2026-12-24T13:00:00.000Z", "SYNCED"],
      ["2026-12-31T13:00:00.000Z", "SYNCED"],
    ]);
    expect(duplicates(after.occurrences)).toBe(0);
    await syncNow(user);
    expect(masterPatches(token, masterId, from)).toEqual([]);
  });

  it("gives a group both sides changed to the later change, and keeps each side's other groups", async () => {
    const { user, series, token, masterId } = await syncedSeries("series-both-sides@contoso.com");
    // Outlook renames the series; later the CRM renames it too: the CRM's is the later one.
    graph.fake.outlook.update(token, masterId, { subject: "Outlook, earlier" });
    await pause();
    await changeSeries(user, series.id, { subject: "CRM, later" });
    await syncNow(user); // the PATCH meets Outlook's change key (412): the master is read and merged
    await syncNow(user);
    expect(masterOf(token).subject).toBe("CRM, later");
    expect(await seriesOf(user, series.id)).toMatchObject({ subject: "CRM, later", sync: { state: "SYNCED" } });

    // The CRM renames first, Outlook later: Outlook's wins, in the CRM and on every occurrence.
    await changeSeries(user, series.id, { subject: "CRM, earlier" });
    await pause();
    graph.fake.outlook.update(token, masterId, { subject: "Outlook, later" });
    await syncNow(user);
    await syncNow(user);
    expect(masterOf(token).subject).toBe("Outlook, later");
    const renamed = await seriesOf(user, series.id);
    expect(renamed).toMatchObject({ subject: "Outlook, later", sync: { state: "SYNCED" } });
    expect(renamed.occurrences.map((occurrence: Occurrence) => occurrence.subject)).toEqual(
      Array(4).fill("Outlook, later"),
    );

    // Different groups: Outlook moves the series, the CRM renames it; both stay, on both sides.
    graph.fake.outlook.update(token, masterId, {
      start: berlin("2026-12-01T09:00:00"),
      end: berlin("2026-12-01T09:30:00"),
    });
    await pause();
    await changeSeries(user, series.id, { subject: "Renamed in the CRM" });
    const from = graph.fake.log.length;
    await syncNow(user);
    await syncNow(user);
    const both = await seriesOf(user, series.id);
    expect(both).toMatchObject({
      subject: "Renamed in the CRM",
      startsAt: "2026-12-01T08:00:00.000Z",
      sync: { state: "SYNCED" },
    });
    expect(masterOf(token)).toMatchObject({
      subject: "Renamed in the CRM",
      start: { dateTime: "2026-12-01T08:00:00.0000000" },
    });
    // The PATCH that went through carried the CRM's rename alone.
    const patches = masterPatches(token, masterId, from);
    expect(patches.at(-1)).toEqual({ subject: "Renamed in the CRM" });
    expect(both.occurrences.map((occurrence: Occurrence) => [occurrence.startsAt, occurrence.subject])).toEqual([
      ["2026-12-01T08:00:00.000Z", "Renamed in the CRM"],
      ["2026-12-08T08:00:00.000Z", "Renamed in the CRM"],
      ["2026-12-15T08:00:00.000Z", "Renamed in the CRM"],
      ["2026-12-22T08:00:00.000Z", "Renamed in the CRM"],
    ]);
    expect(duplicates(both.occurrences)).toBe(0);
  });

  it("keeps one occurrence per day when the CRM moves a series with an exception to another time", async () => {
    const { user, series, token } = await syncedSeries("series-crm-retime-exception@contoso.com");
    const second = series.occurrences[1] as Occurrence;
    const moved = await user.patch(`/api/activities/${second.id}`, {
      version: second.version,
      startsAt: "2026-12-09T09:00:00.000Z",
      endsAt: "2026-12-09T09:30:00.000Z",
    });
    expect(moved.status).toBe(200);
    await syncNow(user);
    await changeSeries(user, series.id, { startsAt: "2026-12-01T16:00:00.000Z", endsAt: "2026-12-01T16:30:00.000Z" });
    await syncNow(user);
    await syncNow(user);
    const after = await seriesOf(user, series.id);
    expect(after.occurrences.map((occurrence: Occurrence) => [occurrence.startsAt, occurrence.sync.state])).toEqual([
      ["2026-12-01T16:00:00.000Z", "SYNCED"],
      ["2026-12-09T09:00:00.000Z", "SYNCED"],
      ["2026-12-15T16:00:00.000Z", "SYNCED"],
      ["2026-12-22T16:00:00.000Z", "SYNCED"],
    ]);
    expect(instancesOf(token)).toHaveLength(4);
    expect(duplicates(after.occurrences)).toBe(0);
  });

  it("cancels the series itself, not only its occurrences, when its master is deleted in Outlook", async () => {
    const { user, series, token, masterId } = await syncedSeries("series-master-deleted@contoso.com");
    graph.fake.outlook.delete(token, masterId);
    const result = await syncNow(user);
    expect(result.pull.cancelled).toBe(4);
    const after = await seriesOf(user, series.id);
    expect(after).toMatchObject({ cancelled: true, sync: { state: "SYNCED", eventId: null } });
    expect(after.occurrences.map((occurrence: Occurrence) => occurrence.status)).toEqual(Array(4).fill("CANCELLED"));
    await syncNow(user);
    expect(graph.fake.events(token)).toEqual([]);
  });

  it("makes no duplicate occurrence when Outlook's new rule arrives through a 410 resync", async () => {
    const { user, series, token, masterId } = await syncedSeries("series-rule-410@contoso.com");
    graph.fake.outlook.update(token, masterId, {
      start: berlin("2026-12-01T11:00:00"),
      end: berlin("2026-12-01T11:30:00"),
      recurrence: {
        pattern: { type: "weekly", interval: 1, daysOfWeek: ["tuesday", "thursday"], firstDayOfWeek: "monday" },
        range: { ...masterOf(token).recurrence!.range, endDate: "2026-12-17" },
      },
    });
    graph.fake.outlook.expireDeltaTokens(token);
    const result = await syncNow(user);
    expect(result.pull.fullResync).toBe(true);
    await syncNow(user);
    const after = await seriesOf(user, series.id);
    expect(after.occurrences.map((occurrence: Occurrence) => occurrence.startsAt)).toEqual([
      "2026-12-01T10:00:00.000Z",
      "2026-12-03T10:00:00.000Z",
      "2026-12-08T10:00:00.000Z",
      "2026-12-10T10:00:00.000Z",
      "2026-12-15T10:00:00.000Z",
      "2026-12-17T10:00:00.000Z",
    ]);
    expect(after.occurrences.every((occurrence: Occurrence) => occurrence.sync.state === "SYNCED")).toBe(true);
    expect(duplicates(after.occurrences)).toBe(0);
  });

  it("makes no duplicate occurrence with two replicas pulling Outlook's new time at once", async () => {
    const { user, series, token, masterId } = await syncedSeries("series-retime-replicas@contoso.com");
    graph.fake.outlook.update(token, masterId, {
      start: berlin("2026-12-01T08:00:00"),
      end: berlin("2026-12-01T08:30:00"),
    });
    const replicas = [anotherReplica(service.service.db.prisma), anotherReplica(service.service.db.prisma)];
    try {
      await Promise.all([syncNow(user), ...replicas.map((replica) => replica.runAll())]);
      await Promise.all([syncNow(user), replicas[0]!.runAll()]);
    } finally {
      await Promise.all(replicas.map((replica) => replica.stop()));
    }
    await syncNow(user);
    const after = await seriesOf(user, series.id);
    expect(after.occurrences.map((occurrence: Occurrence) => [occurrence.startsAt, occurrence.sync.state])).toEqual([
      ["2026-12-01T07:00:00.000Z", "SYNCED"],
      ["2026-12-08T07:00:00.000Z", "SYNCED"],
      ["2026-12-15T07:00:00.000Z", "SYNCED"],
      ["2026-12-22T07:00:00.000Z", "SYNCED"],
    ]);
    expect(duplicates(after.occurrences)).toBe(0);
    expect(graph.fake.events(token)).toHaveLength(1);
  });

  it("materialises a series without end as the days pass, up to the moving window's end", async () => {
    const email = "series-no-end@contoso.com";
    const user = await service.as(email);
    // A weekly call every Wednesday from next week on, without end.
    const start = new Date(Math.ceil(Date.now() / (7 * DAY)) * 7 * DAY + 7 * DAY); // a Thursday, 00:00 UTC
    start.setUTCDate(start.getUTCDate() + 6); // a Wednesday
    start.setUTCHours(9);
    const planned = await planSeries(user, {
      ...WEEKLY_CALL,
      startsAt: start.toISOString(),
      endsAt: new Date(start.getTime() + 30 * 60_000).toISOString(),
      recurrence: {
        pattern: { type: "weekly", interval: 1, daysOfWeek: ["wednesday"], firstDayOfWeek: "monday" },
        range: { type: "noEnd" },
      },
    });
    await syncNow(user);
    const windowEnd = () => Math.floor(clock() / DAY) * DAY + 400 * DAY;
    const lastOf = (occurrences: Occurrence[]) => Date.parse(occurrences.at(-1)!.startsAt);
    const before = await seriesOf(user, planned.id);
    expect(windowEnd() - lastOf(before.occurrences)).toBeLessThan(8 * DAY);

    // Sixty days on, with Outlook unreachable: the CRM itself materialises up to the new window's end
    // (not only as Outlook's instances come in).
    offset = 60 * DAY;
    graph.fake.outage({ kind: "network" });
    try {
      expect((await syncNow(user)).error).not.toBeNull();
    } finally {
      graph.fake.endOutage();
    }
    const extended = await seriesOf(user, planned.id);
    expect(extended.occurrences.length).toBeGreaterThanOrEqual(before.occurrences.length + 8);
    expect(windowEnd() - lastOf(extended.occurrences)).toBeLessThan(8 * DAY);
    expect(Date.parse(extended.materialisedUntil)).toBeGreaterThan(Date.parse(before.materialisedUntil) + 59 * DAY);
    // Outlook back: each is linked to its instance, none twice.
    await syncNow(user);
    await syncNow(user);
    const after = await seriesOf(user, planned.id);
    expect(after.occurrences).toHaveLength(extended.occurrences.length);
    const late = (after.occurrences as Occurrence[]).filter((occurrence) => Date.parse(occurrence.startsAt) > clock());
    expect(late.every((occurrence) => occurrence.sync.state === "SYNCED" && occurrence.sync.eventId)).toBe(true);
    expect(duplicates(after.occurrences)).toBe(0);
    // Once more the same day: nothing new, nothing twice.
    await syncNow(user);
    expect((await seriesOf(user, planned.id)).occurrences).toHaveLength(after.occurrences.length);
  });
});
