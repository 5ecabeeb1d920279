import type { FakeOutage } from "../../demo/graph-fake/fake-graph.handler";
import { testBackends } from "../support/test-database";
import type { TestService } from "../support/test-service";
import { activityOf, planActivity, startSyncService, syncNow, tokenOf, useGraphFake } from "./support/sync-harness";
import { reportExperiment } from "./support/experiment-report";

// Graph down for minutes, on a controllable clock: the service's sync, the worker's waits and the
// fake's outage all read `clock`, and each "background round" is one runAll() after moving it on
// by ROUND_MS. Real timers never wait, so five simulated minutes take seconds.
const ROUND_MS = 10_000;
const MINUTE = 60_000;

const OUTAGES: { name: string; outage: Omit<FakeOutage, "until">; minutes: number; reason: string; error: RegExp }[] = [
  {
    name: "unreachable (network error)",
    outage: { kind: "network" },
    minutes: 5,
    reason: "UNREACHABLE",
    error: /Graph could not be reached/,
  },
  {
    name: "answering 500",
    outage: { kind: "status", status: 500 },
    minutes: 5,
    reason: "OUTLOOK_ERROR",
    error: /500|outage/,
  },
  {
    name: "answering 503 with Retry-After: 120",
    outage: { kind: "status", status: 503, retryAfterSeconds: 120 },
    minutes: 4,
    reason: "THROTTLED",
    error: /outage/,
  },
];

describe.each(testBackends())("a Graph outage of several minutes on %s", (backend) => {
  let clock = Date.now();
  const graph = useGraphFake({ now: () => clock });
  let service: TestService;

  beforeAll(async () => {
    service = await startSyncService(
      backend,
      {},
      // In-run waits (a blip's second try) pass at once: only rounds move the clock.
      { now: () => new Date(clock), push: { sleep: async () => undefined } },
    );
  });
  afterAll(() => service.stop());
  afterEach(() => graph.fake.clearFaults());

  const prisma = () => service.service.db.prisma;
  const round = async () => {
    clock += ROUND_MS;
    await service.service.calendarSync.runAll();
  };

  it.each(OUTAGES)(
    "loses and duplicates nothing while Graph is $name, never gives up, shows why, and delivers it all once it is back",
    async ({ name, outage, minutes, reason, error }) => {
      const email = `outage-${OUTAGES.findIndex((o) => o.name === name)}@contoso.com`;
      const user = await service.as(email);
      // Before: five activities already in Outlook.
      const synced = [];
      for (let index = 0; index < 5; index++)
        synced.push(
          await planActivity(user, { subject: `In Outlook ${index}`, startsAt: at(index, 8), endsAt: undefined }),
        );
      await syncNow(user);
      expect(graph.fake.events(tokenOf(email))).toHaveLength(5);

      // The simulated clock runs ahead of the real one, so what the service stamps with the real time is due.
      clock = Math.max(clock, Date.now()) + MINUTE;
      const began = clock;
      const end = began + minutes * MINUTE;
      graph.fake.outage({ ...outage, until: end });
      // During: 40 new ones, and the five moved by an hour.
      const planned: { id: string }[] = [];
      for (let index = 0; index < 40; index++)
        planned.push(
          await planActivity(user, { subject: `Planned offline ${index}`, startsAt: at(index, 9), endsAt: undefined }),
        );
      for (const [index, activity] of synced.entries())
        expect(
          (await user.patch(`/api/activities/${activity.id}`, { version: activity.version, startsAt: at(index, 10) }))
            .status,
        ).toBe(200);
      const queued = await prisma().calendarOutbox.count({ where: { activity: { owner: { email } } } });
      expect(queued).toBe(45);

      let syncNowResult: Awaited<ReturnType<typeof syncNow>> | undefined;
      while (clock + ROUND_MS < end) {
        await round();
        expect(await prisma().activity.count({ where: { owner: { email }, syncState: "FAILED" } })).toBe(0);
        // Halfway the user presses "Sync with Outlook": every waiting entry is tried at once, whatever its backoff.
        if (!syncNowResult && clock - began >= (minutes * MINUTE) / 2) {
          const waitingLater = await prisma().calendarOutbox.count({
            where: { activity: { owner: { email } }, availableAt: { gt: new Date(clock) } },
          });
          expect(waitingLater).toBeGreaterThan(0);
          syncNowResult = await syncNow(user);
          expect(syncNowResult.push).toMatchObject({ pushed: 0, failed: 0, retrying: 45 });
          expect(syncNowResult.pending).toBe(45);
        }
      }

      // Still down, the activity says why it waits and since when: the first failure, not the latest.
      expect(graph.fake.down).toBe(true);
      const waiting = await activityOf(user, planned[7]!.id);
      expect(waiting.sync).toMatchObject({ state: "PENDING", eventId: null, waiting: { reason } });
      expect(waiting.sync.error).toMatch(error);
      expect(Date.parse(waiting.sync.waiting.since)).toBeGreaterThan(began);
      expect(Date.parse(waiting.sync.waiting.since)).toBeLessThanOrEqual(began + 2 * ROUND_MS);
      expect(Date.parse(waiting.sync.waiting.retryAt)).toBeGreaterThan(clock - ROUND_MS);
      // It backed off: a handful of tries in the whole outage, not one per round.
      const attempts = await prisma().calendarOutbox.findMany({
        where: { activity: { owner: { email } } },
        select: { attempts: true },
      });
      const most = Math.max(...attempts.map((entry) => entry.attempts));
      expect(most).toBeLessThanOrEqual(12);
      expect(most).toBeLessThan((minutes * MINUTE) / ROUND_MS / 2);
      const duringOutage = graph.fake.log.filter((entry) => entry.mailbox === tokenOf(email) && entry.at >= began);
      const triedDuringOutage = duringOutage.filter((entry) => entry.path === "/$batch").length;
      // The background pull of the user's calendar backs off the same way ("sync now" always reads).
      const pullsDuringOutage = duringOutage.filter((entry) => entry.path === "/me/calendarView/delta").length;
      expect(pullsDuringOutage).toBeLessThanOrEqual(10);

      // Graph is back: the worker alone delivers everything within its backoff cap (5 minutes).
      const back = clock;
      while ((await prisma().calendarOutbox.count({ where: { activity: { owner: { email } } } })) > 0) {
        expect(clock - back).toBeLessThanOrEqual(5 * MINUTE + ROUND_MS);
        await round();
      }
      const deliveredAfterMs = clock - back;

      const events = graph.fake.events(tokenOf(email));
      const perActivity = new Map<string, number>();
      for (const event of events) {
        const id = event.singleValueExtendedProperties?.[0]?.value ?? "?";
        perActivity.set(id, (perActivity.get(id) ?? 0) + 1);
      }
      const expected = [...synced, ...planned].map((activity) => activity.id);
      const lost = expected.filter((id) => !perActivity.has(id)).length;
      const duplicated = [...perActivity.values()].reduce((sum, count) => sum + count - 1, 0);
      expect({ lost, duplicated, events: events.length }).toEqual({ lost: 0, duplicated: 0, events: 45 });
      for (const index of synced.keys()) {
        // Moved while Graph was down: Outlook has the new time.
        const event = events.find((candidate) => candidate.subject === `In Outlook ${index}`)!;
        expect(`${event.start.dateTime.slice(0, 19)}.000Z`).toBe(at(index, 10));
      }
      for (const activity of [...synced, ...planned])
        expect((await activityOf(user, activity.id)).sync).toMatchObject({
          state: "SYNCED",
          error: null,
          waiting: null,
        });

      reportExperiment(`${backend}: Graph ${name} for ${minutes} min`, {
        queued: queued,
        delivered: expected.length - lost,
        lost,
        duplicated,
        failed: 0,
        "$batch tries during outage": triedDuringOutage,
        "delta reads during outage": pullsDuringOutage,
        "most tries of one entry": most,
        "all delivered after Graph was back": `${Math.round(deliveredAfterMs / 1000)} s`,
      });
    },
  );

  it("keeps an activity PENDING through an outage when Graph then refuses it, and only then shows FAILED with Graph's reason", async () => {
    const user = await service.as("outage-refused@contoso.com");
    clock = Math.max(clock, Date.now()) + MINUTE;
    const activity = await planActivity(user, { subject: "Refused after the outage" });
    graph.fake.outage({ kind: "network", until: clock + 2 * MINUTE });
    for (let index = 0; index < 12; index++) await round();
    expect((await activityOf(user, activity.id)).sync.state).toBe("PENDING");
    clock += 5 * MINUTE;
    graph.fake.inject({ method: "POST", path: /^\/me\/events$/, status: 400 });
    await syncNow(user);
    const failed = await activityOf(user, activity.id);
    expect(failed.sync).toMatchObject({ state: "FAILED", waiting: null });
    expect(failed.sync.error).toMatch(/Outlook refused this change \(ErrorInvalidRequest\)|Outlook refused/);
  });
});

/** Day `index` of December 2026 (cycling through the month) at `hour`:00 UTC. */
function at(index: number, hour: number) {
  return `2026-12-${String(1 + (index % 28)).padStart(2, "0")}T${String(hour).padStart(2, "0")}:00:00.000Z`;
}
