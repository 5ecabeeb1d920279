import { createHash, randomUUID } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import type { Database } from "./database";

export const MIGRATIONS_DIR = path.resolve(__dirname, "../../../prisma/migrations");

/** The migrations this build knows, in the order they apply. */
export function migrationNames(dir = MIGRATIONS_DIR): string[] {
  return fs
    .readdirSync(dir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort();
}

// Same table as `prisma migrate deploy`, so the Prisma CLI and this migrator agree on what is applied.
const HISTORY_TABLE = `CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
  "id" VARCHAR(36) PRIMARY KEY NOT NULL,
  "checksum" VARCHAR(64) NOT NULL,
  "finished_at" TIMESTAMPTZ,
  "migration_name" VARCHAR(255) NOT NULL,
  "logs" TEXT,
  "rolled_back_at" TIMESTAMPTZ,
  "started_at" TIMESTAMPTZ NOT NULL DEFAULT now(),
  "applied_steps_count" INTEGER NOT NULL DEFAULT 0
)`;

// Any fixed number: replicas starting together take turns instead of racing on the same migration.
const MIGRATION_LOCK_KEY = 72_190_412;

/**
 * Applies the migrations in prisma/migrations that this database has not seen, each in its own
 * transaction, in name order. Runs on every start; a changed, already applied migration is an error.
 */
export async function migrate(db: Database, dir = MIGRATIONS_DIR): Promise<string[]> {
  const migrations = migrationNames(dir).map((name) => {
    const sql = fs.readFileSync(path.join(dir, name, "migration.sql"), "utf8");
    return { name, sql, checksum: createHash("sha256").update(sql).digest("hex") };
  });

  return db.withSession(async (session) => {
    if (db.kind === "postgres") await session.query("SELECT pg_advisory_lock($1)", [MIGRATION_LOCK_KEY]);
    try {
      await session.exec(HISTORY_TABLE);
      const applied = new Map(
        (
          await session.query<{ migration_name: string; checksum: string }>(
            `SELECT migration_name, checksum FROM "_prisma_migrations" WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL`,
          )
        ).map((row) => [row.migration_name, row.checksum]),
      );
      const newlyApplied: string[] = [];
      for (const migration of migrations) {
        const known = applied.get(migration.name);
        if (known !== undefined) {
          if (known !== migration.checksum)
            throw new Error(
              `migration ${migration.name} was changed after it was applied; add a new migration instead`,
            );
          continue;
        }
        await session.exec("BEGIN");
        try {
          await session.exec(migration.sql);
          await session.query(
            `INSERT INTO "_prisma_migrations" (id, checksum, finished_at, migration_name, applied_steps_count) VALUES ($1, $2, now(), $3, 1)`,
            [randomUUID(), migration.checksum, migration.name],
          );
          await session.exec("COMMIT");
        } catch (error) {
          await session.exec("ROLLBACK");
          throw new Error(`migration ${migration.name} failed: ${(error as Error).message}`);
        }
        newlyApplied.push(migration.name);
      }
      return newlyApplied;
    } finally {
      if (db.kind === "postgres") await session.query("SELECT pg_advisory_unlock($1)", [MIGRATION_LOCK_KEY]);
    }
  });
}
