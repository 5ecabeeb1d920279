// The real service (npm run service) as a child process of a benchmark, with its CPU time and
// peak memory read from /proc: its own, not the benchmark's.
import { type ChildProcess, spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { Client } from "pg";
import { stableObjectId } from "../service/src/auth/dev-issuer";
import { openDatabase } from "../service/src/db/database";
import { migrate } from "../service/src/db/migrate";
import { startPostgresServer, stopPostgresServer } from "../test/support/postgres-server";
import { freePort } from "../test/support/service-process";
import { type BenchScale, benchSeedSql } from "./bench-data.sql";

const CLOCK_TICKS = 100; // USER_HZ on Linux

/** A migrated database with the bench user and `scale` of generated data; answers the seconds it took. */
export async function seedBenchData(
  databaseUrl: string | undefined,
  dataDir: string,
  scale: BenchScale,
  email: string,
): Promise<number> {
  const started = performance.now();
  const db = await openDatabase(databaseUrl ? { databaseUrl, poolSize: 2 } : { dataDir });
  try {
    await migrate(db);
    const user = await db.prisma.user.create({ data: { oid: stableObjectId(email), email, name: "Bench" } });
    await db.withSession(async (session) => {
      for (const statement of benchSeedSql(scale, user.id)) await session.exec(statement);
    });
  } finally {
    await db.close();
  }
  return (performance.now() - started) / 1000;
}

/** The bare node:http + pg server of the floor benchmark (floor-server.ts), in its own process as the service is. */
export const startFloorProcess = (databaseUrl: string, dataDir: string) =>
  startServiceProcess(databaseUrl, dataDir, {}, "bench/floor-server.ts");

/** The real service (npm run service) in its own process, so its memory is its own. */
export async function startServiceProcess(
  databaseUrl: string | undefined,
  dataDir: string,
  env: Record<string, string> = {},
  script = "scripts/service.ts",
) {
  // A port nothing listens on: with a random one, a second replica could fail to bind while the
  // health check below is answered by the first, and the benchmark would count one process twice.
  const port = env.PORT ? Number(env.PORT) : await freePort();
  // BENCH_NODE_ARGS, e.g. "--cpu-prof --cpu-prof-dir=/tmp/prof": profile the process under the bench's load.
  const nodeArgs = process.env.BENCH_NODE_ARGS?.split(" ").filter(Boolean) ?? [];
  const child: ChildProcess = spawn(process.execPath, [...nodeArgs, "--import", "tsx", script], {
    env: {
      ...process.env,
      PORT: String(port),
      DATA_DIR: dataDir,
      SEED: "none",
      // A benchmark is load, not a person: the per-user and per-address limits would only measure themselves.
      RATE_LIMIT_PER_USER: "0",
      RATE_LIMIT_PER_ADDRESS: "0",
      ...(databaseUrl ? { DATABASE_URL: databaseUrl } : { DATABASE_URL: "" }),
      ...env,
    },
    stdio: ["ignore", "inherit", "inherit"],
  });
  const url = `http://127.0.0.1:${port}`;
  for (let attempt = 0; ; attempt++) {
    if (attempt > 600) throw new Error("service did not start");
    if (
      await fetch(`${url}/api/health`).then(
        (r) => r.ok,
        () => false,
      )
    )
      break;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return {
    url,
    /** CPU time (user + system) the service process has used; other processes' load does not count. */
    cpuMs: () => {
      const fields = fs.readFileSync(`/proc/${child.pid}/stat`, "utf8").split(") ")[1]!.split(" ");
      return ((Number(fields[11]) + Number(fields[12])) * 1000) / CLOCK_TICKS;
    },
    /** VmHWM: the most resident memory the process has had. */
    peakRssMiB: () => Number(/VmHWM:\s+(\d+) kB/.exec(fs.readFileSync(`/proc/${child.pid}/status`, "utf8"))![1]) / 1024,
    stop: () =>
      new Promise<void>((resolve) => {
        child.once("exit", () => resolve());
        child.kill("SIGTERM");
      }),
  };
}

/**
 * A seeded database of `backend` with the real service in front of it, handed to `fn`, then all of
 * it removed: PGlite in a temporary DATA_DIR, or a throw-away PostgreSQL 15 server.
 */
export async function withSeededService<T>(
  backend: "pglite" | "postgres",
  scale: BenchScale,
  email: string,
  /** databaseUrl: the PostgreSQL database the service runs on (undefined on PGlite). */
  fn: (
    service: Awaited<ReturnType<typeof startServiceProcess>>,
    dataDir: string,
    databaseUrl: string | undefined,
  ) => Promise<T>,
  options: { env?: Record<string, string> } = {},
): Promise<T> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), `crm-bench-${backend}-`));
  const server = backend === "postgres" ? await startPostgresServer() : undefined;
  try {
    let databaseUrl: string | undefined;
    if (server) {
      const admin = new Client({ connectionString: server.url("postgres") });
      await admin.connect();
      await admin.query("CREATE DATABASE crm_bench");
      await admin.end();
      databaseUrl = server.url("crm_bench");
    }
    const seeded = await seedBenchData(databaseUrl, dataDir, scale, email);
    console.log(`[${backend}] seeded in ${seeded.toFixed(1)} s`);
    const service = await startServiceProcess(databaseUrl, dataDir, options.env);
    try {
      return await fn(service, dataDir, databaseUrl);
    } finally {
      await service.stop();
    }
  } finally {
    if (server) stopPostgresServer(server.dir);
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}
