// The real service (npm run service) as a child process of a benchmark, with its CPU time and
// peak memory read from /proc: its own, not the benchmark's.
import { type ChildProcess, spawn } from "node:child_process";
import fs from "node:fs";
import { performance } from "node:perf_hooks";
import { stableObjectId } from "../service/src/auth/dev-issuer";
import { openDatabase } from "../service/src/db/database";
import { migrate } from "../service/src/db/migrate";
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

/** The real service (npm run service) in its own process, so its memory is its own. */
export async function startServiceProcess(
  databaseUrl: string | undefined,
  dataDir: string,
  env: Record<string, string> = {},
) {
  // A port nothing listens on: with a random one, a second replica could fail to bind while the
  // health check below is answered by the first, and the benchmark would count one process twice.
  const port = await freePort();
  const child: ChildProcess = spawn(process.execPath, ["--import", "tsx", "scripts/service.ts"], {
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
