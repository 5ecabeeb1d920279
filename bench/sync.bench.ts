// npm run bench:sync: 1,000 activities pushed to a Graph fake with 50 ms simulated latency per HTTP
// request, then pulled back, on PGlite and on a PostgreSQL 15 server. Prints Graph HTTP requests
// (the floor with $batch is 50 for 1,000 creates), wall time, and events duplicated (must be 0),
// for a clean run and for one with faults (429 storms, batches lost after Graph applied them).
// Then move-in-Outlook → activity-moved latency p50/p95 with change notifications, beside polling
// (bench/sync-latency.ts).
import { performance } from "node:perf_hooks";
import { setupServer } from "msw/node";
import { Client } from "pg";
import { loadCalendarSyncConfig } from "../service/src/calendar-sync/calendar-sync.config";
import { createCalendarSync } from "../service/src/calendar-sync/calendar-sync.service";
import { type GraphFake, createGraphFake } from "../demo/graph-fake/fake-graph.handler";
import { graphFakeHandlers } from "../demo/graph-fake/fake-graph.msw";
import { calendarOutbox } from "../service/src/calendar-sync/outbox/activity-outbox";
import { type Database, openDatabase } from "../service/src/db/database";
import { migrate } from "../service/src/db/migrate";
import { createActivitiesRepository } from "../service/src/features/activities/activities.repository";
import { startPostgresServer, stopPostgresServer } from "../test/support/postgres-server";
import { type LatencyMode, moveLatency } from "./sync-latency";

const ACTIVITIES = Number(process.env.BENCH_ACTIVITIES ?? 1000);
const LATENCY_MS = Number(process.env.BENCH_GRAPH_LATENCY_MS ?? 50);
const BASE_URL = "https://graph.bench.test/v1.0";
type Backend = "pglite" | "postgres";
type Scenario = "clean" | "faults";

async function main() {
  const server = setupServer();
  // The service's own HTTP (the fake's notifications to it, the latency run's calls) passes; nothing else may.
  server.listen({
    onUnhandledRequest: (request, print) => {
      if (!/^(127\.0\.0\.1|localhost)$/.test(new URL(request.url).hostname)) print.error();
    },
  });
  const backends = (process.env.BENCH_BACKENDS?.split(",") as Backend[] | undefined) ?? ["pglite", "postgres"];
  const rows: Record<string, Record<string, string | number>> = {};
  try {
    for (const backend of backends)
      for (const scenario of ["clean", "faults"] as Scenario[])
        rows[`${backend} ${scenario}`] = await withDatabase(backend, (db) => {
          // A fresh, empty Outlook for every run.
          const fake = createGraphFake({ baseUrl: BASE_URL, latencyMs: LATENCY_MS, pageSize: 100 });
          server.resetHandlers(...graphFakeHandlers(fake, BASE_URL));
          return run(db, fake, scenario);
        });
    const latency: Record<string, Record<string, string | number>> = {};
    for (const backend of backends)
      for (const mode of ["notifications", "polling"] as LatencyMode[])
        latency[`${backend} ${mode}`] = await withDatabase(backend, (db) =>
          moveLatency(db, server, mode, { baseUrl: BASE_URL, latencyMs: LATENCY_MS }),
        );
    console.log(`\n${ACTIVITIES} activities, ${LATENCY_MS} ms simulated Graph latency per HTTP request`);
    console.table(rows);
    console.log(
      `\nEvent moved in Outlook → activity moved in the CRM (the fake notifies after ${process.env.BENCH_NOTIFICATION_DELAY_MS ?? 0} ms)`,
    );
    console.table(latency);
    const pollEvery = Number(process.env.SYNC_INTERVAL_MS ?? 60_000);
    console.log(
      `Polling alone at the default SYNC_INTERVAL_MS (${pollEvery / 1000} s) waits for the next round: ` +
        `p50 about ${(pollEvery / 2000).toFixed(0)} s, p95 about ${((pollEvery * 0.95) / 1000).toFixed(0)} s, plus the pull.`,
    );
  } finally {
    server.close();
  }
}

async function withDatabase<T>(backend: Backend, fn: (db: Database) => Promise<T>): Promise<T> {
  if (backend === "pglite") {
    const db = await openDatabase({ dataDir: null });
    try {
      await migrate(db);
      return await fn(db);
    } finally {
      await db.close();
    }
  }
  const pg = await startPostgresServer();
  try {
    const admin = new Client({ connectionString: pg.url("postgres") });
    await admin.connect();
    await admin.query("CREATE DATABASE crm_sync_bench");
    await admin.end();
    const db = await openDatabase({ databaseUrl: pg.url("crm_sync_bench") });
    try {
      await migrate(db);
      return await fn(db);
    } finally {
      await db.close();
    }
  } finally {
    stopPostgresServer(pg.dir);
  }
}

async function run(db: Database, fake: GraphFake, scenario: Scenario) {
  const prisma = db.prisma;
  const email = `bench-${scenario}@contoso.com`;
  const user = await prisma.user.create({ data: { oid: email, email, name: "Bench User", timeZone: "Europe/Berlin" } });
  // The real write path: each activity and its outbox entry in one transaction.
  const activities = createActivitiesRepository(prisma, calendarOutbox);
  const start = Date.UTC(2026, 11, 1, 7);
  for (let index = 0; index < ACTIVITIES; index++) {
    const startsAt = new Date(start + (index % 120) * 86_400_000 + (index % 8) * 3_600_000);
    await activities.create(
      {
        type: "VISIT",
        templateId: null,
        subject: `Visit ${index}`,
        notes: null,
        location: "Customer site",
        startsAt,
        endsAt: new Date(startsAt.getTime() + 45 * 60_000),
        timeZone: "Europe/Berlin",
        allDay: false,
        status: "PLANNED",
        reminderMinutesBefore: 15,
        onlineMeeting: false,
        ownerId: user.id,
        customerId: null,
        contactId: null,
        finishedAt: null,
        outcome: null,
      },
      user.id,
    );
  }

  const sync = createCalendarSync(
    loadCalendarSyncConfig({ GRAPH_BASE_URL: BASE_URL, GRAPH_STATIC_TOKEN: "bench-{user}", SYNC_INTERVAL_MS: "0" }),
    prisma,
  );
  if (scenario === "faults") {
    fake.inject({ method: "POST", path: /^\/me\/events$/, status: 429, retryAfterSeconds: 1, times: 60 });
    fake.inject({ path: /^\/\$batch$/, afterApply: true, status: 504, times: 3 });
    fake.inject({ method: "POST", path: /^\/me\/events$/, afterApply: true, status: 503, times: 20 });
  }
  fake.resetStats();
  const me = { id: user.id, oid: user.oid, email, name: user.name, role: user.role, timeZone: user.timeZone };
  const began = performance.now();
  const result = await sync.runForUser(me);
  const pushPullMs = performance.now() - began;
  const requests = fake.stats.httpRequests;
  const outer = fake.log.filter((entry) => !entry.inBatch);
  const batches = outer.filter((entry) => entry.path === "/$batch").length;
  const deltaPages = outer.filter((entry) => entry.path === "/me/calendarView/delta").length;
  fake.resetStats();
  const again = performance.now();
  await sync.runForUser(me);
  const secondMs = performance.now() - again;
  const secondRequests = fake.stats.httpRequests;
  await sync.stop();
  fake.clearFaults();

  const events = fake.events(`bench-${email}`);
  const perActivity = new Map<string, number>();
  for (const event of events) {
    const id = event.singleValueExtendedProperties?.[0]?.value ?? "?";
    perActivity.set(id, (perActivity.get(id) ?? 0) + 1);
  }
  const duplicated = [...perActivity.values()].reduce((sum, count) => sum + (count - 1), 0);
  const synced = await prisma.activity.count({ where: { ownerId: user.id, syncState: "SYNCED" } });
  return {
    "Graph HTTP requests": requests,
    "push ($batch)": batches,
    "pull (delta pages)": deltaPages,
    "wall time": `${(pushPullMs / 1000).toFixed(2)} s`,
    "events in Outlook": events.length,
    "events duplicated": duplicated,
    "activities SYNCED": synced,
    "push failed": result.push.failed,
    "2nd sync requests": secondRequests,
    "2nd sync time": `${secondMs.toFixed(0)} ms`,
  };
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
