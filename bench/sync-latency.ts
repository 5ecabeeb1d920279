// Part of `npm run bench:sync`: how long an event moved in Outlook takes to move its activity in the
// CRM, with Graph change notifications (the fake posts them to the real service over HTTP) and with
// polling alone (the background pull at an interval). The real service on a real database; the
// Graph fake behind msw with its simulated latency per request.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";
import type { SetupServer } from "msw/node";
import { type GraphFake, createGraphFake } from "../demo/graph-fake/fake-graph.handler";
import { graphFakeHandlers } from "../demo/graph-fake/fake-graph.msw";
import { signDevToken, loadOrCreateDevKeys } from "../service/src/auth/dev-issuer";
import { loadConfig } from "../service/src/config";
import type { Database } from "../service/src/db/database";
import { startService } from "../service/src/server";
import { createLogger } from "../service/src/shared/logger";
import { freePort } from "../test/support/service-process";

const MOVES = Number(process.env.BENCH_LATENCY_MOVES ?? 30);
const POLL_MOVES = Number(process.env.BENCH_POLL_MOVES ?? 8);
const POLL_INTERVAL_MS = Number(process.env.BENCH_POLL_INTERVAL_MS ?? 10_000);
const ACTIVITIES = 50;
/** How long the fake waits before it notifies (real Graph: usually seconds, no guarantee). */
const NOTIFICATION_DELAY_MS = Number(process.env.BENCH_NOTIFICATION_DELAY_MS ?? 0);

const percentile = (values: number[], p: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
};
const seconds = (ms: number) => `${(ms / 1000).toFixed(2)} s`;

export type LatencyMode = "notifications" | "polling";

/** p50/p95 of move-in-Outlook → activity-moved, on a database made for this run. */
export async function moveLatency(
  db: Database,
  msw: SetupServer,
  mode: LatencyMode,
  graph: { baseUrl: string; latencyMs: number },
): Promise<Record<string, string | number>> {
  const fake: GraphFake = createGraphFake({
    baseUrl: graph.baseUrl,
    latencyMs: graph.latencyMs,
    pageSize: 100,
    notificationDelayMs: NOTIFICATION_DELAY_MS,
  });
  msw.resetHandlers(...graphFakeHandlers(fake, graph.baseUrl));
  const port = await freePort();
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "crm-sync-latency-"));
  const config = loadConfig({
    PORT: String(port),
    DATA_DIR: dataDir,
    SEED: "none",
    RATE_LIMIT_PER_USER: "0",
    RATE_LIMIT_PER_ADDRESS: "0",
    GRAPH_BASE_URL: graph.baseUrl,
    GRAPH_STATIC_TOKEN: "bench-{user}",
    ...(mode === "notifications"
      ? { SYNC_NOTIFICATION_URL: `http://127.0.0.1:${port}/api/graph/notifications`, SYNC_INTERVAL_MS: "0" }
      : { SYNC_INTERVAL_MS: String(POLL_INTERVAL_MS) }),
  });
  const service = await startService(config, { db, logger: createLogger({ level: "silent" }) });
  try {
    const email = `latency-${mode}@contoso.com`;
    const token = await signDevToken(await loadOrCreateDevKeys(dataDir), { email, role: "SALESMAN" });
    const call = async (method: string, url: string, body?: unknown) => {
      const response = await fetch(`${service.url}${url}`, {
        method,
        headers: { authorization: `Bearer ${token}`, "content-type": "application/json" },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      if (!response.ok) throw new Error(`${method} ${url}: ${response.status} ${await response.text()}`);
      return response.json() as Promise<{ id: string }>;
    };
    const ids: string[] = [];
    for (let index = 0; index < ACTIVITIES; index++) {
      const startsAt = new Date(Date.now() + (index + 1) * 86_400_000);
      startsAt.setUTCHours(9, 0, 0, 0);
      const created = await call("POST", "/api/activities", {
        type: "VISIT",
        subject: `Visit ${index}`,
        startsAt: startsAt.toISOString(),
        timeZone: "Europe/Berlin",
      });
      ids.push(created.id);
    }
    await call("POST", "/api/sync/run", {});
    await service.calendarSync.maintainSubscriptions();
    await fake.notifications.settled();
    await service.calendarSync.runNotifiedPulls();
    const prisma = service.db.prisma;
    const mailbox = `bench-${email}`;
    const latencies: number[] = [];
    const moves = mode === "notifications" ? MOVES : POLL_MOVES;
    for (let move = 0; move < moves; move++) {
      const activity = await prisma.activity.findUniqueOrThrow({ where: { id: ids[move % ids.length]! } });
      const target = new Date(activity.startsAt.getTime() + 3_600_000);
      const end = new Date(target.getTime() + 3_600_000);
      const wall = (date: Date) => ({ dateTime: date.toISOString().slice(0, 19), timeZone: "UTC" });
      // The moment the user drops the event at its new time in Outlook.
      const began = performance.now();
      fake.outlook.update(mailbox, activity.graphEventId!, { start: wall(target), end: wall(end) });
      for (;;) {
        const now = await prisma.activity.findUniqueOrThrow({ where: { id: activity.id }, select: { startsAt: true } });
        if (now.startsAt.getTime() === target.getTime()) break;
        if (performance.now() - began > POLL_INTERVAL_MS * 3 + 60_000) throw new Error("the move never arrived");
        await new Promise((resolve) => setTimeout(resolve, 5));
      }
      latencies.push(performance.now() - began);
      // Moves a moment apart, as a person makes them; polling's land anywhere in its interval.
      await new Promise((resolve) => setTimeout(resolve, mode === "polling" ? Math.random() * POLL_INTERVAL_MS : 100));
    }
    return {
      how: mode === "notifications" ? "change notifications" : `polling every ${seconds(POLL_INTERVAL_MS)}`,
      moves,
      "move → moved p50": seconds(percentile(latencies, 50)),
      "move → moved p95": seconds(percentile(latencies, 95)),
      "notifications sent": fake.notifications.deliveries.filter((delivery) => delivery.kind === "change").length,
    };
  } finally {
    await service.stop();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}
