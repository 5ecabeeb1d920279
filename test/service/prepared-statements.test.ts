import { loadConfig } from "../../service/src/config";
import { type Database, openDatabase } from "../../service/src/db/database";
import { createLookupRepository } from "../../service/src/features/lookup/lookup.repository";
import { createPostgresTestDatabase, testBackends } from "../support/test-database";

// What a pooler in transaction mode sees: with prepared statements on, the lookup leaves its named
// statements on the server connection; off (DATABASE_PREPARED_STATEMENTS=off, for PgBouncer before
// 1.21), it leaves none, so any server connection can run the next one.
const onPostgres = testBackends().includes("postgres") ? describe : describe.skip;

onPostgres("named prepared statements on PostgreSQL", () => {
  let database: Awaited<ReturnType<typeof createPostgresTestDatabase>>;
  beforeAll(async () => {
    database = await createPostgresTestDatabase();
  });
  afterAll(() => database?.drop());

  /** The statements prepared on the pool's one connection after a lookup by address and by domain. */
  async function preparedAfterLookup(namedStatements: boolean): Promise<string[]> {
    const db: Database = await openDatabase({ databaseUrl: database.databaseUrl, poolSize: 1, namedStatements });
    try {
      const lookup = createLookupRepository(db);
      for (let run = 0; run < 2; run++) {
        expect(await lookup.contactsByEmails(["nobody@nowhere.example"])).toEqual([]);
        expect((await lookup.customersByDomains(["nowhere.example"])).size).toBe(0);
      }
      const rows = await db.query<{ name: string }>(`SELECT name FROM pg_prepared_statements ORDER BY name`);
      return rows.map((row) => row.name);
    } finally {
      await db.close();
    }
  }

  it("prepares the lookup's statements once under their names", async () => {
    expect(await preparedAfterLookup(true)).toEqual(["lookup_contacts_by_emails", "lookup_customers_by_domains"]);
  });

  it("leaves no prepared statement behind when they are turned off", async () => {
    expect(await preparedAfterLookup(false)).toEqual([]);
  });
});

describe("DATABASE_PREPARED_STATEMENTS", () => {
  it("is on unless set to off, and refuses anything else", () => {
    expect(loadConfig({}).preparedStatements).toBe(true);
    expect(loadConfig({ DATABASE_PREPARED_STATEMENTS: "off" }).preparedStatements).toBe(false);
    expect(() => loadConfig({ DATABASE_PREPARED_STATEMENTS: "false" })).toThrow(/DATABASE_PREPARED_STATEMENTS/);
  });
});
