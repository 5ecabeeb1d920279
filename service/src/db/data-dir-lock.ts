import os from "node:os";
import path from "node:path";
import { Worker } from "node:worker_threads";
import type { Logger } from "../shared/logger";
import { DataDirError } from "./data-dir";

export interface DataDirLock {
  release(): Promise<void>;
}

export interface LockOwner {
  pid: number;
  hostname: string;
  startedAt: string;
  command: string;
}

/** The lock folder; its modification time is the holder's heartbeat. */
export const lockPath = (dataDir: string) => path.join(dataDir, "pglite.lock");
/** Who holds the lock, for the message a second process prints. */
export const ownerPath = (dataDir: string) => path.join(dataDir, "pglite.owner.json");

// The holder refreshes the lock every second (from a worker thread, see the worker's comment); a
// lock not refreshed for ten seconds belongs to a process that was killed and is taken over.
const STALE_MS = 10_000;
const UPDATE_MS = 1_000;

/**
 * One process per DATA_DIR: PGlite has no lock of its own (its postmaster.pid holds -42), and two
 * processes on one embedded database each see only their own writes and corrupt it. Resolves once
 * this process holds the lock; a second process gets a DataDirError naming the holder within about
 * a second, and a lock left by a killed process is taken over once it is stale.
 */
export async function lockDataDir(dataDir: string, logger: Logger): Promise<DataDirLock> {
  const owner: LockOwner = {
    pid: process.pid,
    hostname: os.hostname(),
    startedAt: new Date().toISOString(),
    command: process.argv.slice(1).join(" "),
  };
  const worker = new Worker(path.join(__dirname, "data-dir-lock.worker.cjs"), {
    workerData: {
      dataDir,
      lockPath: lockPath(dataDir),
      ownerPath: ownerPath(dataDir),
      staleMs: STALE_MS,
      updateMs: UPDATE_MS,
      owner,
      lockfileModule: require.resolve("proper-lockfile"),
    },
    // The worker needs no environment of its own, and must not inherit a TypeScript loader's flags.
    env: {},
    execArgv: [],
    stdout: false,
    stderr: false,
  });
  type Message = { type: "locked" | "in-use" | "released" | "failed"; owner?: LockOwner | null; message?: string };
  const next = () =>
    new Promise<Message>((resolve, reject) => {
      const onExit = (code: number) => reject(new Error(`the DATA_DIR lock's worker stopped (exit code ${code})`));
      worker.once("message", (message: Message) => {
        worker.off("exit", onExit);
        worker.off("error", reject);
        resolve(message);
      });
      worker.once("exit", onExit);
      worker.once("error", reject);
    });

  const first = await next();
  if (first.type !== "locked") {
    await worker.terminate();
    if (first.type === "in-use") throw new DataDirError(inUseMessage(dataDir, first.owner ?? null));
    throw new DataDirError(`DATA_DIR ${dataDir} cannot be locked: ${first.message}`);
  }
  // Without the worker nobody refreshes the lock, and another process would take it over while this
  // one still writes: should it ever stop on its own, stop the process.
  let releasing = false;
  worker.once("exit", (code) => {
    if (releasing) return;
    logger.fatal(`the DATA_DIR lock's worker stopped (exit code ${code}); stopping`);
    process.exit(70);
  });
  worker.unref();
  return {
    async release() {
      if (releasing) return;
      releasing = true;
      // Unref'd while held; the answer must keep a process that is about to exit alive until it comes.
      worker.ref();
      worker.postMessage("release");
      const answer = await next().catch((error: Error) => ({ type: "failed", message: error.message }) as Message);
      await worker.terminate();
      if (answer.type !== "released") logger.warn(`DATA_DIR lock not released cleanly: ${answer.message}`);
    },
  };
}

function inUseMessage(dataDir: string, owner: LockOwner | null): string {
  const who = owner
    ? `process ${owner.pid} on ${owner.hostname === os.hostname() ? "this host" : `host ${owner.hostname}`} (started ${owner.startedAt}: ${owner.command})`
    : "another process (it did not record its pid)";
  return (
    `DATA_DIR ${dataDir} is in use by ${who}. Only one process may open its embedded database: ` +
    `stop that process first, give this one another DATA_DIR, or set DATABASE_URL to share a PostgreSQL server between replicas.`
  );
}
