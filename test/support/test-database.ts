import { randomBytes } from "node:crypto";
import { Client } from "pg";
import { type Database, openDatabase } from "../../service/src/db/database";
import { migrate } from "../../service/src/db/migrate";

export type Backend = "pglite" | "postgres";

/** PGlite always; the PostgreSQL server when the global setup started one. */
export function testBackends(): Backend[] {
  return process.env.TEST_POSTGRES_URL ? ["pglite", "postgres"] : ["pglite"];
}

export interface TestDatabase {
  db: Database;
  databaseUrl?: string;
  drop(): Promise<void>;
}

/** A fresh, migrated database of its own for one suite. */
export async function createTestDatabase(backend: Backend): Promise<TestDatabase> {
  if (backend === "pglite") {
    const db = await openDatabase({ dataDir: null });
    await migrate(db);
    return { db, drop: () => db.close() };
  }
  const adminUrl = process.env.TEST_POSTGRES_URL!;
  const name = `crm_test_${randomBytes(6).toString("hex")}`;
  await withAdmin(adminUrl, (admin) => admin.query(`CREATE DATABASE ${name} TEMPLATE crm_template`));
  const databaseUrl = adminUrl.replace(/\/postgres$/, `/${name}`);
  const db = await openDatabase({ databaseUrl, poolSize: 10 });
  await migrate(db);
  return {
    db,
    databaseUrl,
    async drop() {
      await db.close();
      await withAdmin(adminUrl, (admin) => admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`));
    },
  };
}

/** A fresh, migrated PostgreSQL database for a service started as a child process: its URL only. */
export async function createPostgresTestDatabase(): Promise<{ databaseUrl: string; drop(): Promise<void> }> {
  const adminUrl = process.env.TEST_POSTGRES_URL!;
  const name = `crm_test_${randomBytes(6).toString("hex")}`;
  await withAdmin(adminUrl, (admin) => admin.query(`CREATE DATABASE ${name} TEMPLATE crm_template`));
  return {
    databaseUrl: adminUrl.replace(/\/postgres$/, `/${name}`),
    drop: () =>
      withAdmin(adminUrl, (admin) => admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`)).then(() => {}),
  };
}

async function withAdmin<T>(url: string, fn: (client: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}
