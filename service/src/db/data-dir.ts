import fs from "node:fs";
import os from "node:os";
import path from "node:path";

/** DATA_DIR cannot be used: the message names the path and the cause, in words an operator can act on. */
export class DataDirError extends Error {
  override name = "DataDirError";
}

/**
 * Makes sure DATA_DIR is a folder this process may write, created 0700 before anything goes in it
 * (its parent must exist: a typo in DATA_DIR should not grow a tree of folders somewhere).
 */
export function ensureDataDir(dataDir: string): void {
  const stat = statOrNull(dataDir, dataDir);
  if (stat && !stat.isDirectory())
    throw new DataDirError(`DATA_DIR ${dataDir} is not a folder (it is ${kindOf(stat)}); point DATA_DIR at a folder`);
  if (!stat) {
    const parent = path.dirname(dataDir);
    const parentStat = statOrNull(parent, dataDir);
    if (!parentStat)
      throw new DataDirError(
        `DATA_DIR ${dataDir} cannot be created: its parent folder ${parent} does not exist; create it first or point DATA_DIR elsewhere`,
      );
    if (!parentStat.isDirectory())
      throw new DataDirError(`DATA_DIR ${dataDir} cannot be created: ${parent} is not a folder`);
    try {
      fs.mkdirSync(dataDir, { mode: 0o700 });
    } catch (error) {
      // Another process starting at the same moment may have created it: that is fine.
      if ((error as NodeJS.ErrnoException).code !== "EEXIST")
        throw new DataDirError(`DATA_DIR ${dataDir} cannot be created in ${parent}: ${cause(error)}`);
    }
  }
  // access() says yes to root and knows nothing of read-only mounts: only a real write tells.
  const probe = path.join(dataDir, `.write-probe-${process.pid}`);
  try {
    fs.writeFileSync(probe, "", { mode: 0o600 });
    fs.unlinkSync(probe);
  } catch (error) {
    throw new DataDirError(`DATA_DIR ${dataDir} is not writable: ${cause(error)}`);
  }
  restrictPermissions(dataDir, { root: true });
}

/**
 * Folders 0700, files 0600, all the way down (symbolic links are left alone, never followed):
 * the embedded database, the development issuer's key and whatever an older version left readable.
 */
export function restrictPermissions(dir: string, options: { root?: boolean } = {}): void {
  const chmod = (target: string, mode: number) => {
    try {
      fs.chmodSync(target, mode);
    } catch (error) {
      throw new DataDirError(`cannot restrict the permissions of ${target} in DATA_DIR: ${cause(error)}`);
    }
  };
  const rootStat = fs.statSync(dir);
  if (options.root !== false && (rootStat.mode & 0o777) !== 0o700) chmod(dir, 0o700);
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const target = path.join(dir, entry.name);
    if (entry.isDirectory()) {
      if ((fs.lstatSync(target).mode & 0o777) !== 0o700) chmod(target, 0o700);
      restrictPermissions(target, { root: false });
    } else if (entry.isFile() && (fs.lstatSync(target).mode & 0o777) !== 0o600) chmod(target, 0o600);
  }
}

/**
 * fsync of every file and folder under dir. A new embedded database is written by PGlite in one go
 * (initdb runs in memory, then its files are copied in) without any fsync: without this a power cut
 * soon after the first start could leave a database that looks present but is not.
 */
export function syncTree(dir: string): void {
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const target = path.join(dir, entry.name);
    if (entry.isDirectory()) syncTree(target);
    else if (entry.isFile()) syncPath(target);
  }
  syncPath(dir);
}

function syncPath(target: string): void {
  const fd = fs.openSync(target, "r");
  try {
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
}

/** A file-system error in words: the cause, not a bare EACCES. */
export function cause(error: unknown): string {
  const code = (error as NodeJS.ErrnoException).code;
  switch (code) {
    case "EACCES":
      return `no permission for user ${userName()} (check the owner and mode of the folder)`;
    case "EPERM":
      return `not permitted for user ${userName()} (the file belongs to another user?)`;
    case "EROFS":
      return "the file system is read-only";
    case "ENOSPC":
      return "the disk is full";
    case "EDQUOT":
      return "the disk quota is exhausted";
    case "ENOTDIR":
      return "a part of the path is not a folder";
    case "ENOENT":
      return "a part of the path does not exist";
    case "ELOOP":
      return "too many symbolic links in the path";
    default:
      return (error as Error).message;
  }
}

function userName(): string {
  try {
    return `${os.userInfo().username} (uid ${process.getuid?.()})`;
  } catch {
    return `uid ${process.getuid?.()}`;
  }
}

function statOrNull(target: string, dataDir: string): fs.Stats | null {
  try {
    return fs.statSync(target);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return null;
    throw new DataDirError(`DATA_DIR ${dataDir} cannot be used: ${cause(error)}`);
  }
}

function kindOf(stat: fs.Stats): string {
  if (stat.isFile()) return "a file";
  if (stat.isSocket()) return "a socket";
  if (stat.isFIFO()) return "a pipe";
  return "not a folder";
}
