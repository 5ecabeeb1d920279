import fs from "node:fs";
import { PGlite } from "@electric-sql/pglite";
import { pg_trgm } from "@electric-sql/pglite/contrib/pg_trgm";
import { PrismaPg } from "@prisma/adapter-pg";
import { Pool } from "pg";
import { PrismaPGlite } from "pglite-prisma-adapter";
import { PrismaClient } from "../generated/prisma/client";
import { type Logger, defaultLogger } from "../shared/logger";

/** A plain SQL session, used by the migrator before Prisma takes over. */
export interface SqlSession {
  exec(script: string): Promise<void>;
  query<T>(sql: string, params?: unknown[]): Promise<T[]>;
}

export interface Database {
  kind: "pglite" | "postgres";
  prisma: PrismaClient;
  /**
   * One SQL statement straight through the driver, for the few hot paths (lookup, logging, search)
   * where Prisma's per-query overhead and one-query-per-relation loading would dominate.
   */
  query<T>(sql: string, params?: unknown[]): Promise<T[]>;
  /** Runs fn on one dedicated connection (advisory locks need the same session). */
  withSession<T>(fn: (session: SqlSession) => Promise<T>): Promise<T>;
  /** PostgreSQL only: the driver's pool, for libraries that speak pg themselves (the shared rate limits). */
  pool?: Pool;
  close(): Promise<void>;
}

export type DatabaseTarget = { databaseUrl: string; poolSize?: number } | { dataDir: string | null };

/** Opens PostgreSQL when a URL is given, else PGlite in dataDir (null: in memory, for tests). */
export async function openDatabase(target: DatabaseTarget, logger: Logger = defaultLogger()): Promise<Database> {
  return "databaseUrl" in target
    ? openPostgres(target.databaseUrl, target.poolSize ?? 10, logger)
    : openPGlite(target.dataDir);
}

async function openPGlite(dataDir: string | null): Promise<Database> {
  if (dataDir) fs.mkdirSync(dataDir, { recursive: true });
  const pglite = await PGlite.create(dataDir ? `${dataDir}/pglite` : undefined, { extensions: { pg_trgm } });
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
    query: session.query,
    withSession: (fn) => fn(session),
    close: async () => {
      await prisma.$disconnect();
      await pglite.close();
    },
  };
}

async function openPostgres(databaseUrl: string, poolSize: number, logger: Logger): Promise<Database> {
  // One pool for Prisma, the hot-path queries and the migrator.
  const pool = new Pool({ connectionString: databaseUrl, max: poolSize });
  // An idle connection the server ends (restart, failover, admin) must not bring the process down;
  // the pool replaces it on the next query.
  pool.on("error", (error) => logger.warn({ err: error }, "database connection lost while idle"));
  const prisma = new PrismaClient({ adapter: new PrismaPg(pool) });
  return {
    kind: "postgres",
    prisma,
    pool,
    query: async <T>(sql: string, params?: unknown[]) => (await pool.query(sql, params)).rows as T[],
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
