// Part of `npm run bench:replicas`: how long the service's sessions wait for each other's row locks,
// seen two ways. Sampling pg_stat_activity catches short waits (by chance, every few ms); the
// server's own log_lock_waits reports every wait longer than deadlock_timeout, sampled or not.
import fs from "node:fs";
import path from "node:path";
import { Client } from "pg";

/** A wait the server logs: with deadlock_timeout at its least, 1 ms, each one is a lock waited for 1 ms or more. */
export const LOGGED_WAIT_MS = 1;
const SAMPLE_EVERY_MS = 5;
/** The application_name of the benchmark's own connections, which are not the replicas' (nor is autovacuum). */
export const OBSERVER = "bench-observer";

export interface LockWaits {
  samples: number;
  /** Samples in which at least one of the database's sessions waited for a lock. */
  samplesWaiting: number;
  maxWaiters: number;
  /** The most connections the replicas held at once (their pools). */
  maxConnections: number;
  /** Waits of LOGGED_WAIT_MS or more that the server logged (log_lock_waits). */
  loggedWaits: number;
  /** The statements seen waiting, the start of each: where a convoy would form. */
  waitingOn: string[];
}

/** Samples from a connection of its own until stopped; `take()` answers what it saw since the last take. */
export async function startLockWaits(server: { dir: string }, databaseUrl: string, adminUrl: string) {
  const admin = new Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query("ALTER SYSTEM SET log_lock_waits = on");
  await admin.query(`ALTER SYSTEM SET deadlock_timeout = '${LOGGED_WAIT_MS}ms'`);
  await admin.query("SELECT pg_reload_conf()");
  await admin.end();
  const logFile = path.join(server.dir, "server.log");
  let logRead = fs.statSync(logFile).size;
  /** The waits logged since the last call: what was waited for, and by which statement. */
  const loggedSince = () => {
    const text = fs.readFileSync(logFile).subarray(logRead).toString("utf8");
    logRead += Buffer.byteLength(text);
    const waits: string[] = [];
    const lines = text.split("\n");
    lines.forEach((line, index) => {
      const lock = /still waiting for (\w+ on \w+)/.exec(line);
      if (!lock) return;
      // The statement follows (after DETAIL and CONTEXT), over several lines when its SQL has them.
      const at = lines.findIndex((next, other) => other > index && next.includes("STATEMENT:"));
      const until = lines.findIndex((next, other) => other > at && /^\d{4}-\d\d-\d\d /.test(next));
      const statement =
        at < 0
          ? "?"
          : lines
              .slice(at, until < 0 ? undefined : until)
              .join(" ")
              .split("STATEMENT:")[1]!;
      waits.push(`${lock[1]}: ${statement.replace(/\s+/g, " ").trim().slice(0, 70)}`);
    });
    return waits;
  };

  const client = new Client({ connectionString: databaseUrl, application_name: OBSERVER });
  await client.connect();
  const empty = () => ({
    samples: 0,
    samplesWaiting: 0,
    maxWaiters: 0,
    maxConnections: 0,
    waitingOn: new Set<string>(),
  });
  let current = empty();
  let stopped = false;
  const sampling = (async () => {
    while (!stopped) {
      const { rows } = await client.query<{ query: string | null }>(
        `SELECT CASE WHEN wait_event_type = 'Lock' THEN left(regexp_replace(query, '\\s+', ' ', 'g'), 70) END AS query
         FROM pg_stat_activity
         WHERE datname = current_database() AND backend_type = 'client backend' AND application_name <> $1`,
        [OBSERVER],
      );
      const waiting = rows.filter((row) => row.query !== null);
      current.samples++;
      if (waiting.length > 0) current.samplesWaiting++;
      current.maxWaiters = Math.max(current.maxWaiters, waiting.length);
      current.maxConnections = Math.max(current.maxConnections, rows.length);
      for (const row of waiting) current.waitingOn.add(row.query!);
      await new Promise((resolve) => setTimeout(resolve, SAMPLE_EVERY_MS));
    }
  })();

  return {
    take(): LockWaits {
      const seen = current;
      current = empty();
      const logged = loggedSince();
      return { ...seen, loggedWaits: logged.length, waitingOn: [...new Set([...seen.waitingOn, ...logged])] };
    },
    async stop() {
      stopped = true;
      await sampling;
      await client.end();
    },
  };
}

export const formatLockWaits = (waits: LockWaits) =>
  `${waits.samplesWaiting}/${waits.samples} samples, max ${waits.maxWaiters}, ${waits.loggedWaits} ≥${LOGGED_WAIT_MS} ms; ${waits.maxConnections} connections`;
