import { testBackends } from "../support/test-database";
import type { TestService } from "../support/test-service";
import { freePort } from "../support/service-process";
import { anotherReplica, startSyncService, syncNow, tokenOf, useGraphFake } from "./support/sync-harness";
import { type Occurrence, WEEKLY_CALL, seriesOf } from "./support/series-fixtures";

// Outlook's change of a series master reaching the CRM by a change notification and by polling at
// the same moment, on two replicas: the series changes once, its occurrences are rebuilt once.

describe.each(testBackends())("a series master changed in Outlook, notified and polled at once, on %s", (backend) => {
  const graph = useGraphFake();
  let service: TestService;
  let env: Record<string, string>;

  beforeAll(async () => {
    const port = await freePort();
    env = { SYNC_NOTIFICATION_URL: `http://127.0.0.1:${port}/api/graph/notifications`, SYNC_WINDOW_FUTURE_DAYS: "400" };
    service = await startSyncService(backend, { PORT: String(port), ...env });
  });
  afterAll(() => service.stop());

  it("rebuilds the occurrences once, none twice", async () => {
    const email = "series-notified@contoso.com";
    const user = await service.as(email);
    const created = await user.post("/api/activity-series", WEEKLY_CALL);
    expect(created.status).toBe(201);
    await syncNow(user);
    const sync = service.service.calendarSync;
    await sync.maintainSubscriptions();
    await graph.fake.notifications.settled();
    await sync.runNotifiedPulls();
    const token = tokenOf(email);
    expect(graph.fake.notifications.subscriptions(token)).toHaveLength(1);
    const masterId = (await seriesOf(user, created.body.id)).sync.eventId as string;

    graph.fake.outlook.update(token, masterId, {
      start: { dateTime: "2026-12-01T08:30:00.0000000", timeZone: "W. Europe Standard Time" },
      end: { dateTime: "2026-12-01T09:00:00.0000000", timeZone: "W. Europe Standard Time" },
    });
    await graph.fake.notifications.settled();
    const replica = anotherReplica(service.service.db.prisma, {}, env);
    try {
      await Promise.all([sync.runNotifiedPulls(), replica.runNotifiedPulls(), syncNow(user), replica.runAll()]);
    } finally {
      await replica.stop();
    }
    await syncNow(user);
    const after = await seriesOf(user, created.body.id);
    expect(after.startsAt).toBe("2026-12-01T07:30:00.000Z");
    expect(after.occurrences.map((occurrence: Occurrence) => [occurrence.startsAt, occurrence.sync.state])).toEqual([
      ["2026-12-01T07:30:00.000Z", "SYNCED"],
      ["2026-12-08T07:30:00.000Z", "SYNCED"],
      ["2026-12-15T07:30:00.000Z", "SYNCED"],
      ["2026-12-22T07:30:00.000Z", "SYNCED"],
    ]);
    const eventIds = after.occurrences.map((occurrence: Occurrence) => occurrence.sync.eventId);
    expect(new Set(eventIds).size).toBe(4);
    expect(graph.fake.events(token)).toHaveLength(1);
  });
});
