import { randomBytes } from "node:crypto";
import fs from "node:fs";
import { PGlite } from "@electric-sql/pglite";
import { pg_trgm } from "@electric-sql/pglite/contrib/pg_trgm";
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
    const db = await openDatabase({ dataDir: null, loadDataDir: pgliteTemplate() });
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

/**
 * PGlite's counterpart of crm_template: the global setup migrates one in-memory database and dumps
 * it to a file (TEST_PGLITE_TEMPLATE); each suite loads a copy. Starting PGlite afresh runs initdb
 * and every migration, several seconds on a busy two-core machine; loading the dump takes about one.
 */
export async function writePGliteTemplate(file: string): Promise<void> {
  const pglite = await PGlite.create({ extensions: { pg_trgm } });
  try {
    // The migrator needs only a session; PGlite is one connection, so the session is the database.
    const session = {
      exec: async (script: string) => void (await pglite.exec(script)),
      query: async <T>(sql: string, params?: unknown[]) => (await pglite.query<T>(sql, params)).rows,
    };
    const db: Pick<Database, "kind" | "withSession"> = { kind: "pglite", withSession: (fn) => fn(session) };
    await migrate(db as Database);
    const dump = await pglite.dumpDataDir("none");
    fs.writeFileSync(file, Buffer.from(await dump.arrayBuffer()));
  } finally {
    await pglite.close();
  }
}

let template: { file: string; blob: Blob } | undefined;
/** The migrated template as a Blob, read once per module registry; undefined without one (a fresh start). */
function pgliteTemplate(): Blob | undefined {
  const file = process.env.TEST_PGLITE_TEMPLATE;
  if (!file || !fs.existsSync(file)) return undefined;
  if (template?.file !== file) template = { file, blob: new Blob([fs.readFileSync(file)]) };
  return template.blob;
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
