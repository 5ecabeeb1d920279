// npm run bench: the service over HTTP at realistic scale, on PGlite and on a PostgreSQL 15 server.
// Seeds BENCH_CUSTOMERS customers (default 100,000) with 3 contacts and 5 logged emails each, starts
// the real service as a child process and prints latency percentiles, throughput and peak memory.
// On PostgreSQL it also starts the floor (floor-server.ts: the same SQL, token check and JSON without
// Express or Prisma), checks that both answer the same bytes, loads both alike and prints the ratios.
import os from "node:os";
import { performance } from "node:perf_hooks";
import { loadOrCreateDevKeys, signDevToken } from "../service/src/auth/dev-issuer";
import type { BenchScale } from "./bench-data.sql";
import { logBody, lookupPath, sampleCustomerIds, searchPath } from "./bench-requests";
import { startFloorProcess, withSeededService } from "./service-process";

const scale: BenchScale = {
  customers: Number(process.env.BENCH_CUSTOMERS ?? 100_000),
  contactsPerCustomer: 3,
  emailsPerCustomer: 5,
};
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 16);
const LOOKUPS = Number(process.env.BENCH_LOOKUPS ?? 4000);
const SEARCHES = Number(process.env.BENCH_SEARCHES ?? 1000);
const LOGS = Number(process.env.BENCH_LOGS ?? 3000);
const BENCH_EMAIL = "bench@contoso.com";

type Backend = "pglite" | "postgres";
type Target = { url: string; cpuMs: () => number };
type Load = { p: (percentile: number) => string; perSecond: number; cpuMsPerRequest: number };

/** Service against floor per case (PostgreSQL): the targets are CPU/request and p95 within 1.5x. */
const floorResults: Record<string, Record<string, string>> = {};

async function main() {
  const only = process.env.BENCH_BACKENDS?.split(",") as Backend[] | undefined;
  const results: Record<string, Record<string, string>> = {};
  for (const backend of only ?? (["pglite", "postgres"] as Backend[])) results[backend] = await benchBackend(backend);
  console.log(
    `\nScale: ${scale.customers} customers, ${scale.customers * scale.contactsPerCustomer} contacts, ${scale.customers * scale.emailsPerCustomer} e-mail log entries; ${os.cpus().length} cores`,
  );
  console.table(results);
  if (Object.keys(floorResults).length > 0) {
    console.log(
      "\nPostgreSQL, the service against the floor (bench/floor-server.ts: node:http + pg, same SQL, token check, JSON):",
    );
    console.table(floorResults);
  }
  // Logging is bound by the commit: what each figure includes.
  console.log(
    "Commits: PGlite fsyncs the WAL before each answer (wal_sync_method=fsync); the throw-away PostgreSQL runs with fsync=off, synchronous_commit=off",
  );
}

function benchBackend(backend: Backend): Promise<Record<string, string>> {
  return withSeededService(backend, scale, BENCH_EMAIL, async (child, dataDir, databaseUrl) => {
    // The floor (floor-server.ts) on the same database, loaded by the same generator: PostgreSQL only.
    const floor = databaseUrl ? await startFloorProcess(databaseUrl, dataDir) : undefined;
    try {
      const token = await signDevToken(await loadOrCreateDevKeys(dataDir), { email: BENCH_EMAIL, expiresIn: "2h" });
      const call = (base: string, method: string, urlPath: string, body?: unknown) =>
        fetch(`${base}${urlPath}`, {
          method,
          headers: { authorization: `Bearer ${token}`, ...(body ? { "content-type": "application/json" } : {}) },
          body: body ? JSON.stringify(body) : undefined,
        }).then(async (response) => {
          await response.arrayBuffer();
          if (response.status >= 300 && response.status !== 200)
            throw new Error(`${method} ${urlPath}: ${response.status}`);
        });
      /** `total` GETs with `concurrency` clients, and the CPU time the target spent per request. */
      const load = async (target: Target, total: number, concurrency: number, pathOf: (i: number) => string) => {
        const cpuBefore = target.cpuMs();
        const started = performance.now();
        const latencies = await run(total, concurrency, (i) => call(target.url, "GET", pathOf(i)));
        const seconds = (performance.now() - started) / 1000;
        return { ...latencies, perSecond: total / seconds, cpuMsPerRequest: (target.cpuMs() - cpuBefore) / total };
      };
      const warmUp = (target: Target) => run(200, CONCURRENCY, (i) => call(target.url, "GET", lookupPath(scale, i)));
      await warmUp(child);
      if (floor) {
        await warmUp(floor);
        await assertSameAnswers(child.url, floor.url, token);
      }
      // Each case on the service, then at once on the floor, so both see the same machine.
      // The CPU time comes from /proc in 10 ms ticks: every case runs long enough to spend some 60 of
      // them (at 500 lookups or 300 searches a client alone spent 15, and one tick or one collection
      // of the garbage more or less moved the ratio by a tenth).
      const cases = {
        "lookup, 16 clients": [LOOKUPS, CONCURRENCY, (i: number) => lookupPath(scale, i + 7)],
        // One client alone: the latency of a single pane, without 15 others queueing on two cores.
        "lookup, 1 client": [Math.min(LOOKUPS, 2000), 1, (i: number) => lookupPath(scale, i + 13)],
        "search, 16 clients": [SEARCHES, CONCURRENCY, (i: number) => searchPath(scale, i)],
        "search, 1 client": [SEARCHES, 1, (i: number) => searchPath(scale, i + 11)],
      } as const;
      const measured: Record<string, Awaited<ReturnType<typeof load>>> = {};
      for (const [name, [total, concurrency, pathOf]] of Object.entries(cases)) {
        measured[name] = await load(child, total, concurrency, pathOf);
        if (floor) floorResults[name] = ratios(measured[name]!, await load(floor, total, concurrency, pathOf));
        console.log(`[${backend}] ${name} done`);
      }
      const lookups = measured["lookup, 16 clients"]!;
      const searches = measured["search, 16 clients"]!;
      const customerIds = await sampleCustomerIds(child.url, token);
      // The pane's record of one customer (GET /api/customers/:id), at 16 clients and alone.
      const RECORDS = Number(process.env.BENCH_RECORDS ?? 1000);
      const recordPath = (i: number) => `/api/customers/${customerIds[i % customerIds.length]}`;
      const records = await run(RECORDS, CONCURRENCY, (i) => call(child.url, "GET", recordPath(i)));
      const recordsAlone = await run(Math.min(RECORDS, 300), 1, (i) => call(child.url, "GET", recordPath(i + 3)));
      const started = performance.now();
      await run(LOGS, CONCURRENCY, (i) =>
        call(child.url, "POST", "/api/email-log", logBody(i, customerIds[i % customerIds.length]!, BENCH_EMAIL)),
      );
      const perSecond = LOGS / ((performance.now() - started) / 1000);
      const peakMiB = child.peakRssMiB();
      return {
        "lookup p50 ms": lookups.p(50),
        "lookup p95 ms": lookups.p(95),
        "lookup p99 ms": lookups.p(99),
        "lookup p95 ms (1 client)": measured["lookup, 1 client"]!.p(95),
        "service CPU ms per lookup": lookups.cpuMsPerRequest.toFixed(2),
        "search p50 ms": searches.p(50),
        "search p95 ms": searches.p(95),
        "search p95 ms (1 client)": measured["search, 1 client"]!.p(95),
        "service CPU ms per search": searches.cpuMsPerRequest.toFixed(2),
        "record p95 ms": records.p(95),
        "record p95 ms (1 client)": recordsAlone.p(95),
        "logging per s": perSecond.toFixed(0),
        "service peak RSS MiB": peakMiB.toFixed(0),
      };
    } finally {
      await floor?.stop();
    }
  });
}

function ratios(service: Load, floor: Load): Record<string, string> {
  const ratio = (a: number, b: number) => `${(a / b).toFixed(2)}x`;
  return {
    "service req/s": service.perSecond.toFixed(0),
    "floor req/s": floor.perSecond.toFixed(0),
    "throughput service/floor": ratio(service.perSecond, floor.perSecond),
    "service p95 ms": service.p(95),
    "floor p95 ms": floor.p(95),
    "p95 service/floor": ratio(Number(service.p(95)), Number(floor.p(95))),
    "service CPU ms/req": service.cpuMsPerRequest.toFixed(2),
    "floor CPU ms/req": floor.cpuMsPerRequest.toFixed(2),
    "CPU service/floor": ratio(service.cpuMsPerRequest, floor.cpuMsPerRequest),
  };
}

/** The floor only counts if it answers what the service answers: the same bytes for a sample of both cases. */
async function assertSameAnswers(serviceUrl: string, floorUrl: string, token: string): Promise<void> {
  const body = (base: string, urlPath: string) =>
    fetch(`${base}${urlPath}`, { headers: { authorization: `Bearer ${token}` } }).then(async (response) => {
      if (response.status !== 200) throw new Error(`${base}${urlPath}: ${response.status} ${await response.text()}`);
      return response.text();
    });
  for (let i = 0; i < 50; i++) {
    for (const urlPath of [lookupPath(scale, i), searchPath(scale, i)]) {
      const [fromService, fromFloor] = await Promise.all([body(serviceUrl, urlPath), body(floorUrl, urlPath)]);
      if (fromService !== fromFloor)
        throw new Error(`The floor answers ${urlPath} differently:\nservice ${fromService}\nfloor   ${fromFloor}`);
    }
  }
  console.log("[postgres] the floor answers 100 sampled lookups and searches byte for byte as the service does");
}

/** Runs `total` calls with `concurrency` clients and keeps each call's latency. */
async function run(total: number, concurrency: number, call: (i: number) => Promise<void>) {
  const latencies: number[] = [];
  let next = 0;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < total) {
        const i = next++;
        const started = performance.now();
        await call(i);
        latencies.push(performance.now() - started);
      }
    }),
  );
  latencies.sort((a, b) => a - b);
  return {
    p: (percentile: number) =>
      latencies[Math.min(latencies.length - 1, Math.floor((percentile / 100) * latencies.length))]!.toFixed(1),
  };
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
