// npm run bench:hostile: do hostile e-mail bodies slow down everybody else?
// Starts the real service (npm run service) as a child process on PGlite with BENCH_CUSTOMERS
// customers (default 10,000), then measures BENCH_REQUESTS (default 1,000) lookups and health checks
// from one client, first alone, then while BENCH_POSTERS clients (default 4) keep posting 2 MB bodies to
// POST /api/email-log: half of them the issue's 2 MB of nested <div> (refused by the nesting limit),
// half 2 MB of flat, styled paragraphs (legal, and the slowest body to clean that passes).
// HTML_THREADS, HTML_TIME_BUDGET_MS and HTML_MAX_DEPTH are passed on to the service.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { loadOrCreateDevKeys, signDevToken } from "../service/src/auth/dev-issuer";
import { seedBenchData, startServiceProcess } from "./service-process";

const CUSTOMERS = Number(process.env.BENCH_CUSTOMERS ?? 10_000);
const REQUESTS = Number(process.env.BENCH_REQUESTS ?? 1000);
const POSTERS = Number(process.env.BENCH_POSTERS ?? 4);
const BODY_BYTES = Number(process.env.BENCH_BODY_BYTES ?? 1_990_000);
const BENCH_EMAIL = "bench@contoso.com";

const nestedDivs = (bytes: number) => {
  const levels = Math.floor(bytes / 11);
  return "<div>".repeat(levels) + "x" + "</div>".repeat(levels);
};
const styledParagraphs = (bytes: number) => {
  const paragraph = '<p style="color:red;font-weight:bold;font-family:Arial">Offer &amp; prices</p>';
  return paragraph.repeat(Math.floor(bytes / paragraph.length));
};

async function main() {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "crm-bench-hostile-"));
  try {
    const seeded = await seedBenchData(
      undefined,
      dataDir,
      { customers: CUSTOMERS, contactsPerCustomer: 3, emailsPerCustomer: 1 },
      BENCH_EMAIL,
    );
    console.log(`seeded ${CUSTOMERS} customers in ${seeded.toFixed(1)} s`);
    const child = await startServiceProcess(undefined, dataDir);
    try {
      const token = await signDevToken(await loadOrCreateDevKeys(dataDir), { email: BENCH_EMAIL, expiresIn: "2h" });
      const headers = { authorization: `Bearer ${token}` };
      const get = async (urlPath: string) => {
        const response = await fetch(`${child.url}${urlPath}`, { headers });
        await response.arrayBuffer();
        if (response.status !== 200) throw new Error(`GET ${urlPath}: ${response.status}`);
      };
      const customerId = await firstCustomerId(child.url, headers);
      // Serialised once: the benchmark's own event loop must not be what slows the measured calls.
      const bodies = [nestedDivs(BODY_BYTES), styledParagraphs(BODY_BYTES)].map(
        (html, kind) =>
          new Blob([
            JSON.stringify({
              internetMessageId: `<hostile-${kind}-${process.pid}@attacker.example>`,
              subject: "Hostile",
              from: { email: "attacker@attacker.example" },
              sentAt: new Date().toISOString(),
              bodyHtml: html,
              customerId,
            }),
          ]),
      );
      const post = async (body: Blob) => {
        const started = performance.now();
        const response = await fetch(`${child.url}/api/email-log`, {
          method: "POST",
          headers: { ...headers, "content-type": "application/json" },
          body,
        });
        await response.arrayBuffer();
        return { status: response.status, ms: performance.now() - started };
      };

      for (const body of bodies) console.log(`warm-up post: ${JSON.stringify(await post(body))}`);
      await measure(get, 100); // warm-up of the lookup path

      const alone = await measure(get, REQUESTS);
      console.log("measured alone");

      let stop = false;
      const posted: { kind: string; status: number; ms: number }[] = [];
      const posters = Array.from({ length: POSTERS }, async (_, i) => {
        const kind = i % 2 === 0 ? "nested <div>" : "styled paragraphs";
        while (!stop) posted.push({ kind, ...(await post(bodies[i % 2]!)) });
      });
      await new Promise((resolve) => setTimeout(resolve, 500)); // let the posters get going
      const started = performance.now();
      const underLoad = await measure(get, REQUESTS);
      const seconds = (performance.now() - started) / 1000;
      stop = true;
      await Promise.all(posters);

      console.log(
        `\n${os.availableParallelism()} cores; HTML_THREADS=${process.env.HTML_THREADS ?? "(default)"}; ` +
          `${POSTERS} posters of ${(BODY_BYTES / 1e6).toFixed(2)} MB bodies; ${REQUESTS} calls per endpoint and phase`,
      );
      console.table({
        "lookup alone": alone.lookup,
        "lookup with hostile bodies": underLoad.lookup,
        "health alone": alone.health,
        "health with hostile bodies": underLoad.health,
      });
      const byKind = new Map<string, { statuses: Record<number, number>; ms: number[] }>();
      for (const { kind, status, ms } of posted) {
        const entry = byKind.get(kind) ?? { statuses: {}, ms: [] };
        entry.statuses[status] = (entry.statuses[status] ?? 0) + 1;
        entry.ms.push(ms);
        byKind.set(kind, entry);
      }
      console.table(
        Object.fromEntries(
          [...byKind].map(([kind, { statuses, ms }]) => [
            kind,
            {
              posted: ms.length,
              statuses: JSON.stringify(statuses),
              "p50 ms": percentile(ms, 50),
              "p95 ms": percentile(ms, 95),
              "per s": (ms.length / seconds).toFixed(1),
            },
          ]),
        ),
      );
      console.log(`service peak RSS ${child.peakRssMiB().toFixed(0)} MiB`);
    } finally {
      await child.stop();
    }
  } finally {
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

/** One client, lookups and health checks in turn, as a pane and a load balancer would call. */
async function measure(get: (urlPath: string) => Promise<void>, requests: number) {
  const lookup: number[] = [];
  const health: number[] = [];
  for (let i = 0; i < requests; i++) {
    let started = performance.now();
    await get(lookupPath(i));
    lookup.push(performance.now() - started);
    started = performance.now();
    await get("/api/health");
    health.push(performance.now() - started);
  }
  const summary = (values: number[]) => ({
    "p50 ms": percentile(values, 50),
    "p95 ms": percentile(values, 95),
    "max ms": percentile(values, 100),
  });
  return { lookup: summary(lookup), health: summary(health) };
}

function lookupPath(i: number): string {
  const n = 1 + ((i * 7919) % CUSTOMERS);
  return `/api/lookup?email=${encodeURIComponent(`first1.last${n}@c${n}.example`)}&email=someone${i}@gmail.com`;
}

function percentile(values: number[], p: number): string {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!.toFixed(1);
}

async function firstCustomerId(url: string, headers: Record<string, string>): Promise<string> {
  const response = await fetch(`${url}/api/customers?limit=1`, { headers });
  return ((await response.json()) as { items: { id: string }[] }).items[0]!.id;
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
