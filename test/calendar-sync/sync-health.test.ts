import { testBackends } from "../support/test-database";
import type { TestService } from "../support/test-service";
import { planActivity, startSyncService, syncNow, useGraphFake } from "./support/sync-harness";

// Sync health as an admin and a user see it: GET /api/sync/health (admins) and /api/sync/health/me,
// on both databases, against the Graph fake (polling only here; the subscription's state is in
// notifications.test.ts).
describe.each(testBackends())("sync health on %s", (backend) => {
  const graph = useGraphFake();
  let service: TestService;

  beforeAll(async () => {
    service = await startSyncService(backend);
  });
  afterAll(() => service.stop());
  afterEach(() => graph.fake.clearFaults());

  const entryOf = async (email: string) => {
    const admin = await service.as("health-admin@contoso.com", "ADMIN");
    const response = await admin.get("/api/sync/health");
    expect(response.status).toBe(200);
    return response.body.users.find((entry: { user: { email: string } }) => entry.user.email === email);
  };

  it("shows admins each syncing user's last push and pull, and nothing waiting when all went", async () => {
    const user = await service.as("healthy@contoso.com");
    const before = new Date().toISOString();
    await planActivity(user);
    await syncNow(user);
    const admin = await service.as("health-admin@contoso.com", "ADMIN");
    const list = (await admin.get("/api/sync/health")).body;
    expect(list).toMatchObject({ enabled: true, notifications: false });
    const entry = await entryOf("healthy@contoso.com");
    expect(entry).toMatchObject({
      user: { id: await user.id(), email: "healthy@contoso.com" },
      pending: 0,
      failed: 0,
      waiting: [],
      lastError: null,
      subscription: { state: "OFF", expiresAt: null, lastNotificationAt: null },
    });
    expect(entry.lastPushAt >= before).toBe(true);
    expect(entry.lastPullAt >= before).toBe(true);
    // The user sees the same of their own.
    const mine = await user.get("/api/sync/health/me");
    expect(mine.status).toBe(200);
    expect(mine.body).toEqual({ enabled: true, notifications: false, health: entry });
  });

  it("refuses every user's health to salesmen and managers, naming who may", async () => {
    for (const role of ["SALESMAN", "MANAGER"] as const) {
      const response = await (await service.as(`nosy-${role.toLowerCase()}@contoso.com`, role)).get("/api/sync/health");
      expect(response.status).toBe(403);
      expect(response.body.error.code).toBe("forbidden");
      expect(response.body.error.message).toMatch(/admin/i);
    }
    expect((await service.anonymous().get("/api/sync/health")).status).toBe(401);
    expect((await service.anonymous().get("/api/sync/health/me")).status).toBe(401);
  });

  it("says what waits and why while Outlook is unreachable, and the last error, until it answers again", async () => {
    const user = await service.as("waiting@contoso.com");
    await planActivity(user);
    graph.fake.outage({ kind: "network" });
    await syncNow(user);
    await planActivity(user, { subject: "Second visit" });
    await syncNow(user);
    const waiting = await entryOf("waiting@contoso.com");
    expect(waiting).toMatchObject({
      pending: 2,
      failed: 0,
      waiting: [{ reason: "UNREACHABLE", activities: 2, since: expect.any(String), retryAt: expect.any(String) }],
      lastError: { source: expect.stringMatching(/^(PUSH|PULL)$/), message: expect.stringMatching(/reach|answer/i) },
    });
    expect(waiting.lastPushAt).toBeNull();

    graph.fake.endOutage();
    await syncNow(user);
    expect(await entryOf("waiting@contoso.com")).toMatchObject({ pending: 0, waiting: [], lastError: null });
  });

  it("counts what Outlook refused, with Graph's reason as the last error", async () => {
    const user = await service.as("refused@contoso.com");
    graph.fake.inject({ method: "POST", path: /^\/me\/events$/, status: 400 });
    await planActivity(user);
    await syncNow(user);
    expect(await entryOf("refused@contoso.com")).toMatchObject({
      pending: 0,
      failed: 1,
      waiting: [],
      lastError: { source: "PUSH", message: expect.stringMatching(/.+/), at: expect.any(String) },
    });
  });

  it("shows a user who never synced as nothing at all, and admins do not list them", async () => {
    const user = await service.as("never-synced@contoso.com");
    expect((await user.get("/api/sync/health/me")).body.health).toMatchObject({
      lastPushAt: null,
      lastPullAt: null,
      pending: 0,
      failed: 0,
      waiting: [],
      lastError: null,
    });
    expect(await entryOf("never-synced@contoso.com")).toBeUndefined();
  });
});
