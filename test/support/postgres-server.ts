import { execFileSync, spawnSync } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";

// A throw-away PostgreSQL 15 server for tests and benchmarks: its own folder, port and socket
// directory, fsync off. initdb refuses root, so as root it runs as the postgres user.
const BIN_DIRS = ["/usr/lib/postgresql/15/bin", "/usr/lib/postgresql/16/bin", "/usr/lib/postgresql/17/bin"];

export interface PostgresServer {
  url: (database: string) => string;
  dir: string;
  port: number;
  /** Commits acknowledged only once in the WAL (a real server's default); off for plain test speed. */
  synchronousCommit: boolean;
}

export function postgresBinDir(): string | undefined {
  return BIN_DIRS.find((dir) => fs.existsSync(path.join(dir, "initdb")));
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
    server.on("error", reject);
  });
}

function asPostgresUser(command: string, args: string[]) {
  const isRoot = process.getuid?.() === 0;
  const [file, argv] = isRoot ? ["runuser", ["-u", "postgres", "--", command, ...args]] : [command, args];
  const result = spawnSync(file, argv, { encoding: "utf8" });
  if (result.status !== 0) throw new Error(`${command} failed: ${result.stderr || result.stdout}`);
}

export async function startPostgresServer(options: { synchronousCommit?: boolean } = {}): Promise<PostgresServer> {
  const bin = postgresBinDir();
  if (!bin) throw new Error("PostgreSQL server binaries not found (apt-get install postgresql-15)");
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "crm-pg-"));
  if (process.getuid?.() === 0) execFileSync("chown", ["-R", "postgres:postgres", dir]);
  const dataDir = path.join(dir, "data");
  const port = await freePort();
  asPostgresUser(path.join(bin, "initdb"), [
    "-D",
    dataDir,
    "-U",
    "postgres",
    "-A",
    "trust",
    "-E",
    "UTF8",
    "--no-locale",
  ]);
  const server: PostgresServer = {
    dir,
    port,
    url: (database) => `postgresql://postgres@127.0.0.1:${port}/${database}`,
    synchronousCommit: options.synchronousCommit ?? false,
  };
  startAgain(server);
  return server;
}

/** Starts a stopped server again on the same folder and port. */
export function startAgain(server: PostgresServer): void {
  // fsync off is safe while the machine does not crash; synchronous_commit off is not safe for a
  // server that is itself crashed (stopOnly): fault experiments turn it on.
  const options = `-p ${server.port} -k ${server.dir} -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=${server.synchronousCommit ? "on" : "off"} -c full_page_writes=off -c max_connections=200 -c shared_buffers=256MB`;
  asPostgresUser(path.join(postgresBinDir()!, "pg_ctl"), [
    "-D",
    path.join(server.dir, "data"),
    "-o",
    options,
    "-l",
    path.join(server.dir, "server.log"),
    "-w",
    "start",
  ]);
}

/**
 * Stops the server without removing it, for fault experiments: `immediate` is a crash (connections
 * dropped, recovery on the next start), `fast` an administrator's shutdown (sessions terminated).
 */
export function stopOnly(server: PostgresServer, mode: "immediate" | "fast" = "immediate"): void {
  asPostgresUser(path.join(postgresBinDir()!, "pg_ctl"), [
    "-D",
    path.join(server.dir, "data"),
    "-m",
    mode,
    "-w",
    "stop",
  ]);
}

export function stopPostgresServer(dir: string): void {
  const bin = postgresBinDir();
  if (!bin || !fs.existsSync(dir)) return;
  try {
    asPostgresUser(path.join(bin, "pg_ctl"), ["-D", path.join(dir, "data"), "-m", "immediate", "-w", "stop"]);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
