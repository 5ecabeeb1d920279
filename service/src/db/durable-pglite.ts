import fs from "node:fs";
import { PGlite, type PGliteOptions } from "@electric-sql/pglite";
import { NodeFS } from "@electric-sql/pglite/nodefs";

/**
 * PGlite on a folder, with commits that reach the disk before they are acknowledged.
 *
 * PGlite 0.5 starts PostgreSQL with `-F` (fsync off), and even with fsync on nothing would reach the
 * disk: PostgreSQL's fsync() becomes Emscripten's fd_sync, which calls the file system's
 * `stream_ops.fsync` when it has one, and Emscripten's NODEFS has none (fdatasync is a bare success).
 * Upstream knows the gap (electric-sql/pglite#1107). So this file system is PGlite's own NodeFS with
 * the one missing operation added (a real fsync of the host file), and PostgreSQL runs with fsync on
 * and `wal_sync_method=fsync`, the only method that reaches that operation. Every COMMIT then
 * flushes the WAL (synchronous_commit is on), and checkpoints flush the data files and folders.
 */
export class DurableNodeFS extends NodeFS {
  override async init(pg: PGlite, options: Parameters<NodeFS["init"]>[1]) {
    const result = await super.init(pg, options);
    // Before NodeFS's own step mounts the folder, so every file PostgreSQL opens has the operation.
    result.emscriptenOpts.preRun = [
      (mod) => addFsync(mod as unknown as EmscriptenModule),
      ...(result.emscriptenOpts.preRun ?? []),
    ];
    return result;
  }
}

interface EmscriptenModule {
  NODEFS: {
    stream_ops: Record<string, unknown>;
    tryFSOperation?: <T>(operation: () => T) => T;
  };
}

interface NodeStream {
  nfd?: number;
}

function addFsync(mod: EmscriptenModule): void {
  const nodefs = mod.NODEFS;
  // tryFSOperation turns a failing fsync (EIO, ENOSPC) into an errno: PostgreSQL then refuses the
  // commit (and stops, as it must), instead of acknowledging what may not be on disk.
  const run = nodefs.tryFSOperation ?? ((operation: () => void) => operation());
  nodefs.stream_ops.fsync = (stream: NodeStream) => {
    if (stream.nfd !== undefined) run(() => fs.fsyncSync(stream.nfd!));
    return 0;
  };
}

/** PGlite's default start parameters with fsync on; the rest (single user mode...) as PGlite has them. */
export const DURABLE_START_PARAMS = [
  ...PGlite.defaultStartParams.filter((param) => param !== "-F"),
  "-c",
  "wal_sync_method=fsync",
];

export async function openDurablePGlite(pgdata: string, options: Omit<PGliteOptions, "fs" | "dataDir">) {
  const pglite = await PGlite.create({ ...options, fs: new DurableNodeFS(pgdata), startParams: DURABLE_START_PARAMS });
  // A future PGlite that ignored these parameters must not silently run without fsync.
  const [settings] = (
    await pglite.query<{ fsync: string; method: string }>(
      "SELECT current_setting('fsync') AS fsync, current_setting('wal_sync_method') AS method",
    )
  ).rows;
  if (settings?.fsync !== "on" || settings.method !== "fsync") {
    await pglite.close();
    throw new Error(
      `PGlite did not take the durable settings (fsync=${settings?.fsync}, wal_sync_method=${settings?.method})`,
    );
  }
  return pglite;
}
