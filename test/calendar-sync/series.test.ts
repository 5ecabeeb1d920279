import { testBackends } from "../support/test-database";
import type { TestService } from "../support/test-service";
import { activityOf, anotherReplica, startSyncService, syncNow, tokenOf, useGraphFake } from "./support/sync-harness";
import { FIRST_MONDAYS, WEEKLY_CALL, duplicates, planSeries, seriesOf } from "./support/series-fixtures";

// Recurring activities against the Graph fake: one CRM series, one Outlook series master
// (patternedRecurrence), its instances linked to the CRM's occurrences by originalStart.
// Each test has its own user, so its mailbox and delta state are its own.

describe.each(testBackends())("recurring activities on %s", (backend) => {
  const graph = useGraphFake({ pageSize: 3 });
  let service: TestService;

  beforeAll(async () => {
    service = await startSyncService(backend, { SYNC_WINDOW_FUTURE_DAYS: "400" });
  });
  afterAll(() => service.stop());

  const masters = (email: string) => graph.fake.events(tokenOf(email)).filter((event) => event.type === "seriesMaster");
  const instancesOf = (email: string) =>
    graph.fake.instances(tokenOf(email), new Date("2026-11-01T00:00:00Z"), new Date("2027-12-31T00:00:00Z"));

  it("plans 'every first Monday' as one series with its occurrences at 09:00 Berlin time", async () => {
    const user = await service.as("series-plan@contoso.com");
    const series = await planSeries(user, FIRST_MONDAYS);
    expect(series).toMatchObject({ subject: "Monthly visit", cancelled: false, sync: { state: "PENDING" } });
    expect(series.occurrences.map((o: { startsAt: string }) => o.startsAt)).toEqual([
      "2027-02-01T08:00:00.000Z",
      "2027-03-01T08:00:00.000Z",
      "2027-04-05T07:00:00.000Z",
      "2027-05-03T07:00:00.000Z",
    ]);
    expect(series.occurrences[0]).toMatchObject({
      type: "VISIT",
      status: "PLANNED",
      series: { id: series.id, occurrenceStart: "2027-02-01T08:00:00.000Z", exception: false },
    });
  });

  it("refuses a rule that does not hold, naming the field, and saves nothing", async () => {
    const user = await service.as("series-refused@contoso.com");
    const noDays = await user.post("/api/activity-series", {
      ...WEEKLY_CALL,
      recurrence: { ...WEEKLY_CALL.recurrence, pattern: { type: "weekly", interval: 1 } },
    });
    expect(noDays.status).toBe(400);
    expect(JSON.stringify(noDays.body)).toContain("body.recurrence.pattern.daysOfWeek");
    const notADay = await user.post("/api/activity-series", {
      ...FIRST_MONDAYS,
      startsAt: "2027-02-02T08:00:00.000Z",
      endsAt: "2027-02-02T09:00:00.000Z",
    });
    expect(notADay.status).toBe(400);
    expect(JSON.stringify(notADay.body)).toContain("body.startsAt");
    const endsBefore = await user.post("/api/activity-series", {
      ...WEEKLY_CALL,
      recurrence: { ...WEEKLY_CALL.recurrence, range: { type: "endDate", endDate: "2026-11-01" } },
    });
    expect(endsBefore.status).toBe(400);
    expect(JSON.stringify(endsBefore.body)).toContain("body.recurrence.range.endDate");
    await syncNow(user);
    expect(graph.fake.events(tokenOf("series-refused@contoso.com"))).toEqual([]);
  });

  it("pushes one Outlook series with patternedRecurrence and links every occurrence to its instance", async () => {
    const email = "series-push@contoso.com";
    const user = await service.as(email);
    const series = await planSeries(user, WEEKLY_CALL);
    await syncNow(user);
    expect(masters(email)).toHaveLength(1);
    expect(masters(email)[0]).toMatchObject({
      subject: "Weekly call",
      recurrence: {
        pattern: { type: "weekly", interval: 1, daysOfWeek: ["tuesday"] },
        // A zone name Graph documents, as for start and end: Windows, never the IANA one.
        range: {
          type: "endDate",
          startDate: "2026-12-01",
          endDate: "2026-12-22",
          recurrenceTimeZone: "W. Europe Standard Time",
        },
      },
    });
    const synced = await seriesOf(user, series.id);
    expect(synced.sync).toMatchObject({ state: "SYNCED", eventId: masters(email)[0]!.id });
    const instances = instancesOf(email);
    expect(instances).toHaveLength(4);
    expect(synced.occurrences).toHaveLength(4);
    for (const occurrence of synced.occurrences) {
      const instance = instances.find((candidate) => candidate.id === occurrence.sync.eventId);
      expect(instance).toBeDefined();
      expect(new Date(instance!.originalStart!).toISOString()).toBe(occurrence.series.occurrenceStart);
      expect(occurrence).toMatchObject({ status: "PLANNED", sync: { state: "SYNCED" } });
    }
    // Nothing more to do: no second series, no single events beside it.
    await syncNow(user);
    expect(graph.fake.events(tokenOf(email))).toHaveLength(1);
  });

  /** A user with a synced series whose occurrences are linked; the fake's instances by day. */
  async function syncedSeries(email: string, body: Record<string, unknown> = WEEKLY_CALL) {
    const user = await service.as(email);
    const planned = await planSeries(user, body);
    await syncNow(user);
    const series = await seriesOf(user, planned.id);
    const instance = (day: string) => instancesOf(email).find((event) => event.id.endsWith(`_occ_${day}`))!;
    return { user, series, token: tokenOf(email), instance };
  }

  it("links 'every first Monday' occurrence by occurrence: the CRM's rule and Outlook's agree", async () => {
    const email = "series-mondays@contoso.com";
    const { series } = await syncedSeries(email, FIRST_MONDAYS);
    expect(series.occurrences.map((occurrence: { sync: { state: string } }) => occurrence.sync.state)).toEqual([
      "SYNCED",
      "SYNCED",
      "SYNCED",
      "SYNCED",
    ]);
    // Same times on both sides: linking changed nothing (no occurrence moved by the pull).
    expect(series.occurrences.map((occurrence: { startsAt: string }) => occurrence.startsAt)).toEqual(
      instancesOf(email).map((instance) => new Date(`${instance.start.dateTime}Z`).toISOString()),
    );
  });

  it("takes an occurrence moved in Outlook as an exception and one deleted there as cancelled", async () => {
    const email = "series-outlook-exception@contoso.com";
    const { user, series, token, instance } = await syncedSeries(email);
    const moved = instance("2026-12-08");
    graph.fake.outlook.updateOccurrence(token, moved.id, {
      start: { dateTime: "2026-12-09T16:00:00.0000000", timeZone: "Europe/Berlin" },
      end: { dateTime: "2026-12-09T16:30:00.0000000", timeZone: "Europe/Berlin" },
    });
    graph.fake.outlook.deleteOccurrence(token, instance("2026-12-15").id);
    const result = await syncNow(user);
    expect(result.pull).toMatchObject({ updated: 1, cancelled: 1 });
    const after = await seriesOf(user, series.id);
    const byStart = (start: string) =>
      after.occurrences.find(
        (occurrence: { series: { occurrenceStart: string } }) => occurrence.series.occurrenceStart === start,
      );
    expect(byStart("2026-12-08T13:00:00.000Z")).toMatchObject({
      startsAt: "2026-12-09T15:00:00.000Z",
      status: "PLANNED",
      series: { exception: true },
      sync: { state: "SYNCED", eventId: moved.id },
    });
    expect(byStart("2026-12-15T13:00:00.000Z")).toMatchObject({ status: "CANCELLED" });
    expect(byStart("2026-12-01T13:00:00.000Z")).toMatchObject({
      startsAt: "2026-12-01T13:00:00.000Z",
      series: { exception: false },
    });
    expect(after.occurrences).toHaveLength(4);
    expect(duplicates(after.occurrences)).toBe(0);
    // Nothing went back to Outlook for Outlook's own change.
    expect(masters(email)).toHaveLength(1);
    expect((await syncNow(user)).pull).toMatchObject({ updated: 0, cancelled: 0 });
  });

  it("edits 'this one' in the CRM as an exception in Outlook, and cancels one there", async () => {
    const email = "series-this-one@contoso.com";
    const { user, series, instance } = await syncedSeries(email);
    const [first, second] = series.occurrences;
    await user.patch(`/api/activities/${first.id}`, {
      version: first.version,
      startsAt: "2026-12-01T15:00:00.000Z",
      subject: "Weekly call (moved)",
    });
    await user.patch(`/api/activities/${second.id}`, { version: second.version, status: "CANCELLED" });
    await syncNow(user);
    const exception = instance("2026-12-01");
    expect(exception).toMatchObject({ type: "exception", subject: "Weekly call (moved)" });
    expect(new Date(`${exception.start.dateTime}Z`).toISOString()).toBe("2026-12-01T15:00:00.000Z");
    expect(instance("2026-12-08")).toBeUndefined();
    expect(instancesOf(email)).toHaveLength(3);
    expect(masters(email)).toHaveLength(1);
    expect(graph.fake.events(tokenOf(email))).toHaveLength(1);
    const after = await seriesOf(user, series.id);
    expect(after.occurrences[0]).toMatchObject({
      subject: "Weekly call (moved)",
      series: { exception: true },
      sync: { state: "SYNCED" },
    });
    expect(after.occurrences[1]).toMatchObject({ status: "CANCELLED", sync: { state: "SYNCED" } });

    // The whole series renamed: the master changes, the exception keeps its own subject.
    const renamed = await user.patch(`/api/activity-series/${series.id}`, {
      version: after.version,
      subject: "Team call",
    });
    expect(renamed.status).toBe(200);
    await syncNow(user);
    expect(masters(email)[0]).toMatchObject({ subject: "Team call" });
    const final = await seriesOf(user, series.id);
    expect(
      final.occurrences.map((occurrence: { subject: string; status: string }) => [
        occurrence.subject,
        occurrence.status,
      ]),
    ).toEqual([
      ["Weekly call (moved)", "PLANNED"],
      ["Weekly call", "CANCELLED"],
      ["Team call", "PLANNED"],
      ["Team call", "PLANNED"],
    ]);
    expect(duplicates(final.occurrences)).toBe(0);
  });

  it("moves the whole series to a new time: occurrences follow, are linked again, none twice", async () => {
    const email = "series-retime@contoso.com";
    const { user, series } = await syncedSeries(email);
    const moved = await user.patch(`/api/activity-series/${series.id}`, {
      version: series.version,
      startsAt: "2026-12-01T09:00:00.000Z",
      endsAt: "2026-12-01T09:45:00.000Z",
    });
    expect(moved.status).toBe(200);
    await syncNow(user);
    const after = await seriesOf(user, series.id);
    expect(after.occurrences.map((occurrence: { startsAt: string }) => occurrence.startsAt)).toEqual([
      "2026-12-01T09:00:00.000Z",
      "2026-12-08T09:00:00.000Z",
      "2026-12-15T09:00:00.000Z",
      "2026-12-22T09:00:00.000Z",
    ]);
    expect(
      after.occurrences.every(
        (occurrence: { sync: { state: string; eventId: string | null } }) =>
          occurrence.sync.state === "SYNCED" && occurrence.sync.eventId,
      ),
    ).toBe(true);
    expect(duplicates(after.occurrences)).toBe(0);
    expect(masters(email)).toHaveLength(1);
  });

  it("cancels the occurrences, never erases them, when the whole series is deleted in Outlook", async () => {
    const email = "series-deleted-in-outlook@contoso.com";
    const { user, series, token } = await syncedSeries(email);
    graph.fake.outlook.delete(token, series.sync.eventId);
    const result = await syncNow(user);
    expect(result.pull.cancelled).toBe(4);
    const after = await seriesOf(user, series.id);
    expect(after.occurrences.map((occurrence: { status: string }) => occurrence.status)).toEqual([
      "CANCELLED",
      "CANCELLED",
      "CANCELLED",
      "CANCELLED",
    ]);
    // Nothing is made again in Outlook for them.
    await syncNow(user);
    expect(graph.fake.events(token)).toEqual([]);
  });

  it("makes no duplicate occurrence after a 410 resync", async () => {
    const email = "series-410@contoso.com";
    const { user, series, token } = await syncedSeries(email);
    graph.fake.outlook.expireDeltaTokens(token);
    const result = await syncNow(user);
    expect(result.pull.fullResync).toBe(true);
    const after = await seriesOf(user, series.id);
    expect(after.occurrences).toHaveLength(4);
    expect(duplicates(after.occurrences)).toBe(0);
    expect(after.occurrences.every((occurrence: { status: string }) => occurrence.status === "PLANNED")).toBe(true);
    expect(graph.fake.events(token)).toHaveLength(1);
  });

  it("makes no duplicate with two replicas pushing and pulling the same series at once", async () => {
    const email = "series-replicas@contoso.com";
    const user = await service.as(email);
    const planned = await planSeries(user, WEEKLY_CALL);
    const other = anotherReplica(service.service.db.prisma);
    try {
      await Promise.all([syncNow(user), other.runAll(), other.runAll()]);
      await Promise.all([syncNow(user), other.runAll()]);
    } finally {
      await other.stop();
    }
    expect(masters(email)).toHaveLength(1);
    expect(instancesOf(email)).toHaveLength(4);
    const after = await seriesOf(user, planned.id);
    expect(after.occurrences).toHaveLength(4);
    expect(duplicates(after.occurrences)).toBe(0);
  });

  it("cancels the whole series: the Outlook series goes, planned occurrences are cancelled, not erased", async () => {
    const email = "series-cancel@contoso.com";
    const { user, series } = await syncedSeries(email);
    const cancelled = await user.patch(`/api/activity-series/${series.id}`, {
      version: series.version,
      cancelled: true,
    });
    expect(cancelled.status).toBe(200);
    await syncNow(user);
    expect(graph.fake.events(tokenOf(email))).toEqual([]);
    const after = await seriesOf(user, series.id);
    expect(after).toMatchObject({ cancelled: true, sync: { state: "SYNCED", eventId: null } });
    expect(after.occurrences.map((occurrence: { status: string }) => occurrence.status)).toEqual([
      "CANCELLED",
      "CANCELLED",
      "CANCELLED",
      "CANCELLED",
    ]);
    expect(await activityOf(user, after.occurrences[0].id)).toMatchObject({ status: "CANCELLED" });
  });

  it("lets only the owner, a manager or an admin change a series", async () => {
    const owner = await service.as("series-owner@contoso.com");
    const series = await planSeries(owner, WEEKLY_CALL);
    const colleague = await service.as("series-colleague@contoso.com");
    const denied = await colleague.patch(`/api/activity-series/${series.id}`, {
      version: series.version,
      subject: "Mine",
    });
    expect(denied.status).toBe(403);
    expect((await seriesOf(owner, series.id)).subject).toBe("Weekly call");
  });
});
