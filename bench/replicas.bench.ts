// npm run bench:replicas: the service scaled out. One PostgreSQL 15 server seeded with BENCH_CUSTOMERS
// customers (default 20,000), then 1, 2 and 4 replicas of the real service (each its own process)
// behind a round-robin balancer on loopback, and per replica count: lookup and e-mail logging
// throughput and p95, and the calendar outbox pushing activities to one Graph fake from every
// replica's worker at once. What scaling out must not bring is checked and printed: an answer that
// is not 2xx, an e-mail logged twice, an activity created twice in Outlook, sessions queueing on
// row locks. The benchmark exits with code 1 when one of these is seen.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { Client } from "pg";
import { startGraphFakeServer } from "../demo/graph-fake/fake-graph.server";
import { loadOrCreateDevKeys, signDevToken } from "../service/src/auth/dev-issuer";
import { startPostgresServer, stopPostgresServer } from "../test/support/postgres-server";
import type { BenchScale } from "./bench-data.sql";
import { lookupPath } from "./bench-requests";
import { type LoadResult, runLoad } from "./load";
import { LOGGED_WAIT_MS, type LockWaits, OBSERVER, formatLockWaits, startLockWaits } from "./lock-waits";
import { startRoundRobin } from "./round-robin-proxy";
import { seedBenchData, startServiceProcess } from "./service-process";

const scale: BenchScale = {
  customers: Number(process.env.BENCH_CUSTOMERS ?? 20_000),
  contactsPerCustomer: 3,
  emailsPerCustomer: 5,
};
const REPLICAS = (process.env.BENCH_REPLICAS ?? "1,2,4").split(",").map(Number);
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 16);
const LOOKUPS = Number(process.env.BENCH_LOOKUPS ?? 3000);
/** Messages logged; each is sent twice at once, as a pane's retry that reaches another replica. */
const LOGS = Number(process.env.BENCH_LOGS ?? 600);
/** Activities created through the API, spread over SYNC_USERS users (one Outlook mailbox each). */
const ACTIVITIES = Number(process.env.BENCH_ACTIVITIES ?? 400);
const SYNC_USERS = 4;
/** Activities committed at once for the same users: a backlog all workers see together. */
const BACKLOG = Number(process.env.BENCH_BACKLOG ?? 800);
const GRAPH_LATENCY_MS = Number(process.env.BENCH_GRAPH_LATENCY_MS ?? 20);
/** How often each replica's worker looks for due outbox entries: often, so the workers meet. */
const PUSH_POLL_MS = 250;
const BENCH_EMAIL = "bench@contoso.com";
const STATIC_TOKEN = "bench-{user}";

interface Round {
  row: Record<string, string | number>;
  problems: string[];
  waits: Record<string, LockWaits>;
}

async function main() {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "crm-bench-replicas-"));
  const server = await startPostgresServer();
  const graph = await startGraphFakeServer({ latencyMs: GRAPH_LATENCY_MS, staticToken: STATIC_TOKEN });
  try {
    const admin = new Client({ connectionString: server.url("postgres") });
    await admin.connect();
    await admin.query("CREATE DATABASE crm_bench");
    await admin.end();
    const databaseUrl = server.url("crm_bench");
    console.log(
      `seeded ${scale.customers} customers in ${(await seedBenchData(databaseUrl, dataDir, scale, BENCH_EMAIL)).toFixed(1)} s`,
    );
    const locks = await startLockWaits(server, databaseUrl, server.url("postgres"));
    const db = new Client({ connectionString: databaseUrl, application_name: OBSERVER });
    await db.connect();
    const rows: Record<string, Record<string, string | number>> = {};
    const problems: string[] = [];
    const waits: Record<string, Record<string, string>> = {};
    const loggedWaits: Record<string, number[]> = {};
    try {
      for (const replicas of REPLICAS) {
        const round = await benchReplicas(replicas, { databaseUrl, dataDir, graph, db, locks });
        rows[`${replicas} replica${replicas === 1 ? "" : "s"}`] = round.row;
        problems.push(...round.problems.map((problem) => `${replicas} replicas: ${problem}`));
        for (const [phase, seen] of Object.entries(round.waits)) {
          waits[phase] ??= {};
          waits[phase][`${replicas} replicas`] = formatLockWaits(seen);
          loggedWaits[phase] = [...(loggedWaits[phase] ?? []), seen.loggedWaits];
          if (seen.waitingOn.length > 0) console.log(`[${replicas}] ${phase} waited on: ${seen.waitingOn.join(" | ")}`);
        }
      }
    } finally {
      await locks.stop();
      await db.end();
    }
    console.log(
      `\nOne PostgreSQL 15 server, ${scale.customers} customers; ${CONCURRENCY} clients through a round-robin balancer; ` +
        `${LOGS} e-mails each sent twice at once; ${ACTIVITIES} activities created through the API and a backlog of ` +
        `${BACKLOG} committed at once, for ${SYNC_USERS} users, pushed to the Graph fake ` +
        `(${GRAPH_LATENCY_MS} ms per request)`,
    );
    console.table(rows);
    console.log(
      `Lock waits while sampling pg_stat_activity every few ms (samples with a session waiting for a lock / samples, ` +
        `most sessions waiting at once, waits the server logged with log_lock_waits at deadlock_timeout ${LOGGED_WAIT_MS} ms; ` +
        `most connections the replicas held at once, each replica's pool being at most 10):`,
    );
    console.table(waits);
    console.log(
      `${os.cpus().length} cores shared by PostgreSQL, every replica, the balancer and the clients: ` +
        (os.cpus().length <= 2
          ? "a second replica may use the core one Node process leaves, but past that more replicas cannot add throughput " +
            "here, so this shows no linear scaling; what it must show is that they add no errors, no duplicated work and no lock convoy. "
          : "") +
        "Commits: the throw-away server runs with fsync=off, synchronous_commit=off.",
    );
    problems.push(...convoys(loggedWaits));
    if (problems.length > 0) {
      console.error(`\nScaling out went wrong:\n- ${problems.join("\n- ")}`);
      process.exitCode = 1;
    } else console.log("Every answer 2xx, every e-mail logged once, every activity created once in Outlook.");
  } finally {
    await graph.close();
    stopPostgresServer(server.dir);
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

/**
 * A convoy is waits that grow with the replicas: sessions queueing behind one another for the same
 * rows. A few waits at any count are a busy machine descheduling a lock's holder; this allows them.
 */
function convoys(loggedWaits: Record<string, number[]>): string[] {
  return Object.entries(loggedWaits).flatMap(([phase, counts]) => {
    const [fewest, most] = [counts[0]!, counts[counts.length - 1]!];
    return counts.length > 1 && most > Math.max(5, 2 * fewest)
      ? [`${phase}: lock waits of 10 ms or more grow with replicas (${counts.join(", ")}): a lock convoy`]
      : [];
  });
}

async function benchReplicas(
  replicas: number,
  context: {
    databaseUrl: string;
    dataDir: string;
    graph: Awaited<ReturnType<typeof startGraphFakeServer>>;
    db: Client;
    locks: Awaited<ReturnType<typeof startLockWaits>>;
  },
): Promise<Round> {
  const { databaseUrl, dataDir, graph, db, locks } = context;
  // Every replica on the one DATA_DIR: with PostgreSQL it holds only the development issuer's key,
  // which all of them must share to accept the same tokens.
  const children = await Promise.all(
    Array.from({ length: replicas }, () =>
      startServiceProcess(databaseUrl, dataDir, {
        LOG_LEVEL: "warn",
        GRAPH_BASE_URL: graph.baseUrl,
        GRAPH_STATIC_TOKEN: STATIC_TOKEN,
        SYNC_PUSH_POLL_MS: String(PUSH_POLL_MS),
        // The pull runs once after start and not again during the run: this measures the push.
        SYNC_INTERVAL_MS: "3600000",
      }),
    ),
  );
  const balancer = await startRoundRobin(children.map((child) => child.url));
  const problems: string[] = [];
  const waits: Record<string, LockWaits> = {};
  try {
    const keys = await loadOrCreateDevKeys(dataDir);
    const token = await signDevToken(keys, { email: BENCH_EMAIL, expiresIn: "2h" });
    const call = async (method: string, urlPath: string, bearer: string, body?: unknown) => {
      const response = await fetch(`${balancer.url}${urlPath}`, {
        method,
        headers: { authorization: `Bearer ${bearer}`, ...(body ? { "content-type": "application/json" } : {}) },
        body: body ? JSON.stringify(body) : undefined,
      });
      await response.arrayBuffer();
      return response.status;
    };
    const checked = (phase: string, result: LoadResult) => {
      if (result.errors > 0)
        problems.push(
          `${phase}: ${result.errors} answers not 2xx (${JSON.stringify(Object.fromEntries(result.statuses))})`,
        );
      return result;
    };

    await runLoad(200, CONCURRENCY, (i) => call("GET", lookupPath(scale, i), token)); // warm-up
    locks.take();
    const lookups = checked(
      "lookup",
      await runLoad(LOOKUPS, CONCURRENCY, (i) => call("GET", lookupPath(scale, i + 7), token)),
    );
    waits.lookup = locks.take();
    console.log(`[${replicas}] lookup done`);

    const customerIds = await sampleCustomerIds(db);
    const prefix = `bench-replicas-${replicas}-${process.pid}`;
    // Warm-up: each replica starts its HTML sanitiser's worker threads on its first bodies.
    await runLoad(replicas * 8, CONCURRENCY, (i) =>
      call("POST", "/api/email-log", token, logBody(`warm-up-${prefix}`, i, customerIds[i % customerIds.length]!)),
    );
    locks.take();
    // Each message twice at once: the round-robin sends the two to different replicas (when there are two).
    let logStatuses = { created: 0, again: 0 };
    const logs = checked(
      "e-mail logging",
      await runLoad(LOGS, CONCURRENCY / 2, async (i) => {
        const body = logBody(prefix, i, customerIds[i % customerIds.length]!);
        const [first, second] = await Promise.all([
          call("POST", "/api/email-log", token, body),
          call("POST", "/api/email-log", token, body),
        ]);
        logStatuses = {
          created: logStatuses.created + [first, second].filter((status) => status === 201).length,
          again: logStatuses.again + [first, second].filter((status) => status === 200).length,
        };
        return first >= 200 && first < 300 ? second : first;
      }),
    );
    waits["e-mail logging"] = locks.take();
    const logged = await loggedOnce(db, prefix);
    if (logStatuses.created !== LOGS || logStatuses.again !== LOGS)
      problems.push(
        `e-mail logging: ${logStatuses.created} answered 201 and ${logStatuses.again} 200, expected ${LOGS} each`,
      );
    if (logged.rows !== LOGS || logged.duplicated !== 0)
      problems.push(
        `e-mail logging: ${logged.rows} entries in the database (${logged.duplicated} duplicated), expected ${LOGS}`,
      );
    console.log(`[${replicas}] e-mail logging done`);

    const push = await pushAsCreated(replicas, { call, keys, graph, db, problems });
    waits["calendar push"] = locks.take();
    const backlog = await pushBacklog(replicas, { call, keys, graph, db, problems });
    waits["outbox backlog"] = locks.take();
    console.log(`[${replicas}] calendar push done`);

    const sent = balancer.sent();
    return {
      row: {
        "lookup per s": lookups.perSecond.toFixed(0),
        "lookup p95 ms": lookups.p(95).toFixed(1),
        // A message is two requests (the retry with it); its latency is the slower one's.
        "e-mails logged per s": logs.perSecond.toFixed(0),
        "logging p95 ms": logs.p(95).toFixed(1),
        "not 2xx": lookups.errors + logs.errors + push.errors,
        "e-mails in DB": `${logged.rows}/${LOGS}`,
        "pushed per s as created": push.perSecond.toFixed(0),
        "backlog pushed per s": backlog.perSecond.toFixed(0),
        "workers on the backlog": backlog.workers,
        "Graph creates": `${push.creates + backlog.creates}/${ACTIVITIES + BACKLOG}`,
        "events duplicated": push.duplicated + backlog.duplicated,
        "requests per replica": sent.length > 1 ? `${Math.min(...sent)}-${Math.max(...sent)}` : String(sent[0]),
      },
      problems,
      waits,
    };
  } finally {
    await balancer.close();
    await Promise.all(children.map((child) => child.stop()));
  }
}

interface PushContext {
  call: (method: string, urlPath: string, bearer: string, body?: unknown) => Promise<number>;
  keys: Awaited<ReturnType<typeof loadOrCreateDevKeys>>;
  graph: Awaited<ReturnType<typeof startGraphFakeServer>>;
  db: Client;
  problems: string[];
}

/** Activities created through the API (each with its outbox entry), pushed by every replica's worker as they come. */
async function pushAsCreated(replicas: number, context: PushContext) {
  const { call, keys } = context;
  const emails = syncUsers(replicas);
  const tokens = await Promise.all(emails.map((email) => signDevToken(keys, { email, expiresIn: "2h" })));
  return pushed("calendar push", emails, ACTIVITIES, context, async () => {
    const created = await runLoad(ACTIVITIES, 8, (i) => {
      const startsAt = new Date(Date.UTC(2027, 0, 4, 8) + (i % 100) * 86_400_000 + (i % 8) * 3_600_000);
      return call("POST", "/api/activities", tokens[i % SYNC_USERS]!, {
        type: "VISIT",
        subject: `Visit ${i}`,
        startsAt: startsAt.toISOString(),
        timeZone: "Europe/Berlin",
      });
    });
    return created.errors;
  });
}

/**
 * A backlog every worker sees at the same moment (as after Graph was away, or a bulk import): the
 * activities and their outbox entries committed in one transaction, which API calls one at a time
 * never make. This is where the workers' claims meet, FOR UPDATE SKIP LOCKED or not.
 */
async function pushBacklog(replicas: number, context: PushContext) {
  const emails = syncUsers(replicas);
  return pushed("outbox backlog", emails, BACKLOG, context, async () => {
    await context.db.query(
      `WITH owners AS (SELECT id, row_number() OVER (ORDER BY email) - 1 AS n FROM "User" WHERE email = ANY($1)),
       created AS (
         INSERT INTO "Activity" (id, type, subject, "startsAt", "endsAt", "timeZone", "reminderMinutesBefore",
                                 "ownerId", "createdById", "modifiedById")
         SELECT gen_random_uuid(), 'VISIT', 'Backlog ' || g, starts, starts + interval '45 minutes', 'Europe/Berlin', 15,
                o.id, o.id, o.id
         FROM generate_series(0, $2::int - 1) g
         JOIN owners o ON o.n = g % $3
         CROSS JOIN LATERAL (SELECT timestamptz '2027-06-01 08:00Z' + (g % 100) * interval '1 day' + (g % 8) * interval '1 hour' AS starts) t
         RETURNING id, version)
       INSERT INTO "CalendarOutbox" ("activityId", "activityVersion") SELECT id, version FROM created`,
      [emails, BACKLOG, SYNC_USERS],
    );
    return 0;
  });
}

const syncUsers = (replicas: number) =>
  Array.from({ length: SYNC_USERS }, (_, user) => `sync-${replicas}-${user}@contoso.com`);

/**
 * Runs `enqueue`, waits until the outbox has pushed it all, then checks Outlook: each activity in it
 * once, created once. Answers the push rate and how many workers held leases at once.
 */
async function pushed(
  phase: string,
  emails: string[],
  expected: number,
  { graph, db, problems }: PushContext,
  enqueue: () => Promise<number>,
) {
  const mailboxes = new Set(emails.map((email) => STATIC_TOKEN.replace("{user}", email)));
  const before = new Set([...mailboxes].flatMap((mailbox) => graph.fake.events(mailbox).map((event) => event.id)));
  graph.fake.resetStats();
  const began = performance.now();
  const errors = await enqueue();
  if (errors > 0) problems.push(`${phase}: ${errors} answers not 2xx`);
  const drained = await waitForSynced(db, emails, expected - errors);
  const seconds = (performance.now() - began) / 1000;
  if (!drained.done) problems.push(`${phase}: the outbox did not drain within 120 s`);

  const creates = graph.fake.log.filter(
    (entry) => entry.method === "POST" && entry.path === "/me/events" && mailboxes.has(entry.mailbox ?? ""),
  ).length;
  const perActivity = new Map<string, number>();
  for (const mailbox of mailboxes)
    for (const event of graph.fake.events(mailbox)) {
      if (before.has(event.id)) continue;
      const id = event.singleValueExtendedProperties?.[0]?.value ?? "?";
      perActivity.set(id, (perActivity.get(id) ?? 0) + 1);
    }
  const duplicated = [...perActivity.values()].reduce((sum, count) => sum + (count - 1), 0);
  // The fake answers a repeated create (same transactionId) with the first event: count those too.
  const repeated = graph.fake.stats.deduplicatedCreates;
  if (creates !== expected || duplicated !== 0 || repeated !== 0 || perActivity.size !== expected)
    problems.push(
      `${phase}: ${creates} creates sent, ${perActivity.size} activities in Outlook, ${duplicated} duplicated, ` +
        `${repeated} repeated creates; expected ${expected}, ${expected}, 0, 0`,
    );
  return {
    perSecond: expected / seconds,
    creates,
    duplicated: duplicated + repeated,
    errors,
    workers: drained.workers,
  };
}

/** Waits until the users' activities are all SYNCED and their outbox empty; notes which workers held leases. */
async function waitForSynced(db: Client, emails: string[], expected: number) {
  const deadline = performance.now() + 120_000;
  const workers = new Set<string>();
  while (performance.now() < deadline) {
    const { rows } = await db.query<{ synced: number; pending: number; workers: string[] }>(
      `SELECT count(*) FILTER (WHERE a."syncState" = 'SYNCED')::int AS synced, count(o."activityId")::int AS pending,
              coalesce(array_agg(DISTINCT o."lockedBy") FILTER (WHERE o."lockedUntil" > now()), '{}') AS workers
       FROM "Activity" a JOIN "User" u ON u.id = a."ownerId" LEFT JOIN "CalendarOutbox" o ON o."activityId" = a.id
       WHERE u.email = ANY($1)`,
      [emails],
    );
    for (const worker of rows[0]!.workers) workers.add(worker);
    if (rows[0]!.synced >= expected && rows[0]!.pending === 0) return { done: true, workers: workers.size };
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return { done: false, workers: workers.size };
}

async function loggedOnce(db: Client, prefix: string) {
  const { rows } = await db.query<{ rows: number; duplicated: number }>(
    `SELECT count(*)::int AS rows, (count(*) - count(DISTINCT "internetMessageId"))::int AS duplicated
     FROM "EmailLogEntry" WHERE "internetMessageId" LIKE $1`,
    [`<${prefix}-%`],
  );
  return rows[0]!;
}

async function sampleCustomerIds(db: Client): Promise<string[]> {
  const { rows } = await db.query<{ id: string }>(`SELECT id FROM "Customer" ORDER BY id LIMIT 200`);
  return rows.map((row) => row.id);
}

function logBody(prefix: string, i: number, customerId: string) {
  return {
    internetMessageId: `<${prefix}-${i}@contoso.com>`,
    conversationId: `bench-conv-${i % 100}`,
    subject: `Offer ${i}`,
    from: { email: BENCH_EMAIL, name: "Bench" },
    to: [{ email: "buyer@c1.example", name: "Buyer" }],
    cc: [],
    sentAt: new Date().toISOString(),
    bodyHtml: `<p>Dear customer,</p><p>please find our offer <b>${i}</b> <a href="https://contoso.com/o/${i}">here</a>.</p>`,
    customerId,
  };
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
