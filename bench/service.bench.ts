// npm run bench: the service over HTTP at realistic scale, on PGlite and on a PostgreSQL 15 server.
// Seeds BENCH_CUSTOMERS customers (default 100,000) with 3 contacts and 5 logged emails each, starts
// the real service as a child process and prints latency percentiles, throughput and peak memory.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { Client } from "pg";
import { loadOrCreateDevKeys, signDevToken } from "../service/src/auth/dev-issuer";
import { startPostgresServer, stopPostgresServer } from "../test/support/postgres-server";
import type { BenchScale } from "./bench-data.sql";
import { seedBenchData, startServiceProcess } from "./service-process";

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

async function main() {
  const only = process.env.BENCH_BACKENDS?.split(",") as Backend[] | undefined;
  const results: Record<string, Record<string, string>> = {};
  for (const backend of only ?? (["pglite", "postgres"] as Backend[])) results[backend] = await benchBackend(backend);
  console.log(
    `\nScale: ${scale.customers} customers, ${scale.customers * scale.contactsPerCustomer} contacts, ${scale.customers * scale.emailsPerCustomer} e-mail log entries; ${os.cpus().length} cores`,
  );
  console.table(results);
  // Logging is bound by the commit: what each figure includes.
  console.log(
    "Commits: PGlite fsyncs the WAL before each answer (wal_sync_method=fsync); the throw-away PostgreSQL runs with fsync=off, synchronous_commit=off",
  );
}

async function benchBackend(backend: Backend): Promise<Record<string, string>> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), `crm-bench-${backend}-`));
  const server = backend === "postgres" ? await startPostgresServer() : undefined;
  let databaseUrl: string | undefined;
  try {
    if (server) {
      const admin = new Client({ connectionString: server.url("postgres") });
      await admin.connect();
      await admin.query("CREATE DATABASE crm_bench");
      await admin.end();
      databaseUrl = server.url("crm_bench");
    }
    const seeded = await seedBenchData(databaseUrl, dataDir, scale, BENCH_EMAIL);
    console.log(`[${backend}] seeded in ${seeded.toFixed(1)} s`);
    const child = await startServiceProcess(databaseUrl, dataDir);
    try {
      const token = await signDevToken(await loadOrCreateDevKeys(dataDir), { email: BENCH_EMAIL, expiresIn: "2h" });
      const call = (method: string, urlPath: string, body?: unknown) =>
        fetch(`${child.url}${urlPath}`, {
          method,
          headers: { authorization: `Bearer ${token}`, ...(body ? { "content-type": "application/json" } : {}) },
          body: body ? JSON.stringify(body) : undefined,
        }).then(async (response) => {
          await response.arrayBuffer();
          if (response.status >= 300 && response.status !== 200)
            throw new Error(`${method} ${urlPath}: ${response.status}`);
        });
      await run(200, CONCURRENCY, (i) => call("GET", lookupPath(i))); // warm-up
      const cpuBefore = child.cpuMs();
      const lookups = await run(LOOKUPS, CONCURRENCY, (i) => call("GET", lookupPath(i + 7)));
      const lookupCpuMs = (child.cpuMs() - cpuBefore) / LOOKUPS;
      // One client alone: the latency of a single pane, without 15 others queueing on two cores.
      const lookupsAlone = await run(Math.min(LOOKUPS, 500), 1, (i) => call("GET", lookupPath(i + 13)));
      console.log(`[${backend}] lookup done`);
      const searches = await run(SEARCHES, CONCURRENCY, (i) => call("GET", searchPath(i)));
      const searchesAlone = await run(Math.min(SEARCHES, 300), 1, (i) => call("GET", searchPath(i + 11)));
      console.log(`[${backend}] search done`);
      const customerIds = await sampleCustomerIds(child.url, token);
      // The pane's record of one customer (GET /api/customers/:id), at 16 clients and alone.
      const RECORDS = Number(process.env.BENCH_RECORDS ?? 1000);
      const recordPath = (i: number) => `/api/customers/${customerIds[i % customerIds.length]}`;
      const records = await run(RECORDS, CONCURRENCY, (i) => call("GET", recordPath(i)));
      const recordsAlone = await run(Math.min(RECORDS, 300), 1, (i) => call("GET", recordPath(i + 3)));
      const started = performance.now();
      await run(LOGS, CONCURRENCY, (i) =>
        call("POST", "/api/email-log", logBody(i, customerIds[i % customerIds.length]!)),
      );
      const perSecond = LOGS / ((performance.now() - started) / 1000);
      const peakMiB = child.peakRssMiB();
      return {
        "lookup p50 ms": lookups.p(50),
        "lookup p95 ms": lookups.p(95),
        "lookup p99 ms": lookups.p(99),
        "lookup p95 ms (1 client)": lookupsAlone.p(95),
        "service CPU ms per lookup": lookupCpuMs.toFixed(2),
        "search p50 ms": searches.p(50),
        "search p95 ms": searches.p(95),
        "search p95 ms (1 client)": searchesAlone.p(95),
        "record p95 ms": records.p(95),
        "record p95 ms (1 client)": recordsAlone.p(95),
        "logging per s": perSecond.toFixed(0),
        "service peak RSS MiB": peakMiB.toFixed(0),
      };
    } finally {
      await child.stop();
    }
  } finally {
    if (server) stopPostgresServer(server.dir);
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

/** Like the pane: the sender plus a recipient or two; most known, some by domain only, some unknown. */
function lookupPath(i: number): string {
  const n = 1 + ((i * 7919) % scale.customers);
  const m = 1 + ((i * 104729) % scale.customers);
  const emails = [
    `first${1 + (i % 3)}.last${n}@c${n}.example`,
    i % 5 === 0 ? `new.person@c${m}.example` : `first1.last${m}@c${m}.example`,
  ];
  if (i % 10 === 0) emails.push(`someone${i}@gmail.com`);
  return `/api/lookup?${emails.map((email) => `email=${encodeURIComponent(email)}`).join("&")}`;
}

/** Company fragments, account numbers and cities, as people type them. */
function searchPath(i: number): string {
  const n = 1 + ((i * 7919) % scale.customers);
  const terms = [
    `B${String(n).padStart(7, "0")}`,
    `northwind ${n}`,
    `${n} gmbh`,
    "Lindenallee 7",
    `Fabrikam Contoso ${n}`,
  ];
  return `/api/customers?search=${encodeURIComponent(terms[i % terms.length]!)}&limit=20`;
}

function logBody(i: number, customerId: string) {
  return {
    internetMessageId: `<bench-log-${process.pid}-${i}@contoso.com>`,
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

async function sampleCustomerIds(url: string, token: string): Promise<string[]> {
  const response = await fetch(`${url}/api/customers?status=1&limit=200`, {
    headers: { authorization: `Bearer ${token}` },
  });
  const page = (await response.json()) as { items: { id: string }[] };
  return page.items.map((item) => item.id);
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
