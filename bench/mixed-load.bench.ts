// npm run bench:mixed: a team on one service. 16 clients (BENCH_CONCURRENCY) send a mix like a sales
// floor's: 30% e-mail logging, the rest notes created, customer records opened, searches and lookups
// in equal parts, on PGlite (the embedded default) and on a PostgreSQL 15 server for comparison.
// Prints throughput and p50/p95 per kind and overall. BENCH_CUSTOMERS (default 100,000) shrinks the
// data while iterating, BENCH_MIXED_REQUESTS (default 4,000) the load, BENCH_BACKENDS picks backends.
import os from "node:os";
import { loadOrCreateDevKeys, signDevToken } from "../service/src/auth/dev-issuer";
import type { BenchScale } from "./bench-data.sql";
import { logBody, lookupPath, sampleCustomerIds, searchPath } from "./bench-requests";
import { runLoad } from "./load-runner";
import { withSeededService } from "./service-process";

const scale: BenchScale = {
  customers: Number(process.env.BENCH_CUSTOMERS ?? 100_000),
  contactsPerCustomer: 3,
  emailsPerCustomer: 5,
};
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 16);
const REQUESTS = Number(process.env.BENCH_MIXED_REQUESTS ?? 4000);
const BENCH_EMAIL = "bench@contoso.com";

type Backend = "pglite" | "postgres";
type Kind = "log e-mail" | "create note" | "open record" | "search" | "lookup";

// 40 slots: 12 logs (30%), then the other kinds in turn, 7 each; interleaved so every client sees every kind.
const OTHERS: Kind[] = ["create note", "open record", "search", "lookup"];
const SCHEDULE: Kind[] = Array.from({ length: 40 }, (_, slot) =>
  slot % 10 < 3 ? "log e-mail" : OTHERS[(Math.floor(slot / 10) * 7 + (slot % 10) - 3) % 4]!,
);

async function main() {
  const only = process.env.BENCH_BACKENDS?.split(",") as Backend[] | undefined;
  for (const backend of only ?? (["pglite", "postgres"] as Backend[])) {
    const table = await withSeededService(backend, scale, BENCH_EMAIL, async (service, dataDir) => {
      const token = await signDevToken(await loadOrCreateDevKeys(dataDir), { email: BENCH_EMAIL, expiresIn: "2h" });
      const call = (method: string, urlPath: string, body?: unknown) =>
        fetch(`${service.url}${urlPath}`, {
          method,
          headers: { authorization: `Bearer ${token}`, ...(body ? { "content-type": "application/json" } : {}) },
          body: body ? JSON.stringify(body) : undefined,
        }).then(async (response) => {
          await response.arrayBuffer();
          if (response.status >= 300) throw new Error(`${method} ${urlPath}: ${response.status}`);
        });
      const customerIds = await sampleCustomerIds(service.url, token);
      const customer = (i: number) => customerIds[(i * 31) % customerIds.length]!;
      const request = (kind: Kind, i: number): Promise<void> => {
        switch (kind) {
          case "log e-mail":
            return call("POST", "/api/email-log", logBody(i, customer(i), BENCH_EMAIL));
          case "create note":
            return call("POST", "/api/notes", {
              customerId: customer(i),
              bodyHtml: `<p>Called about offer <b>${i}</b>, see <a href="https://contoso.com/o/${i}">the offer</a>.</p>`,
            });
          case "open record":
            return call("GET", `/api/customers/${customer(i)}`);
          case "search":
            return call("GET", searchPath(scale, i));
          case "lookup":
            return call("GET", lookupPath(scale, i));
        }
      };
      // Warm-up: the first calls compile code paths and fill caches, as a service up for a day has them.
      await runLoad(200, CONCURRENCY, (i) => {
        const kind = SCHEDULE[i % SCHEDULE.length]!;
        return { kind, done: request(kind, 1_000_000 + i) };
      });
      const cpuBefore = service.cpuMs();
      const result = await runLoad(REQUESTS, CONCURRENCY, (i) => {
        const kind = SCHEDULE[i % SCHEDULE.length]!;
        return { kind, done: request(kind, i) };
      });
      const cpuPerRequest = (service.cpuMs() - cpuBefore) / REQUESTS;
      const rows: Record<string, Record<string, string>> = {};
      for (const [kind, latencies] of [...result.byKind, ["all", result.all] as const]) {
        rows[kind] = {
          requests: String(latencies.count),
          "req/s": (latencies.count / result.seconds).toFixed(0),
          "p50 ms": latencies.p(50),
          "p95 ms": latencies.p(95),
          "p99 ms": latencies.p(99),
        };
      }
      rows.all!["service CPU ms/req"] = cpuPerRequest.toFixed(2);
      // Each kind alone, after the mix: what one request of it costs the service's only thread.
      for (const kind of [...SCHEDULE.slice(0, 10), ...OTHERS].filter((k, index, all) => all.indexOf(k) === index)) {
        const alone = Math.max(50, Math.round(REQUESTS / 20));
        const cpuStart = service.cpuMs();
        await runLoad(alone, CONCURRENCY, (i) => ({ kind, done: request(kind, 2_000_000 + i) }));
        rows[kind]!["service CPU ms/req"] = ((service.cpuMs() - cpuStart) / alone).toFixed(2);
      }
      rows.all!["service peak RSS MiB"] = service.peakRssMiB().toFixed(0);
      return rows;
    });
    console.log(`\n[${backend}] ${REQUESTS} requests from ${CONCURRENCY} clients`);
    console.table(table);
  }
  console.log(
    `Scale: ${scale.customers} customers, ${scale.customers * scale.contactsPerCustomer} contacts, ${scale.customers * scale.emailsPerCustomer} e-mail log entries; ${os.cpus().length} cores`,
  );
  console.log(
    "Commits: PGlite fsyncs the WAL before each answer (wal_sync_method=fsync); the throw-away PostgreSQL runs with fsync=off, synchronous_commit=off",
  );
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
