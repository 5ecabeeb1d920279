import type { ApiClient } from "../support/api-client";
import { testBackends } from "../support/test-database";
import type { TestService } from "../support/test-service";
import { startSyncService, syncNow, tokenOf, useGraphFake } from "./support/sync-harness";
import { type Occurrence, WEEKLY_CALL, duplicates, pause, seriesOf } from "./support/series-fixtures";

// "This one" and "the whole series" changed in the CRM, both waiting for the same sync run. The
// master's PATCH goes first and moves the change key of the instance the occurrence's PATCH names
// (412): what the instance then shows (the series' new subject, the rule's time) is the CRM's own
// write, not Outlook's, so the occurrence's edit still goes and becomes an exception in Outlook.
// An edit made in Outlook itself (to the instance, or to the whole series) is still taken by the
// later-wins rule. And the occurrences the master carried are SYNCED in the run that pushed it.

/** What a user sees of an occurrence (when it was last looked at aside). */
const shown = (occurrences: Occurrence[]) =>
  occurrences.map(({ subject, location, startsAt, status, version, series, sync }) => ({
    ...{ subject, location, startsAt, status, version, exception: series.exception },
    ...{ state: sync.state, eventId: sync.eventId },
  }));
const utc = (dateTime: string) => new Date(`${dateTime}Z`).toISOString();
const LATER = ["2026-12-08T13:00:00.000Z", "2026-12-15T13:00:00.000Z", "2026-12-22T13:00:00.000Z"];

describe.each(testBackends())("this one and the whole series in one sync run, on %s", (backend) => {
  const graph = useGraphFake({ pageSize: 3 });
  let service: TestService;

  beforeAll(async () => {
    service = await startSyncService(backend, { SYNC_WINDOW_FUTURE_DAYS: "400" });
  });
  afterAll(() => service.stop());

  const instancesOf = (token: string) =>
    graph.fake.instances(token, new Date("2026-11-01T00:00:00Z"), new Date("2027-12-31T00:00:00Z"));
  const masterOf = (token: string) => graph.fake.events(token).find((event) => event.type === "seriesMaster")!;
  const instanceOn = (token: string, day: string) =>
    instancesOf(token).find((instance) => instance.id.endsWith(`_occ_${day}`))!;

  async function syncedSeries(email: string) {
    const user = await service.as(email);
    const created = await user.post("/api/activity-series", WEEKLY_CALL);
    expect(created.status).toBe(201);
    await syncNow(user);
    const series = await seriesOf(user, created.body.id);
    expect(series.occurrences.map((occurrence: Occurrence) => occurrence.sync.state)).toEqual(Array(4).fill("SYNCED"));
    return { user, series, token: tokenOf(email) };
  }

  async function editThisOne(user: ApiClient, occurrence: Occurrence, changes: Record<string, unknown>) {
    const response = await user.patch(`/api/activities/${occurrence.id}`, { version: occurrence.version, ...changes });
    expect(response.status).toBe(200);
  }

  async function editTheSeries(user: ApiClient, id: string, changes: Record<string, unknown>) {
    const current = await seriesOf(user, id);
    const response = await user.patch(`/api/activity-series/${id}`, { version: current.version, ...changes });
    expect(response.status).toBe(200);
  }

  it("sends this one and the whole series in one run: the exception keeps its time and subject, on both sides", async () => {
    const { user, series, token } = await syncedSeries("both-edits-one-run@contoso.com");
    await editThisOne(user, series.occurrences[0], { subject: "Kick-off call", startsAt: "2026-12-01T15:00:00.000Z" });
    await editTheSeries(user, series.id, { subject: "Team call", location: "Teams room" });
    const run = await syncNow(user);
    expect(run.pending).toBe(0);

    // The CRM: the exception as the user left it, the others renamed and in Outlook's place; all SYNCED.
    const after = await seriesOf(user, series.id);
    expect(after.sync.state).toBe("SYNCED");
    expect(after.occurrences.map((o: Occurrence) => [o.subject, o.startsAt, o.series.exception, o.sync.state])).toEqual(
      [
        ["Kick-off call", "2026-12-01T15:00:00.000Z", true, "SYNCED"],
        ...LATER.map((start) => ["Team call", start, false, "SYNCED"]),
      ],
    );
    expect(after.occurrences.slice(1).map((o: Occurrence) => o.location)).toEqual(Array(3).fill("Teams room"));
    expect(duplicates(after.occurrences)).toBe(0);

    // Outlook: one series, renamed; the first instance an exception with its own subject and time.
    expect(graph.fake.events(token)).toHaveLength(1);
    expect(masterOf(token)).toMatchObject({ subject: "Team call", location: { displayName: "Teams room" } });
    const exception = instanceOn(token, "2026-12-01");
    expect(exception).toMatchObject({ type: "exception", subject: "Kick-off call" });
    expect(utc(exception.start.dateTime)).toBe("2026-12-01T15:00:00.000Z");
    // Not set on the exception, so the series' (MS-OXOCAL 2.2.10.2): the CRM shows what Outlook does.
    expect(after.occurrences[0].location).toBe(exception.location?.displayName);
    const rest = instancesOf(token).filter((instance) => instance.id !== exception.id);
    expect(rest.map((instance) => [instance.type, instance.subject, utc(instance.start.dateTime)])).toEqual(
      LATER.map((start) => ["occurrence", "Team call", start]),
    );

    // In step: the next run changes nothing on either side.
    const again = await syncNow(user);
    expect(again.pull).toMatchObject({ updated: 0, cancelled: 0 });
    expect(again.push.pushed).toBe(0);
    expect(shown((await seriesOf(user, series.id)).occurrences)).toEqual(shown(after.occurrences));
    expect(instanceOn(token, "2026-12-01")).toMatchObject({ type: "exception", subject: "Kick-off call" });
  });

  it("keeps this one of two occurrences and a new time of the whole series sent in one run, none twice", async () => {
    const { user, series, token } = await syncedSeries("both-edits-retime@contoso.com");
    await editThisOne(user, series.occurrences[1], { subject: "Second, renamed" });
    await editThisOne(user, series.occurrences[2], { startsAt: "2026-12-16T09:00:00.000Z" });
    await editTheSeries(user, series.id, { startsAt: "2026-12-01T08:00:00.000Z", endsAt: "2026-12-01T08:30:00.000Z" });
    await syncNow(user);
    const after = await seriesOf(user, series.id);
    expect(after.occurrences.map((o: Occurrence) => [o.subject, o.startsAt, o.sync.state])).toEqual([
      ["Weekly call", "2026-12-01T08:00:00.000Z", "SYNCED"],
      // Renamed only: its time of day follows the series, as an exception's unchanged fields do in Outlook.
      ["Second, renamed", "2026-12-08T08:00:00.000Z", "SYNCED"],
      ["Weekly call", "2026-12-16T09:00:00.000Z", "SYNCED"],
      ["Weekly call", "2026-12-22T08:00:00.000Z", "SYNCED"],
    ]);
    expect(duplicates(after.occurrences)).toBe(0);
    expect(
      instancesOf(token).map((instance) => [instance.type, instance.subject, utc(instance.start.dateTime)]),
    ).toEqual([
      ["occurrence", "Weekly call", "2026-12-01T08:00:00.000Z"],
      ["exception", "Second, renamed", "2026-12-08T08:00:00.000Z"],
      ["exception", "Weekly call", "2026-12-16T09:00:00.000Z"],
      ["occurrence", "Weekly call", "2026-12-22T08:00:00.000Z"],
    ]);
  });

  it("still takes an edit made to that occurrence in Outlook after the CRM's", async () => {
    const { user, series, token } = await syncedSeries("both-edits-outlook-occurrence@contoso.com");
    await editThisOne(user, series.occurrences[0], { subject: "CRM's title" });
    await pause();
    graph.fake.outlook.updateOccurrence(token, series.occurrences[0].sync.eventId, {
      subject: "Outlook's title",
      start: { dateTime: "2026-12-01T17:00:00.0000000", timeZone: "W. Europe Standard Time" },
      end: { dateTime: "2026-12-01T17:30:00.0000000", timeZone: "W. Europe Standard Time" },
    });
    await pause();
    await editTheSeries(user, series.id, { subject: "Team call" });
    await syncNow(user);
    await syncNow(user);
    const after = await seriesOf(user, series.id);
    expect(after.occurrences.map((o: Occurrence) => [o.subject, o.startsAt, o.sync.state])).toEqual([
      ["Outlook's title", "2026-12-01T16:00:00.000Z", "SYNCED"],
      ...LATER.map((start) => ["Team call", start, "SYNCED"]),
    ]);
    expect(masterOf(token).subject).toBe("Team call");
    expect(instanceOn(token, "2026-12-01")).toMatchObject({ type: "exception", subject: "Outlook's title" });
    expect(duplicates(after.occurrences)).toBe(0);
  });

  it("keeps this one's own change over a later rename of the whole series in Outlook, as Outlook keeps an exception's", async () => {
    const { user, series, token } = await syncedSeries("both-edits-outlook-series@contoso.com");
    await editThisOne(user, series.occurrences[0], { subject: "CRM's title", location: "Room 1" });
    await pause();
    graph.fake.outlook.update(token, masterOf(token).id, {
      subject: "Renamed in Outlook",
      location: { displayName: "Hall" },
    });
    await syncNow(user);
    await syncNow(user);
    // Outlook's rename reaches the series and every occurrence not changed on its own.
    const after = await seriesOf(user, series.id);
    expect(after).toMatchObject({ subject: "Renamed in Outlook", location: "Hall" });
    expect(after.occurrences.map((o: Occurrence) => [o.subject, o.location, o.sync.state])).toEqual([
      ["CRM's title", "Room 1", "SYNCED"],
      ...LATER.map(() => ["Renamed in Outlook", "Hall", "SYNCED"]),
    ]);
    expect(masterOf(token)).toMatchObject({ subject: "Renamed in Outlook", location: { displayName: "Hall" } });
    expect(instanceOn(token, "2026-12-01")).toMatchObject({
      type: "exception",
      subject: "CRM's title",
      location: { displayName: "Room 1" },
    });
    expect(
      instancesOf(token)
        .slice(1)
        .map((instance) => instance.subject),
    ).toEqual(LATER.map(() => "Renamed in Outlook"));
  });

  it("shows the occurrences a renamed series carried as SYNCED in the run that pushed its master", async () => {
    const { user, series, token } = await syncedSeries("both-edits-synced@contoso.com");
    await editTheSeries(user, series.id, { subject: "Team call", location: "Teams room" });
    const pending = await seriesOf(user, series.id);
    expect(pending.occurrences.map((o: Occurrence) => o.sync.state)).toEqual(Array(4).fill("PENDING"));
    expect((await syncNow(user)).pending).toBe(0);
    const after = await seriesOf(user, series.id);
    expect(after.sync.state).toBe("SYNCED");
    expect(after.occurrences.map((o: Occurrence) => [o.subject, o.sync.state])).toEqual(
      Array(4).fill(["Team call", "SYNCED"]),
    );
    expect(instancesOf(token).map((instance) => instance.subject)).toEqual(Array(4).fill("Team call"));
    expect(duplicates(after.occurrences)).toBe(0);
  });

  it("shows them SYNCED in that round too when the master goes only after its 412 was merged", async () => {
    const { user, series, token } = await syncedSeries("both-edits-synced-412@contoso.com");
    // "This one" reaches Outlook first: its exception changes the master's change key there.
    await editThisOne(user, series.occurrences[0], { subject: "Kick-off call" });
    await syncNow(user);
    await editTheSeries(user, series.id, { subject: "Team call" });
    // A background round: the master's PATCH meets a 412, the master is read and merged, and it
    // goes after the round's pull (no pull follows it).
    await service.service.calendarSync.runAll();
    const after = await seriesOf(user, series.id);
    expect(after.sync.state).toBe("SYNCED");
    expect(after.occurrences.map((o: Occurrence) => [o.subject, o.sync.state])).toEqual([
      ["Kick-off call", "SYNCED"],
      ...LATER.map(() => ["Team call", "SYNCED"]),
    ]);
    expect(masterOf(token).subject).toBe("Team call");
    expect(instancesOf(token).map((instance) => instance.subject)).toEqual([
      "Kick-off call",
      ...LATER.map(() => "Team call"),
    ]);
    // Nothing was left for the next run: it pushes nothing and changes nothing.
    const next = await syncNow(user);
    expect(next.push.pushed).toBe(0);
    expect(next.pull).toMatchObject({ updated: 0, cancelled: 0 });
    expect(shown((await seriesOf(user, series.id)).occurrences)).toEqual(shown(after.occurrences));
  });

  it("links the occurrences a new time rebuilt in the run that pushed the master after its 412", async () => {
    const { user, series, token } = await syncedSeries("both-edits-retime-412@contoso.com");
    await editThisOne(user, series.occurrences[1], { startsAt: "2026-12-09T09:00:00.000Z" });
    await syncNow(user);
    await editTheSeries(user, series.id, { startsAt: "2026-12-01T08:00:00.000Z", endsAt: "2026-12-01T08:30:00.000Z" });
    expect((await syncNow(user)).pending).toBe(0);
    const after = await seriesOf(user, series.id);
    expect(after.occurrences.map((o: Occurrence) => [o.startsAt, o.sync.state, !!o.sync.eventId])).toEqual([
      ["2026-12-01T08:00:00.000Z", "SYNCED", true],
      ["2026-12-09T09:00:00.000Z", "SYNCED", true],
      ["2026-12-15T08:00:00.000Z", "SYNCED", true],
      ["2026-12-22T08:00:00.000Z", "SYNCED", true],
    ]);
    expect(instancesOf(token)).toHaveLength(4);
    expect(duplicates(after.occurrences)).toBe(0);
  });
});
