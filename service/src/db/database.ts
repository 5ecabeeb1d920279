import fs from "node:fs";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { pg_trgm } from "@electric-sql/pglite/contrib/pg_trgm";
import { PrismaPg } from "@prisma/adapter-pg";
import { Pool } from "pg";
import { PrismaPGlite } from "pglite-prisma-adapter";
import { PrismaClient } from "../generated/prisma/client";
import { type Logger, defaultLogger } from "../shared/logger";
import { DataDirError, cause, ensureDataDir, restrictPermissions, syncTree } from "./data-dir";
import { lockDataDir } from "./data-dir-lock";
import { openDurablePGlite } from "./durable-pglite";

/** A plain SQL session, used by the migrator before Prisma takes over. */
export interface SqlSession {
  exec(script: string): Promise<void>;
  query<T>(sql: string, params?: unknown[]): Promise<T[]>;
}

/**
 * A hot statement under a name of its own: PostgreSQL parses it once per connection and, once its
 * generic plan costs no more than the custom ones (after five runs), stops planning it too. Only
 * for statements whose best plan does not depend on the values; one name, one text.
 */
export interface NamedStatement {
  name: string;
  text: string;
}

export const namedStatement = (name: string, text: string): NamedStatement => ({ name, text });

export interface Database {
  kind: "pglite" | "postgres";
  prisma: PrismaClient;
  /**
   * One SQL statement straight through the driver, for the few hot paths (lookup, logging, search)
   * where Prisma's per-query overhead and one-query-per-relation loading would dominate.
   */
  query<T>(sql: string | NamedStatement, params?: unknown[]): Promise<T[]>;
  /** Runs fn on one dedicated connection (advisory locks need the same session). */
  withSession<T>(fn: (session: SqlSession) => Promise<T>): Promise<T>;
  /** PostgreSQL only: the driver's pool, for libraries that speak pg themselves (the shared rate limits). */
  pool?: Pool;
  close(): Promise<void>;
}

export type DatabaseTarget =
  /**
   * namedStatements false (DATABASE_PREPARED_STATEMENTS=off) sends every statement unnamed, for a
   * pooler that cannot keep a connection's prepared statements (PgBouncer before 1.21, or with
   * max_prepared_statements = 0, in transaction mode).
   */
  | { databaseUrl: string; poolSize?: number; namedStatements?: boolean }
  /** loadDataDir (in memory only): start from a PGlite dumpDataDir, e.g. the tests' migrated template. */
  | { dataDir: string | null; loadDataDir?: Blob };

/** Opens PostgreSQL when a URL is given, else PGlite in dataDir (null: in memory, for tests). */
export async function openDatabase(target: DatabaseTarget, logger: Logger = defaultLogger()): Promise<Database> {
  return "databaseUrl" in target
    ? openPostgres(target.databaseUrl, target.poolSize ?? 10, target.namedStatements ?? true, logger)
    : openPGlite(target.dataDir, logger, target.loadDataDir);
}

async function openPGlite(dataDir: string | null, logger: Logger, loadDataDir?: Blob): Promise<Database> {
  if (!dataDir) return wrapPGlite(await PGlite.create({ extensions: { pg_trgm }, loadDataDir }), async () => {});
  ensureDataDir(dataDir);
  // Before the database opens: a second process must not even read it while this one writes.
  const lock = await lockDataDir(dataDir, logger);
  const release = () => lock.release();
  try {
    restrictPermissions(dataDir);
    const pgdata = path.join(dataDir, "pglite");
    const fresh = !fs.existsSync(path.join(pgdata, "PG_VERSION"));
    if (fs.existsSync(pgdata) && !fs.statSync(pgdata).isDirectory())
      throw new DataDirError(`${pgdata} is not a folder: it should hold the embedded database`);
    fs.mkdirSync(pgdata, { recursive: true, mode: 0o700 });
    const pglite = await openDurablePGlite(pgdata, { extensions: { pg_trgm } }).catch((error: unknown) => {
      throw new DataDirError(`the embedded database in ${pgdata} could not be opened: ${describeOpenError(error)}`);
    });
    // DurableNodeFS creates owner-only files; this catches what an older version left behind.
    restrictPermissions(pgdata);
    if (fresh) syncTree(pgdata); // PGlite copies a new database in without any fsync
    return wrapPGlite(pglite, release);
  } catch (error) {
    await release();
    throw error;
  }
}

/** Emscripten's ErrnoError says only "FS error"; its errno is WASI's, so name the common ones. */
function describeOpenError(error: unknown): string {
  const errno = (error as { errno?: number }).errno;
  if ((error as Error).name === "ErrnoError" && typeof errno === "number") {
    const code = WASI_ERRNO[errno];
    return code ? cause({ code }) : `file system error ${errno}`;
  }
  return error instanceof Error ? error.message : String(error);
}

const WASI_ERRNO: Record<number, string> = {
  2: "EACCES",
  20: "EEXIST",
  44: "ENOENT",
  51: "ENOSPC",
  54: "ENOTDIR",
  63: "EPERM",
  69: "EROFS",
};

function wrapPGlite(pglite: PGlite, afterClose: () => Promise<void>): Database {
  const prisma = new PrismaClient({ adapter: new PrismaPGlite(pglite) });
  // PGlite is one connection: the session is the database itself.
  const session: SqlSession = {
    exec: async (script) => {
      await pglite.exec(script);
    },
    query: async <T>(sql: string, params?: unknown[]) => (await pglite.query<T>(sql, params)).rows,
  };
  return {
    kind: "pglite",
    prisma,
    // PGlite's query has no named statements (it parses every time), so a name changes nothing here.
    query: (sql, params) => session.query(typeof sql === "string" ? sql : sql.text, params),
    withSession: (fn) => fn(session),
    close: async () => {
      try {
        await prisma.$disconnect();
        await pglite.close();
      } finally {
        await afterClose();
      }
    },
  };
}

async function openPostgres(
  databaseUrl: string,
  poolSize: number,
  namedStatements: boolean,
  logger: Logger,
): Promise<Database> {
  // One pool for Prisma, the hot-path queries and the migrator.
  // A server that does not answer (partitioned, overloaded) fails a request after ten seconds instead
  // of holding it forever; keep-alive notices a dead peer on an idle connection.
  const pool = new Pool({
    connectionString: databaseUrl,
    max: poolSize,
    connectionTimeoutMillis: 10_000,
    keepAlive: true,
  });
  // An idle connection the server ends (restart, failover, admin) must not bring the process down;
  // the pool replaces it on the next query.
  pool.on("error", (error) => logger.warn({ err: error }, "database connection lost while idle"));
  const prisma = new PrismaClient({ adapter: new PrismaPg(pool) });
  return {
    kind: "postgres",
    prisma,
    pool,
    query: async <T>(sql: string | NamedStatement, params?: unknown[]) => {
      // node-postgres prepares a named statement on a connection the first time and then only binds it.
      const statement = typeof sql === "string" ? { text: sql } : namedStatements ? sql : { text: sql.text };
      return (await pool.query({ ...statement, values: params })).rows as T[];
    },
    withSession: async (fn) => {
      const client = await pool.connect();
      try {
        return await fn({
          exec: async (script) => {
            await client.query(script);
          },
          query: async <T>(sql: string, params?: unknown[]) => (await client.query(sql, params)).rows as T[],
        });
      } finally {
        client.release();
      }
    },
    close: async () => {
      await prisma.$disconnect();
      await pool.end();
    },
  };
}
