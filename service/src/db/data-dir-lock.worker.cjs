// Takes and holds the DATA_DIR lock for data-dir-lock.ts. proper-lockfile's lock is a folder whose
// modification time the holder refreshes; a lock left alone longer than `staleMs` is taken over.
// This runs in a worker thread so the refresh goes on while the main thread is busy inside PGlite
// (a query, a migration or crash recovery runs synchronously there): a live holder always looks
// alive, and only a dead (or frozen) one goes stale.
/* global setTimeout, setInterval, clearInterval */
"use strict";
const fs = require("node:fs");
const { parentPort, workerData } = require("node:worker_threads");
const lockfile = require(workerData.lockfileModule);

const { dataDir, lockPath, ownerPath, staleMs, updateMs, owner } = workerData;
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

function mtimeOf(target) {
  try {
    return fs.statSync(target).mtimeMs;
  } catch {
    return null;
  }
}

function readOwner() {
  try {
    return JSON.parse(fs.readFileSync(ownerPath, "utf8"));
  } catch {
    return null;
  }
}

function onCompromised(error) {
  // Another process has taken the lock over (this one was frozen for longer than staleMs, or someone
  // removed the lock folder): writing on would corrupt the database that process now owns. Stop now;
  // every acknowledged commit is on disk already.
  fs.writeSync(
    2,
    `FATAL: the lock on DATA_DIR ${dataDir} was lost (${error.message}); stopping at once so that only one process writes its database\n`,
  );
  process.kill(process.pid, "SIGKILL");
}

/** Resolves to a release function, or to null when a live process holds the lock. */
async function acquire() {
  const deadline = Date.now() + staleMs + 2000;
  let firstMtime;
  for (;;) {
    // Two processes taking over the same stale lock at once could both win (each removes the old
    // folder, one removes the other's new one): the takeover itself is serialised by a short lock.
    // (proper-lockfile keeps one lock per path given, hence a path of its own for this one.)
    const releaseGuard = await lockfile.lock(`${lockPath}.takeover`, {
      lockfilePath: `${lockPath}.takeover`,
      stale: 5000,
      realpath: false,
      retries: { retries: 100, minTimeout: 20, maxTimeout: 100 },
      onCompromised: () => {},
    });
    try {
      const release = await lockfile.lock(dataDir, {
        lockfilePath: lockPath,
        stale: staleMs,
        update: updateMs,
        realpath: false,
        retries: 0,
        onCompromised,
      });
      fs.writeFileSync(`${ownerPath}.tmp`, JSON.stringify(owner), { mode: 0o600 });
      fs.renameSync(`${ownerPath}.tmp`, ownerPath);
      return release;
    } catch (error) {
      if (error.code !== "ELOCKED") throw error;
    } finally {
      await releaseGuard();
    }
    // Held: a holder that refreshes the lock is alive, so say so at once; one that does not may have
    // been killed, so wait until the lock is stale and take it over.
    const mtime = mtimeOf(lockPath);
    if (firstMtime === undefined) firstMtime = mtime;
    else if (mtime !== null && firstMtime !== null && mtime !== firstMtime) return null;
    if (Date.now() > deadline) return null;
    await sleep(200);
  }
}

// Keeps this thread alive while it holds the lock (proper-lockfile's refresh timer is unref'd).
const keepAlive = setInterval(() => {}, 1 << 30);

acquire().then(
  (release) => {
    if (!release) {
      parentPort.postMessage({ type: "in-use", owner: readOwner() });
      clearInterval(keepAlive);
      return;
    }
    parentPort.postMessage({ type: "locked" });
    parentPort.on("message", async (message) => {
      if (message !== "release") return;
      try {
        fs.rmSync(ownerPath, { force: true });
        await release();
        parentPort.postMessage({ type: "released" });
      } catch (error) {
        parentPort.postMessage({ type: "failed", message: error.message });
      }
      clearInterval(keepAlive);
    });
  },
  (error) => {
    parentPort.postMessage({ type: "failed", code: error.code, message: error.message });
    clearInterval(keepAlive);
  },
);
