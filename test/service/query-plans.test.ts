import { randomUUID } from "node:crypto";
import { CustomerListQuery } from "contract";
import { escapeLiteral } from "pg";
import { benchSeedSql } from "../../bench/bench-data.sql";
import type { NamedStatement } from "../../service/src/db/database";
import { SEARCH, SEARCH_COUNT, searchParameters } from "../../service/src/features/customers/customers.repository";
import { INSERT_ONCE } from "../../service/src/features/email-log/email-log.repository";
import { CONTACTS_BY_EMAILS, CUSTOMERS_BY_DOMAINS } from "../../service/src/features/lookup/lookup.repository";
import { RECORD } from "../../service/src/features/record/record.repository";
import { type TestDatabase, createTestDatabase, testBackends } from "../support/test-database";

// The hot statements' plans on PostgreSQL, on bench-shaped data, so a migration that drops or
// renames an index, or a rewrite its index cannot serve (lower() around a column, a cast), fails
// here instead of turning a 0.2 ms lookup into a scan of every contact. 10,000 customers seed in
// seconds, where 100,000 take a minute or more; at that size a scan is sometimes as cheap as the
// index, so the checks turn scans off (a missing index then still shows as a scan): they prove each
// statement can run from its index. At 100,000 the planner picks the same indexes on its own.
// PGlite plans the same SQL with the same planner, so PostgreSQL alone is checked.
const onPostgres = testBackends().includes("postgres") ? describe : describe.skip;
const SCALE = { customers: 10_000, contactsPerCustomer: 3, emailsPerCustomer: 5 };

interface PlanNode {
  "Node Type": string;
  "Relation Name"?: string;
  "Parent Relationship"?: string;
  "Index Name"?: string;
  "Conflict Arbiter Indexes"?: string[];
  Plans?: PlanNode[];
}

const nodes = (node: PlanNode): PlanNode[] => [node, ...(node.Plans ?? []).flatMap(nodes)];

onPostgres("the hot statements' plans at bench scale", () => {
  let test: TestDatabase;
  let userId: string;

  beforeAll(async () => {
    test = await createTestDatabase("postgres");
    userId = (
      await test.db.prisma.user.create({ data: { oid: randomUUID(), email: "plans@contoso.com", name: "Plans" } })
    ).id;
    await test.db.withSession(async (session) => {
      for (const statement of benchSeedSql(SCALE, userId)) await session.exec(statement);
      // The bench has no activities: two per customer, planned and finished, among 20 salesmen.
      await session.exec(`
        INSERT INTO "User" (id, oid, email, name) SELECT gen_random_uuid(), 'plans-' || n, 'plans' || n || '@contoso.com', 'Plans ' || n
          FROM generate_series(1, 20) AS n;
        INSERT INTO "Activity" (id, type, subject, "startsAt", "endsAt", "timeZone", status, "ownerId", "customerId", "createdById", "modifiedById")
          SELECT gen_random_uuid(), 'CALL', 'Call ' || n, now() + (n % 60 - 30) * interval '1 day',
            now() + (n % 60 - 30) * interval '1 day' + interval '30 minutes', 'Europe/Berlin',
            (CASE WHEN n % 2 = 0 THEN 'PLANNED' ELSE 'FINISHED' END)::"ActivityStatus", o.ids[1 + n % 20], c.id, o.ids[1], o.ids[1]
          FROM (SELECT id, row_number() OVER () AS n FROM "Customer" CROSS JOIN generate_series(1, 2)) c,
            (SELECT array_agg(id) AS ids FROM "User" WHERE email LIKE 'plans%') o;
        -- Orders and third parties for the record: two orders per customer, a third of them open loaners
        -- (the overdue job's index then holds thousands of other customers' loaners), one third party each.
        INSERT INTO "SalesOrder" (id, "customerId", currency, status, subtotal, "discountTotal", total, "createdById", type, "dueBackOn")
          SELECT gen_random_uuid(), c.id, 'EUR', 'OPEN', 100, 0, 100, o.ids[1],
            (CASE WHEN (c.n + k) % 3 = 0 THEN 'LOANER' ELSE 'STANDARD' END)::"OrderType",
            CASE WHEN (c.n + k) % 3 = 0 THEN current_date + (c.n % 90)::int END
          FROM (SELECT id, row_number() OVER () AS n FROM "Customer") c CROSS JOIN generate_series(1, 2) AS k,
            (SELECT array_agg(id) AS ids FROM "User" WHERE email LIKE 'plans%') o;
        INSERT INTO "ThirdParty" (id, "customerId", name, role, "createdById")
          SELECT gen_random_uuid(), c.id, 'Tax adviser of ' || c.name, 'Tax adviser', o.ids[1]
          FROM "Customer" c, (SELECT array_agg(id) AS ids FROM "User" WHERE email LIKE 'plans%') o;
        -- Types and a salesman per customer, and open actions on customers and on contacts.
        INSERT INTO "CustomerType" (id, name) SELECT gen_random_uuid(), 'Type ' || n FROM generate_series(1, 8) AS n;
        INSERT INTO "CustomerTypeAssignment" ("customerId", "typeId")
          SELECT c.id, t.ids[1 + (c.n + k) % 8]
          FROM (SELECT id, row_number() OVER () AS n FROM "Customer") c CROSS JOIN generate_series(0, 1) AS k,
            (SELECT array_agg(id) AS ids FROM "CustomerType") t;
        INSERT INTO "CustomerSalesman" ("customerId", "userId")
          SELECT c.id, o.ids[1 + c.n % 20] FROM (SELECT id, row_number() OVER () AS n FROM "Customer") c,
            (SELECT array_agg(id) AS ids FROM "User" WHERE email LIKE 'plans%') o;
        INSERT INTO "Action" (id, title, "dueDate", "ownerId", "customerId", "contactId", "createdById")
          SELECT gen_random_uuid(), 'Follow up', current_date + 7, o.ids[1], t."customerId", t."contactId", o.ids[1]
          FROM (SELECT id AS "customerId", NULL::uuid AS "contactId" FROM "Customer"
                UNION ALL SELECT NULL, id FROM "Contact" WHERE "firstName" = 'First1') t,
            (SELECT array_agg(id) AS ids FROM "User" WHERE email LIKE 'plans%') o;
        ANALYZE "User", "Activity", "SalesOrder", "ThirdParty", "CustomerType", "CustomerTypeAssignment", "CustomerSalesman", "Action";`);
      // As autovacuum leaves a table some time after its inserts, and as production's are: all of it
      // visible, so an index-only scan reads no heap. Whether autovacuum had got there yet decided,
      // run by run, between two plans of the domain lookup (CI saw both).
      await session.exec(`VACUUM (ANALYZE) "CustomerDomain"`);
    });
  }, 120_000);
  afterAll(() => test?.drop());

  /**
   * The plan PostgreSQL runs: for a named statement the generic one, which each connection keeps
   * after five runs (see NamedStatement); for an unnamed one the plan for these values.
   */
  async function plan(
    statement: string | NamedStatement,
    values: unknown[],
    settings = ["enable_seqscan = off"],
  ): Promise<PlanNode[]> {
    return test.db.withSession(async (session) => {
      type Explained = { "QUERY PLAN": { Plan: PlanNode }[] };
      for (const setting of settings) await session.exec(`SET ${setting}`);
      try {
        return await explain();
      } finally {
        await session.exec("RESET ALL");
      }

      async function explain() {
        if (typeof statement === "string") {
          const [row] = await session.query<Explained>(`EXPLAIN (FORMAT JSON) ${statement}`, values);
          return nodes(row!["QUERY PLAN"][0]!.Plan);
        }
        await session.exec(`PREPARE plan_check AS ${statement.text}`);
        try {
          await session.exec("SET plan_cache_mode = force_generic_plan");
          // EXECUTE takes no bind parameters: the values go in as literals.
          const args = values.map((value) => (value === null ? "NULL" : escapeLiteral(String(value)))).join(", ");
          const [row] = await session.query<Explained>(`EXPLAIN (FORMAT JSON) EXECUTE plan_check(${args})`);
          return nodes(row!["QUERY PLAN"][0]!.Plan);
        } finally {
          await session.exec("DEALLOCATE plan_check");
        }
      }
    });
  }

  const indexesUsed = (plan: PlanNode[]) => plan.flatMap((node) => (node["Index Name"] ? [node["Index Name"]] : []));
  /** The indexes one table read goes through: its own, or those of the bitmap beneath it (not its subqueries'). */
  const readIndexes = (node: PlanNode): string[] =>
    node["Index Name"]
      ? [node["Index Name"]]
      : (node.Plans ?? [])
          .filter(
            (child) => child["Node Type"].startsWith("Bitmap") && !/Plan$/.test(child["Parent Relationship"] ?? ""),
          )
          .flatMap(readIndexes);
  /** Each table read in the plan, with the indexes its reads go through (none for a sequential scan). */
  const readsByTable = (plan: PlanNode[]) => {
    const reads: Record<string, Set<string>> = {};
    for (const node of plan) {
      const table = node["Relation Name"];
      if (table) for (const index of readIndexes(node)) (reads[table] ??= new Set()).add(index);
    }
    return Object.fromEntries(Object.entries(reads).map(([table, indexes]) => [table, [...indexes].sort()]));
  };
  const scanned = (plan: PlanNode[]) =>
    plan.filter((node) => node["Node Type"] === "Seq Scan").map((node) => node["Relation Name"]);

  it("looks up a sender's contacts by the e-mail index and their customers by primary key", async () => {
    const found = await plan(CONTACTS_BY_EMAILS, [JSON.stringify(["first1.last42@c42.example", "x@y.example"])]);
    expect(indexesUsed(found)).toEqual(
      expect.arrayContaining(["ContactEmail_emailNormalized_idx", "Contact_pkey", "Customer_pkey"]),
    );
    expect(scanned(found)).not.toContain("ContactEmail");
  });

  it("looks up customers by the domain index", async () => {
    const found = await plan(CUSTOMERS_BY_DOMAINS, [JSON.stringify(["c42.example"])]);
    expect(indexesUsed(found)).toEqual(
      expect.arrayContaining(["CustomerDomain_domain_customerId_idx", "Customer_pkey"]),
    );
    expect(scanned(found)).not.toContain("CustomerDomain");
  });

  it("searches and counts a rare term through the trigram index", async () => {
    const query = CustomerListQuery.parse({ search: "b0004242" });
    const { page, count } = searchParameters("b0004242", query, userId, new Date());
    for (const found of [await plan(SEARCH, page), await plan(SEARCH_COUNT, count)]) {
      expect(indexesUsed(found)).toContain("Customer_searchText_idx");
      expect(scanned(found)).not.toContain("Customer");
    }
  });

  it("lists a customer's logged e-mails newest first from its index, without sorting them", async () => {
    // The shape of Prisma's statement for EmailLogRepository.listForCustomer.
    const [customer] = await test.db.query<{ id: string }>(
      `SELECT id FROM "Customer" ORDER BY "accountNumber" LIMIT 1`,
    );
    const found = await plan(
      `SELECT id, subject FROM "EmailLogEntry" WHERE "customerId" = $1::uuid ORDER BY "sentAt" DESC, id ASC LIMIT $2 OFFSET $3`,
      [customer!.id, 25, 0],
      ["enable_seqscan = off", "enable_sort = off"],
    );
    expect(indexesUsed(found)).toContain("EmailLogEntry_customerId_sentAt_idx");
    expect(scanned(found)).not.toContain("EmailLogEntry");
  });

  it("finds a salesman's due activities and a customer's planned ones from their indexes, without sorting", async () => {
    // The shapes of Prisma's statements for ActivitiesRepository.dueFor and forRecord.
    const [owner] = await test.db.query<{ id: string }>(`SELECT id FROM "User" WHERE email = 'plans1@contoso.com'`);
    const [customer] = await test.db.query<{ id: string }>(
      `SELECT id FROM "Customer" ORDER BY "accountNumber" LIMIT 1`,
    );
    const scansOff = ["enable_seqscan = off", "enable_sort = off"];
    const due = await plan(
      `SELECT id, subject FROM "Activity" WHERE "ownerId" = $1::uuid AND status = 'PLANNED' AND "startsAt" < $2::timestamptz
       ORDER BY "startsAt" ASC, id ASC LIMIT 500`,
      [owner!.id, new Date().toISOString()],
      scansOff,
    );
    expect(indexesUsed(due)).toContain("Activity_ownerId_status_startsAt_idx");
    const planned = await plan(
      `SELECT id, subject FROM "Activity" WHERE "customerId" = $1::uuid AND status = 'PLANNED'
       ORDER BY "startsAt" ASC, id ASC LIMIT 25`,
      [customer!.id],
      scansOff,
    );
    expect(indexesUsed(planned)).toContain("Activity_customerId_status_startsAt_idx");
  });

  it("reads every section of the record from an index on its parent, without a sequential scan anywhere", async () => {
    const [customer] = await test.db.query<{ id: string }>(
      `SELECT id FROM "Customer" ORDER BY "accountNumber" LIMIT 1`,
    );
    const found = await plan(RECORD, [customer!.id, 20, 50]);
    expect(scanned(found)).toEqual([]);
    // Per table, the indexes its reads go through; each section is one table read by its parent's key
    // (User, CustomerStatus and CustomerType are small lookups by key, left out).
    expect(readsByTable(found)).toEqual(
      expect.objectContaining({
        Customer: ["Customer_pkey"],
        CustomerTypeAssignment: ["CustomerTypeAssignment_pkey"],
        CustomerSalesman: ["CustomerSalesman_pkey"],
        CustomerDomain: ["CustomerDomain_pkey"],
        // The contacts section, and the contacts whose open actions count (and the samples' contact).
        Contact: ["Contact_customerId_idx", "Contact_pkey"],
        ContactEmail: ["ContactEmail_contactId_emailNormalized_key"],
        ContactAddress: ["ContactAddress_contactId_idx"],
        ConsentRecord: ["ConsentRecord_contactId_channel_recordedAt_idx"],
        // Future and history.
        Activity: ["Activity_customerId_status_startsAt_idx"],
        CallResult: ["CallResult_pkey"],
        Note: ["Note_customerId_createdAt_idx"],
        // Only its count: either index led by the customer serves it index-only, and which one the
        // planner takes turns on the sizes it sees (it took each in turn, run to run).
        EmailLogEntry: [expect.stringMatching(/^EmailLogEntry_customerId_/)],
        CustomerLifecycleChange: ["CustomerLifecycleChange_customerId_changedAt_idx"],
        Opportunity: ["Opportunity_customerId_stage_idx"],
        Incident: ["Incident_customerId_state_idx"],
        // The opportunities' and incidents' actions, and the open ones of the customer and its contacts.
        Action: [
          "Action_contactId_done_dueDate_idx",
          "Action_customerId_done_dueDate_idx",
          "Action_incidentId_idx",
          "Action_opportunityId_idx",
        ],
        ThirdParty: ["ThirdParty_customerId_idx"],
        ShipToAddress: ["ShipToAddress_customerId_idx"],
        CustomerComment: ["CustomerComment_customerId_createdAt_idx"],
        SalesOrder: ["SalesOrder_customerId_type_status_idx"],
        Sample: ["Sample_customerId_handedOverAt_idx"],
        PaymentAgreement: ["PaymentAgreement_customerId_createdAt_idx"],
        Payment: ["Payment_agreementId_paidOn_idx"],
      }),
    );
  });

  it("logs an e-mail once by the unique (customer, message) index", async () => {
    const found = await plan(INSERT_ONCE, ["[]"]);
    expect(found[0]!["Conflict Arbiter Indexes"]).toEqual(["EmailLogEntry_customerId_internetMessageId_key"]);
  });
});
