// npm run bench:rate-limits: what the rate limits cost a request. The same service, first without
// limits, then counting every request per address and per user (budgets too large to be reached, so
// every request is counted and none refused), on PGlite (in memory) and on a PostgreSQL 15 server
// (one upsert per limit and request, shared by replicas). Prints GET /api/me latency and throughput.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { Client } from "pg";
import { loadOrCreateDevKeys, signDevToken } from "../service/src/auth/dev-issuer";
import { startPostgresServer, stopPostgresServer } from "../test/support/postgres-server";
import { seedBenchData, startServiceProcess } from "./service-process";

type Backend = "pglite" | "postgres";
const REQUESTS = Number(process.env.BENCH_REQUESTS ?? 3000);
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 16);
const EMAIL = "bench@contoso.com";
const LIMITS = {
  off: { RATE_LIMIT_PER_USER: "0", RATE_LIMIT_PER_ADDRESS: "0" },
  on: { RATE_LIMIT_PER_USER: "1000000000", RATE_LIMIT_PER_ADDRESS: "1000000000" },
};

async function main() {
  const backends = (process.env.BENCH_BACKENDS?.split(",") as Backend[] | undefined) ?? ["pglite", "postgres"];
  const rows: Record<string, Record<string, string>> = {};
  for (const backend of backends) Object.assign(rows, await benchBackend(backend));
  console.log(`\n${REQUESTS} × GET /api/me per row; ${os.cpus().length} cores`);
  console.table(rows);
}

async function benchBackend(backend: Backend) {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), `crm-bench-limits-${backend}-`));
  const server = backend === "postgres" ? await startPostgresServer() : undefined;
  const rows: Record<string, Record<string, string>> = {};
  try {
    let databaseUrl: string | undefined;
    if (server) {
      const admin = new Client({ connectionString: server.url("postgres") });
      await admin.connect();
      await admin.query("CREATE DATABASE crm_bench");
      await admin.end();
      databaseUrl = server.url("crm_bench");
    }
    await seedBenchData(databaseUrl, dataDir, { customers: 100, contactsPerCustomer: 1, emailsPerCustomer: 1 }, EMAIL);
    const token = await signDevToken(await loadOrCreateDevKeys(dataDir), { email: EMAIL, expiresIn: "2h" });
    for (const [name, env] of Object.entries(LIMITS)) {
      const child = await startServiceProcess(databaseUrl, dataDir, env);
      try {
        const call = async () => {
          const response = await fetch(`${child.url}/api/me`, { headers: { authorization: `Bearer ${token}` } });
          await response.arrayBuffer();
          if (response.status !== 200) throw new Error(`GET /api/me: ${response.status}`);
        };
        await run(300, CONCURRENCY, call); // warm-up
        const alone = await run(Math.min(REQUESTS, 1000), 1, call);
        const loaded = await run(REQUESTS, CONCURRENCY, call);
        rows[`${backend}, limits ${name}`] = {
          "p50 alone (ms)": alone.p50.toFixed(2),
          "p95 alone (ms)": alone.p95.toFixed(2),
          [`p50 at ${CONCURRENCY} (ms)`]: loaded.p50.toFixed(2),
          [`p95 at ${CONCURRENCY} (ms)`]: loaded.p95.toFixed(2),
          "requests/s": loaded.perSecond.toFixed(0),
        };
        console.log(`[${backend}] limits ${name} done`);
      } finally {
        await child.stop();
      }
    }
  } finally {
    if (server) stopPostgresServer(server.dir);
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
  return rows;
}

async function run(total: number, concurrency: number, call: () => Promise<void>) {
  const latencies: number[] = [];
  let next = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next++ < total) {
        const begun = performance.now();
        await call();
        latencies.push(performance.now() - begun);
      }
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  latencies.sort((a, b) => a - b);
  const at = (share: number) => latencies[Math.min(latencies.length - 1, Math.floor(share * latencies.length))]!;
  return { p50: at(0.5), p95: at(0.95), perSecond: total / seconds };
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
