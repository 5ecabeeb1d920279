// npm run bench:reports: exports at scale. Seeds BENCH_CUSTOMERS customers (default 100,000) on
// PGlite (BENCH_BACKENDS=postgres or pglite,postgres for the server too), starts the real service as
// a child process and times the full customer list as CSV and as address labels (PDF), with the
// service's peak memory before and after: a streamed export must not grow with the list.
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
  contactsPerCustomer: 1,
  emailsPerCustomer: 1,
};
const BENCH_EMAIL = "bench@contoso.com";
type Backend = "pglite" | "postgres";

async function main() {
  const backends = (process.env.BENCH_BACKENDS?.split(",") as Backend[] | undefined) ?? ["pglite"];
  const results: Record<string, Record<string, string>> = {};
  for (const backend of backends) results[backend] = await benchBackend(backend);
  console.log(`\nScale: ${scale.customers} customers; ${os.cpus().length} cores`);
  console.table(results);
}

async function benchBackend(backend: Backend): Promise<Record<string, string>> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), `crm-bench-reports-${backend}-`));
  const server = backend === "postgres" ? await startPostgresServer() : undefined;
  try {
    let databaseUrl: string | undefined;
    if (server) {
      const admin = new Client({ connectionString: server.url("postgres") });
      await admin.connect();
      await admin.query("CREATE DATABASE crm_bench_reports");
      await admin.end();
      databaseUrl = server.url("crm_bench_reports");
    }
    console.log(
      `[${backend}] seeded in ${(await seedBenchData(databaseUrl, dataDir, scale, BENCH_EMAIL)).toFixed(1)} s`,
    );
    const child = await startServiceProcess(databaseUrl, dataDir);
    try {
      const token = await signDevToken(await loadOrCreateDevKeys(dataDir), { email: BENCH_EMAIL, expiresIn: "2h" });
      /** Reads a download to its end, counting bytes and lines, as a browser saving it would. */
      const download = async (urlPath: string) => {
        const started = performance.now();
        const response = await fetch(`${child.url}${urlPath}`, { headers: { authorization: `Bearer ${token}` } });
        if (!response.ok) throw new Error(`${urlPath}: ${response.status}`);
        let bytes = 0;
        let lines = 0;
        for await (const chunk of response.body as unknown as AsyncIterable<Uint8Array>) {
          bytes += chunk.length;
          for (const byte of chunk) if (byte === 10) lines += 1;
        }
        return { seconds: (performance.now() - started) / 1000, bytes, lines };
      };
      await download("/api/reports/customers?limit=50"); // warm-up
      const baseline = child.peakRssMiB();
      const csv = await download("/api/reports/customers?format=csv");
      if (csv.lines !== scale.customers + 1) throw new Error(`CSV has ${csv.lines} lines, not ${scale.customers + 1}`);
      const afterCsv = child.peakRssMiB();
      const labels = await download("/api/reports/customers/labels.pdf");
      return {
        "CSV export s": csv.seconds.toFixed(1),
        "CSV MiB": (csv.bytes / 2 ** 20).toFixed(1),
        "CSV rows per s": (scale.customers / csv.seconds).toFixed(0),
        "labels PDF s": labels.seconds.toFixed(1),
        "labels PDF MiB": (labels.bytes / 2 ** 20).toFixed(1),
        "service peak RSS MiB before": baseline.toFixed(0),
        "after CSV": afterCsv.toFixed(0),
        "after labels": child.peakRssMiB().toFixed(0),
      };
    } finally {
      await child.stop();
    }
  } finally {
    if (server) stopPostgresServer(server.dir);
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
