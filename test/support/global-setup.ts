import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { Client } from "pg";
import { openDatabase } from "../../service/src/db/database";
import { migrate } from "../../service/src/db/migrate";
import { postgresBinDir, startPostgresServer } from "./postgres-server";
import { writePGliteTemplate } from "./test-database";

// Starts one PostgreSQL server for the whole run and migrates a template database; each suite
// then gets its own copy (CREATE DATABASE ... TEMPLATE), so suites never see each other's rows.
// Without the server binaries the PostgreSQL half is skipped, unless REQUIRE_POSTGRES=1 (CI).
export default async function globalSetup() {
  // PGlite's template likewise: one migrated database dumped to a file, loaded by each suite.
  if (!process.env.TEST_PGLITE_TEMPLATE) {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "crm-pglite-template-"));
    await writePGliteTemplate(path.join(dir, "template.tar"));
    process.env.TEST_PGLITE_TEMPLATE = path.join(dir, "template.tar");
    process.env.TEST_PGLITE_TEMPLATE_DIR = dir;
  }
  if (process.env.TEST_POSTGRES_URL) return;
  if (!postgresBinDir()) {
    if (process.env.REQUIRE_POSTGRES === "1") throw new Error("REQUIRE_POSTGRES=1 but no PostgreSQL server binaries");
    console.warn("\nPostgreSQL server binaries not found: suites run on PGlite only.");
    return;
  }
  const server = await startPostgresServer();
  process.env.TEST_POSTGRES_DIR = server.dir;
  const admin = new Client({ connectionString: server.url("postgres") });
  await admin.connect();
  await admin.query("CREATE DATABASE crm_template");
  await admin.end();
  const db = await openDatabase({ databaseUrl: server.url("crm_template"), poolSize: 2 });
  await migrate(db);
  await db.close();
  // Children inherit the environment: test workers find the server here.
  process.env.TEST_POSTGRES_URL = server.url("postgres");
}
