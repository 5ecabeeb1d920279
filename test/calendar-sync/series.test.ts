import type { ApiClient } from "../support/api-client";
import { testBackends } from "../support/test-database";
import type { TestService } from "../support/test-service";
import { activityOf, startSyncService, syncNow, tokenOf, useGraphFake } from "./support/sync-harness";

// Recurring activities against the Graph fake: one CRM series, one Outlook series master
// (patternedRecurrence), its instances linked to the CRM's occurrences by originalStart.
// Each test has its own user, so its mailbox and delta state are its own.

/** "Visit every first Monday", 09:00–10:00 Berlin, four times from February 2027. */
export const FIRST_MONDAYS = {
  type: "VISIT",
  subject: "Monthly visit",
  startsAt: "2027-02-01T08:00:00.000Z",
  endsAt: "2027-02-01T09:00:00.000Z",
  timeZone: "Europe/Berlin",
  recurrence: {
    pattern: { type: "relativeMonthly", interval: 1, daysOfWeek: ["monday"], index: "first" },
    range: { type: "numbered", numberOfOccurrences: 4 },
  },
};

/** A weekly call on Tuesdays, 14:00–14:30 Berlin, from 1 December 2026 to 22 December 2026. */
export const WEEKLY_CALL = {
  type: "CALL",
  subject: "Weekly call",
  startsAt: "2026-12-01T13:00:00.000Z",
  endsAt: "2026-12-01T13:30:00.000Z",
  timeZone: "Europe/Berlin",
  recurrence: {
    pattern: { type: "weekly", interval: 1, daysOfWeek: ["tuesday"], firstDayOfWeek: "monday" },
    range: { type: "endDate", endDate: "2026-12-22" },
  },
};

export async function planSeries(client: ApiClient, body: Record<string, unknown>) {
  const response = await client.post("/api/activity-series", body);
  if (response.status !== 201) throw new Error(`series: ${response.status} ${JSON.stringify(response.body)}`);
  return response.body;
}

describe.each(testBackends())("recurring activities on %s", (backend) => {
  const graph = useGraphFake({ pageSize: 3 });
  let service: TestService;

  beforeAll(async () => {
    service = await startSyncService(backend, { SYNC_WINDOW_FUTURE_DAYS: "400" });
  });
  afterAll(() => service.stop());

  const seriesOf = async (client: ApiClient, id: string) => (await client.get(`/api/activity-series/${id}`)).body;
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
        range: { type: "endDate", startDate: "2026-12-01", endDate: "2026-12-22" },
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
});
