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
      (mod) => adaptNodeFs(mod as unknown as EmscriptenModule),
      ...(result.emscriptenOpts.preRun ?? []),
    ];
    return result;
  }
}

type Operation = (...args: never[]) => unknown;

interface EmscriptenModule {
  NODEFS: {
    node_ops: Record<string, Operation>;
    stream_ops: Record<string, Operation>;
    tryFSOperation?: <T>(operation: () => T) => T;
  };
}

interface NodeStream {
  nfd?: number;
}

function adaptNodeFs(mod: EmscriptenModule): void {
  addFsync(mod);
  ownerOnly(mod);
}

/**
 * Files 0600 and folders 0700, like a PostgreSQL data directory. Emscripten keeps a umask of its own
 * (022, whatever the process's umask), applies it with an explicit chmod, and PGlite's single user
 * mode never lowers it: without this, pg_internal.init and every file of a new database (copied in
 * from initdb with mode 0666) would be readable by everyone.
 */
function ownerOnly(mod: EmscriptenModule): void {
  const { node_ops: nodeOps, stream_ops: streamOps } = mod.NODEFS;
  const strip = (mode: number) => mode & ~0o077;
  const mknod = nodeOps.mknod as (parent: unknown, name: string, mode: number, dev: number) => unknown;
  nodeOps.mknod = (parent: unknown, name: string, mode: number, dev: number) => mknod(parent, name, strip(mode), dev);
  for (const ops of [nodeOps, streamOps]) {
    const setattr = ops.setattr as (target: unknown, attr: { mode?: number }) => unknown;
    ops.setattr = (target: unknown, attr: { mode?: number }) =>
      setattr(target, attr.mode === undefined ? attr : { ...attr, mode: strip(attr.mode) });
  }
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
