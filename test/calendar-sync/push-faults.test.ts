import type { ApiClient } from "../support/api-client";
import { testBackends } from "../support/test-database";
import type { TestService } from "../support/test-service";
import type { CalendarGateway } from "../../service/src/calendar-sync/graph/calendar-gateway";
import {
  activityOf,
  anotherReplica,
  planActivity,
  realGateway,
  startSyncService,
  syncNow,
  tokenOf,
  useGraphFake,
} from "./support/sync-harness";

// Each test uses its own user, so its mailbox in the fake holds only its own events.
describe.each(testBackends())("push faults on %s", (backend) => {
  const graph = useGraphFake();
  let service: TestService;
  const eventsOf = (email: string) => graph.fake.events(tokenOf(email));

  beforeAll(async () => {
    service = await startSyncService(backend, { GRAPH_TIMEOUT_MS: "500" });
  });
  afterAll(() => service.stop());
  afterEach(() => graph.fake.clearFaults());

  async function planMany(client: ApiClient, count: number) {
    const planned = [];
    for (let index = 0; index < count; index++)
      planned.push(
        await planActivity(client, {
          subject: `Visit ${index}`,
          startsAt: `2026-12-${String(1 + (index % 28)).padStart(2, "0")}T08:00:00.000Z`,
          endsAt: undefined,
        }),
      );
    return planned;
  }

  it("makes one event when Graph created it but the answer was lost (timeout), and the retry repeats the create", async () => {
    const user = await service.as("timeout@contoso.com");
    const activity = await planActivity(user);
    // Graph does the batch, then answers after the client gave up (GRAPH_TIMEOUT_MS=500).
    graph.fake.inject({ path: /^\/\$batch$/, afterApply: true, delayMs: 1_500, status: 200 });
    const result = await syncNow(user);
    expect(result.push).toMatchObject({ pushed: 1, failed: 0 });
    expect(eventsOf("timeout@contoso.com")).toHaveLength(1);
    expect(graph.fake.stats.deduplicatedCreates).toBeGreaterThanOrEqual(1);
    expect((await activityOf(user, activity.id)).sync).toMatchObject({
      state: "SYNCED",
      eventId: eventsOf("timeout@contoso.com")[0]!.id,
    });
  });

  it("makes one event when a create inside the batch answered 504 after Graph had made it", async () => {
    const user = await service.as("gateway504@contoso.com");
    await planActivity(user);
    graph.fake.inject({ method: "POST", path: /^\/me\/events$/, afterApply: true, status: 504 });
    await syncNow(user);
    expect(eventsOf("gateway504@contoso.com")).toHaveLength(1);
  });

  it("rides out a 429 storm inside batches, waiting as long as Retry-After says, with no event twice", async () => {
    const user = await service.as("storm@contoso.com");
    const planned = await planMany(user, 25);
    graph.fake.resetStats();
    graph.fake.inject({ method: "POST", path: /^\/me\/events$/, status: 429, retryAfterSeconds: 1, times: 30 });
    const result = await syncNow(user);
    expect(result.push).toMatchObject({ pushed: 25, failed: 0, retrying: 0 });
    expect(eventsOf("storm@contoso.com")).toHaveLength(25);
    for (const activity of planned) expect((await activityOf(user, activity.id)).sync.state).toBe("SYNCED");
    // Every create after a 429 came at least Retry-After (1 s) later.
    const creates = graph.fake.log.filter((entry) => entry.method === "POST" && entry.path === "/me/events");
    const firstThrottle = creates.find((entry) => entry.status === 429)!;
    const firstSuccess = creates.find((entry) => entry.status === 201)!;
    expect(firstSuccess.at - firstThrottle.at).toBeGreaterThanOrEqual(1_000);
  });

  it("keeps an activity PENDING through more timeouts in a row than the old limit of 12, saying Graph did not answer", async () => {
    const user = await service.as("timeouts@contoso.com");
    const activity = await planActivity(user);
    // Graph takes longer than GRAPH_TIMEOUT_MS (500 ms) for every $batch.
    graph.fake.inject({ path: /^\/\$batch$/, delayMs: 1_000, times: 1_000 });
    for (let attempt = 0; attempt < 7; attempt++) {
      const result = await syncNow(user);
      expect(result.push).toMatchObject({ pushed: 0, failed: 0, retrying: 1 });
    }
    const attempts = await service.service.db.prisma.calendarOutbox.findUnique({ where: { activityId: activity.id } });
    expect(attempts?.attempts).toBeGreaterThanOrEqual(7);
    expect(graph.fake.log.filter((entry) => entry.mailbox === tokenOf("timeouts@contoso.com")).length).toBeGreaterThan(
      12,
    );
    const waiting = await activityOf(user, activity.id);
    expect(waiting.sync).toMatchObject({ state: "PENDING", waiting: { reason: "UNREACHABLE" } });
    expect(waiting.sync.error).toMatch(/did not answer within 500 ms/);
    graph.fake.clearFaults();
    await syncNow(user);
    expect((await activityOf(user, activity.id)).sync).toMatchObject({ state: "SYNCED", error: null, waiting: null });
    expect(eventsOf("timeouts@contoso.com")).toHaveLength(1);
  });

  it("honours Retry-After on the $batch request itself", async () => {
    const user = await service.as("outer429@contoso.com");
    await planActivity(user);
    graph.fake.resetStats();
    graph.fake.inject({ path: /^\/\$batch$/, status: 429, retryAfterSeconds: 1, times: 2 });
    await syncNow(user);
    const batches = graph.fake.log.filter((entry) => entry.path === "/$batch");
    expect(batches.map((entry) => entry.status)).toEqual([429, 429, 200]);
    expect(batches[2]!.at - batches[0]!.at).toBeGreaterThanOrEqual(2_000);
    expect(eventsOf("outer429@contoso.com")).toHaveLength(1);
  });

  it("shows a refused change as FAILED with Graph's reason, does not retry it, and tries again once the activity changes", async () => {
    const user = await service.as("refused@contoso.com");
    const activity = await planActivity(user);
    graph.fake.inject({ method: "POST", path: /^\/me\/events$/, status: 400 });
    const result = await syncNow(user);
    expect(result.push).toMatchObject({ pushed: 0, failed: 1 });
    const failed = await activityOf(user, activity.id);
    expect(failed.sync).toMatchObject({ state: "FAILED", eventId: null });
    expect(failed.sync.error).toMatch(/Outlook refused this change/);

    graph.fake.resetStats();
    await syncNow(user);
    expect(graph.fake.stats.operations["POST /me/events"]).toBeUndefined();

    await user.patch(`/api/activities/${activity.id}`, { version: failed.version, subject: "Fixed subject" });
    await syncNow(user);
    expect((await activityOf(user, activity.id)).sync).toMatchObject({ state: "SYNCED", error: null });
    expect(eventsOf("refused@contoso.com").map((event) => event.subject)).toEqual(["Fixed subject"]);
  });

  it("sends a FAILED activity to Outlook again on request (owner, manager or admin), and refuses it for any other state", async () => {
    const user = await service.as("resend@contoso.com");
    const colleague = await service.as("resend-colleague@contoso.com");
    const manager = await service.as("resend-manager@contoso.com", "MANAGER");
    const activity = await planActivity(user, { subject: "Refused once" });
    graph.fake.inject({ method: "POST", path: /^\/me\/events$/, status: 400 });
    await syncNow(user);
    expect((await activityOf(user, activity.id)).sync.state).toBe("FAILED");

    const resend = `/api/activities/${activity.id}/resend-to-outlook`;
    expect((await colleague.post(resend, {})).status).toBe(403);
    expect((await user.post(`/api/activities/00000000-0000-4000-8000-000000000000/resend-to-outlook`, {})).status).toBe(
      404,
    );
    const queued = await user.post(resend, {});
    expect(queued.status).toBe(200);
    expect(queued.body.sync).toMatchObject({ state: "PENDING", error: null, waiting: null });
    // Pending already: nothing to send again.
    expect((await manager.post(resend, {})).body.error).toMatchObject({ code: "conflict" });
    await syncNow(user);
    expect((await activityOf(user, activity.id)).sync).toMatchObject({ state: "SYNCED", error: null });
    expect(eventsOf("resend@contoso.com").map((event) => event.subject)).toEqual(["Refused once"]);
    const again = await user.post(resend, {});
    expect(again.status).toBe(409);
    expect(again.body.error.message).toMatch(/SYNCED/);
  });

  it("keeps changes PENDING with a visible reason while Graph refuses the token, and pushes them once it accepts it", async () => {
    const user = await service.as("signin@contoso.com");
    const activity = await planActivity(user);
    graph.fake.inject({ path: /^\/\$batch$/, status: 401 });
    const result = await syncNow(user);
    expect(result).toMatchObject({ push: { pushed: 0, retrying: 1 }, pending: 1 });
    expect((await activityOf(user, activity.id)).sync).toMatchObject({
      state: "PENDING",
      error: expect.stringMatching(/sign-in/),
      waiting: { reason: "SIGN_IN" },
    });
    // The entry waits (backoff); a later round after that pushes it.
    await service.service.db.prisma.calendarOutbox.updateMany({ data: { availableAt: new Date() } });
    await syncNow(user);
    expect((await activityOf(user, activity.id)).sync).toMatchObject({ state: "SYNCED", error: null });
  });

  it("loses nothing when a replica dies mid-batch after Graph did the work: another takes over after the lease", async () => {
    const user = await service.as("crash@contoso.com");
    const planned = await planMany(user, 30);
    const real = realGateway();
    let wake!: () => void;
    const dead = new Promise<void>((resolve) => (wake = resolve));
    // The dying replica: Graph gets its first batch, then the process is gone before it records anything.
    const dying: CalendarGateway = {
      ...real,
      batch: async (mailbox, requests) => {
        await real.batch(mailbox, requests);
        await dead;
        throw new Error("process died");
      },
    };
    const replica = anotherReplica(service.service.db.prisma, {
      gateway: dying,
      push: { leaseMs: 300, concurrency: 1, renewEveryMs: 0 },
    });
    const dying$ = replica.runAll().catch(() => undefined);
    await new Promise((resolve) => setTimeout(resolve, 400));
    expect(eventsOf("crash@contoso.com")).toHaveLength(20);

    // The lease ran out: this replica's "sync now" takes everything over; the first 20 are deduplicated by transactionId.
    const result = await syncNow(user);
    expect(result.push.pushed).toBe(30);
    expect(eventsOf("crash@contoso.com")).toHaveLength(30);
    for (const activity of planned) expect((await activityOf(user, activity.id)).sync.state).toBe("SYNCED");
    wake();
    await dying$;
    expect(eventsOf("crash@contoso.com")).toHaveLength(30);
  });

  it("lets two replicas push at once without doing any entry twice", async () => {
    const user = await service.as("replicas@contoso.com");
    await planMany(user, 60);
    graph.fake.resetStats();
    const first = anotherReplica(service.service.db.prisma, { push: { claimLimit: 10 } });
    const second = anotherReplica(service.service.db.prisma, { push: { claimLimit: 10 } });
    await Promise.all([first.runAll(), second.runAll()]);
    expect(eventsOf("replicas@contoso.com")).toHaveLength(60);
    expect(graph.fake.stats.operations["POST /me/events"]).toBe(60);
    expect(graph.fake.stats.deduplicatedCreates).toBe(0);
    expect(await service.service.db.prisma.calendarOutbox.count()).toBe(0);
  });
});
