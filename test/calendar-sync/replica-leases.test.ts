import { type ChildProcess, spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import type { CalendarSync, CalendarSyncOverrides } from "../../service/src/calendar-sync/calendar-sync.service";
import type { CalendarGateway } from "../../service/src/calendar-sync/graph/calendar-gateway";
import { type GraphFakeServer, startGraphFakeServer } from "../../demo/graph-fake/fake-graph.server";
import type { ApiClient } from "../support/api-client";
import { testBackends } from "../support/test-database";
import type { TestService } from "../support/test-service";
import { reportExperiment } from "./support/experiment-report";
import { SYNC_ENV, anotherReplica, planActivity, realGateway, startSyncService, tokenOf } from "./support/sync-harness";

// Replicas over one database, each with its own leases, against the Graph fake as a real HTTP
// server (a replica in another process reaches it too). The worker's own timings are used where the
// point is how long a takeover takes: SYNC_LEASE_MS (15 s) and a push poll of one second.
const TAKEOVER_ENV = { SYNC_INTERVAL_MS: "60000", SYNC_PUSH_POLL_MS: "1000" };

describe.each(testBackends())("outbox leases between replicas on %s", (backend) => {
  let graph: GraphFakeServer;
  let service: TestService;
  const replicas: CalendarSync[] = [];

  beforeAll(async () => {
    graph = await startGraphFakeServer();
    service = await startSyncService(backend, { GRAPH_BASE_URL: graph.baseUrl });
  });
  afterEach(async () => {
    graph.fake.clearFaults();
    await Promise.all(replicas.splice(0).map((replica) => replica.stop()));
  });
  afterAll(async () => {
    await service.stop();
    await graph.close();
  });

  const prisma = () => service.service.db.prisma;
  const replica = (overrides: CalendarSyncOverrides = {}, env: Record<string, string> = {}) => {
    const created = anotherReplica(prisma(), overrides, { GRAPH_BASE_URL: graph.baseUrl, ...env });
    replicas.push(created);
    return created;
  };
  const gateway = () => realGateway(graph.baseUrl);

  async function planMany(user: ApiClient, count: number) {
    const planned = [];
    for (let index = 0; index < count; index++)
      planned.push(
        await planActivity(user, {
          subject: `Visit ${index}`,
          startsAt: `2026-12-${String(1 + (index % 28)).padStart(2, "0")}T08:00:00.000Z`,
          endsAt: undefined,
        }),
      );
    return planned;
  }

  /** Events per activity in the user's Outlook: lost ones are missing, duplicates count twice. */
  function outlookOf(email: string, planned: { id: string }[]) {
    const perActivity = new Map<string, number>();
    for (const event of graph.fake.events(tokenOf(email))) {
      const id = event.singleValueExtendedProperties?.[0]?.value ?? "?";
      perActivity.set(id, (perActivity.get(id) ?? 0) + 1);
    }
    return {
      delivered: planned.filter((activity) => perActivity.has(activity.id)).length,
      lost: planned.filter((activity) => !perActivity.has(activity.id)).length,
      duplicated: [...perActivity.values()].reduce((sum, count) => sum + count - 1, 0),
    };
  }

  const lockedCount = (email: string) =>
    prisma().calendarOutbox.count({ where: { activity: { owner: { email } }, lockedBy: { not: null } } });
  const syncedCount = (email: string) => prisma().activity.count({ where: { owner: { email }, syncState: "SYNCED" } });

  it("resumes a crashed replica's work within 30 s: its leases run out and another replica takes over, nothing doubled", async () => {
    const email = "crash-takeover@contoso.com";
    const user = await service.as(email);
    const planned = await planMany(user, 30);
    // The replica that dies: Graph gets its first batch, then the process is gone (it neither
    // answers, nor records, nor renews, nor hands anything back).
    const real = gateway();
    const dying: CalendarGateway = {
      ...real,
      batch: async (mailbox, requests) => {
        await real.batch(mailbox, requests);
        return new Promise(() => undefined);
      },
    };
    void replica({ gateway: dying, push: { renewEveryMs: 0, concurrency: 1 } }).runAll();
    await waitUntil(async () => (await lockedCount(email)) === 30, 10_000);
    const crashedAt = Date.now();

    replica({ gateway: gateway() }, TAKEOVER_ENV).start();
    await waitUntil(async () => (await syncedCount(email)) === 30, 30_000);
    const tookMs = Date.now() - crashedAt;
    const outlook = outlookOf(email, planned);
    expect(outlook).toEqual({ delivered: 30, lost: 0, duplicated: 0 });
    expect(tookMs).toBeLessThan(30_000);
    reportExperiment(`${backend}: replica crashed mid-batch (stopped renewing)`, {
      queued: 30,
      ...outlook,
      "taken over and delivered after": `${(tookMs / 1000).toFixed(1)} s`,
    });
  }, 90_000);

  it("renews the leases of a slow push, so no other replica pushes the same entries meanwhile", async () => {
    const email = "slow-graph@contoso.com";
    const user = await service.as(email);
    const planned = await planMany(user, 45);
    graph.fake.resetStats();
    const real = gateway();
    // Each $batch takes three leases' time.
    const slow: CalendarGateway = {
      ...real,
      batch: async (mailbox, requests) => {
        await new Promise((resolve) => setTimeout(resolve, 1_500));
        return real.batch(mailbox, requests);
      },
    };
    const first = replica({ gateway: slow, push: { leaseMs: 500, concurrency: 1 } });
    const second = replica({ gateway: gateway(), push: { leaseMs: 500 } });
    const pushing = first.runAll();
    await waitUntil(async () => (await lockedCount(email)) > 0, 5_000);
    // The other replica keeps looking while the first one works; every lease stays the first one's.
    const holders = new Set<string>();
    while ((await syncedCount(email)) < 45) {
      await second.runAll();
      const rows = await prisma().calendarOutbox.findMany({
        where: { activity: { owner: { email } }, lockedBy: { not: null } },
        select: { lockedBy: true },
      });
      rows.forEach((row) => holders.add(row.lockedBy!));
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
    await pushing;
    expect(holders.size).toBe(1);
    expect(outlookOf(email, planned)).toEqual({ delivered: 45, lost: 0, duplicated: 0 });
    // Every create went to Graph once: nobody repeated one (the fake would have deduplicated it).
    expect(graph.fake.stats.operations["POST /me/events"]).toBe(45);
    expect(graph.fake.stats.deduplicatedCreates).toBe(0);
  }, 60_000);

  it("hands back its leases on stop(), so another replica takes the rest at once", async () => {
    const email = "graceful-stop@contoso.com";
    const user = await service.as(email);
    const planned = await planMany(user, 60);
    const real = gateway();
    const slow: CalendarGateway = {
      ...real,
      batch: async (mailbox, requests) => {
        await new Promise((resolve) => setTimeout(resolve, 700));
        return real.batch(mailbox, requests);
      },
    };
    const stopping = replica({ gateway: slow, push: { concurrency: 1 } });
    void stopping.runAll();
    await waitUntil(async () => (await lockedCount(email)) === 60, 10_000);
    const stopAsked = Date.now();
    await stopping.stop();
    expect(Date.now() - stopAsked).toBeLessThan(6_000);
    expect(await lockedCount(email)).toBe(0);
    const handedBack = await prisma().calendarOutbox.count({ where: { activity: { owner: { email } } } });
    expect(handedBack).toBeGreaterThan(0);

    // Well before the 15 s lease would have run out.
    await replica({ gateway: gateway() }).runAll();
    expect(await syncedCount(email)).toBe(60);
    expect(Date.now() - stopAsked).toBeLessThan(10_000);
    expect(outlookOf(email, planned)).toEqual({ delivered: 60, lost: 0, duplicated: 0 });
    reportExperiment(`${backend}: replica stopped gracefully mid-push`, {
      queued: 60,
      ...outlookOf(email, planned),
      "handed back": handedBack,
      "all delivered after stop": `${((Date.now() - stopAsked) / 1000).toFixed(1)} s`,
    });
  }, 60_000);
});

// A replica process killed with SIGKILL in the middle of a batch Graph has applied: the real thing,
// a second service process on the same PostgreSQL database.
const onPostgres = testBackends().includes("postgres") ? describe : describe.skip;
onPostgres("a replica process killed with -9 mid-batch, on PostgreSQL", () => {
  let graph: GraphFakeServer;
  let service: TestService;
  let child: ChildProcess | undefined;
  let dataDir: string;

  beforeAll(async () => {
    graph = await startGraphFakeServer();
    service = await startSyncService("postgres", { GRAPH_BASE_URL: graph.baseUrl });
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "crm-replica-"));
  });
  afterAll(async () => {
    child?.kill("SIGKILL");
    await service.stop();
    await graph.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  it("has its work taken over by the surviving replica within 30 s, with nothing lost or doubled", async () => {
    const email = "killed@contoso.com";
    const user = await service.as(email);
    const planned = [];
    for (let index = 0; index < 30; index++)
      planned.push(await planActivity(user, { subject: `Visit ${index}`, endsAt: undefined }));
    const [row] = await service.service.db.query<{ name: string }>("SELECT current_database() AS name");
    // Graph applies the replica's batches, but the answers never come back before it dies.
    graph.fake.inject({ path: /^\/\$batch$/, afterApply: true, delayMs: 600_000, status: 200, times: 10 });
    // One process (no tsx wrapper in between), so SIGKILL ends the replica itself.
    child = spawn(process.execPath, ["--import", "tsx", "scripts/service.ts"], {
      env: {
        ...process.env,
        ...SYNC_ENV,
        ...TAKEOVER_ENV,
        SYNC_PUSH_POLL_MS: "200",
        GRAPH_BASE_URL: graph.baseUrl,
        GRAPH_TIMEOUT_MS: "600000",
        DATABASE_URL: process.env.TEST_POSTGRES_URL!.replace(/\/postgres$/, `/${row!.name}`),
        DATA_DIR: dataDir,
        PORT: "0",
        SEED: "none",
      },
      stdio: "ignore",
    });
    const prisma = service.service.db.prisma;
    const locked = () =>
      prisma.calendarOutbox.count({ where: { activity: { owner: { email } }, lockedBy: { not: null } } });
    await waitUntil(async () => (await locked()) === 30 && graph.fake.events(tokenOf(email)).length > 0, 60_000);
    child.kill("SIGKILL");
    const killedAt = Date.now();
    await new Promise((resolve) => child!.once("exit", resolve));
    graph.fake.clearFaults();

    const survivor = anotherReplica(
      prisma,
      { gateway: realGateway(graph.baseUrl) },
      {
        ...TAKEOVER_ENV,
        GRAPH_BASE_URL: graph.baseUrl,
      },
    );
    survivor.start();
    try {
      await waitUntil(
        async () => (await prisma.activity.count({ where: { owner: { email }, syncState: "SYNCED" } })) === 30,
        30_000,
      );
    } finally {
      await survivor.stop();
    }
    const tookMs = Date.now() - killedAt;
    const perActivity = new Map<string, number>();
    for (const event of graph.fake.events(tokenOf(email))) {
      const id = event.singleValueExtendedProperties?.[0]?.value ?? "?";
      perActivity.set(id, (perActivity.get(id) ?? 0) + 1);
    }
    const lost = planned.filter((activity) => !perActivity.has(activity.id)).length;
    const duplicated = [...perActivity.values()].reduce((sum, count) => sum + count - 1, 0);
    expect({ lost, duplicated }).toEqual({ lost: 0, duplicated: 0 });
    expect(tookMs).toBeLessThan(30_000);
    reportExperiment("postgres: replica process killed -9 mid-batch", {
      queued: 30,
      delivered: 30 - lost,
      lost,
      duplicated,
      "created by the dead replica, deduplicated by transactionId": graph.fake.stats.deduplicatedCreates,
      "taken over and delivered after": `${(tookMs / 1000).toFixed(1)} s`,
    });
  }, 120_000);
});

async function waitUntil(condition: () => Promise<boolean>, timeoutMs: number) {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`not within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
