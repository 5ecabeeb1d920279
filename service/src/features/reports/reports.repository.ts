import type {
  ActivityReportRow,
  ActivitySummaryRow,
  CallOutcome,
  ContactHistoryMonth,
  CustomerReportRow,
  QuoteReportRow,
  SummaryKind,
  UserRef,
} from "contract";
import type { Database } from "../../db/database";
import type { InstantRange } from "./report-period";
import {
  CUSTOMER_NAMES_COLUMNS,
  type CustomerScope,
  LAST_ACTIVITY,
  SqlParams,
  customerConditions,
  where,
} from "./report-sql";

/** One page: by offset for the pane, or after the last row of the previous page for exports. */
export interface PageRequest<Cursor> {
  limit: number;
  offset?: number;
  after?: Cursor;
}

export interface CustomerReportFilter {
  scope: CustomerScope;
  /** Created in, or latest finished activity in, this range. */
  period: { start: Date | null; end: Date | null; of: "created" | "lastActivity" };
}
export type CustomerCursor = { name: string; id: string };

export interface ActivityReportFilter {
  scope: CustomerScope;
  range: InstantRange;
  ownerId: string | null;
  types: string[];
  statuses: string[];
}
export type ActivityCursor = { startsAt: string; id: string };

export interface QuoteReportFilter {
  scope: CustomerScope;
  period: { start: Date | null; end: Date | null };
  statuses: string[];
}
export type QuoteCursor = { createdAt: string; id: string };

export interface ReportsRepository {
  /** Type ids for names (any case) or ids; undefined where neither matches. */
  typeIds(values: string[]): Promise<(string | undefined)[]>;
  statusCodes(): Promise<number[]>;
  userExists(id: string): Promise<boolean>;
  customers(filter: CustomerReportFilter, page: PageRequest<CustomerCursor>): Promise<CustomerReportRow[]>;
  countCustomers(filter: CustomerReportFilter): Promise<number>;
  activities(filter: ActivityReportFilter, page: PageRequest<ActivityCursor>): Promise<ActivityReportRow[]>;
  countActivities(filter: ActivityReportFilter): Promise<number>;
  /** Counts per period (index into bounds), owner or logger, kind. */
  activitySummary(
    filter: Omit<ActivityReportFilter, "types" | "statuses">,
    bounds: Date[],
  ): Promise<(Omit<ActivitySummaryRow, "period"> & { bucket: number })[]>;
  quotes(filter: QuoteReportFilter, page: PageRequest<QuoteCursor>): Promise<QuoteReportRow[]>;
  quoteTotals(filter: QuoteReportFilter): Promise<{ count: number; totals: QuoteTotal[] }>;
  /** Finished calls, finished visits and meetings, logged e-mails of one customer per bucket of bounds. */
  contactHistory(
    customerId: string,
    bounds: Date[],
  ): Promise<(Omit<ContactHistoryMonth, "month"> & { bucket: number })[]>;
  /** Profiling answers given, and finished calls per outcome, of one customer per bucket of bounds. */
  adoption(
    customerId: string,
    bounds: Date[],
  ): Promise<{
    answers: { bucket: number; count: number }[];
    outcomes: { bucket: number; outcome: CallOutcome; count: number }[];
  }>;
}
export type QuoteTotal = { currency: string; count: number; total: string };

const iso = (value: Date | string) => (value instanceof Date ? value : new Date(value)).toISOString();
const isoOrNull = (value: Date | string | null) => (value === null ? null : iso(value));

function pageClause(page: PageRequest<unknown>, params: SqlParams): string {
  return `LIMIT ${params.add(page.limit)} OFFSET ${params.add(page.offset ?? 0)}`;
}

interface CustomerSqlRow {
  id: string;
  accountNumber: string;
  name: string;
  lifecycle: CustomerReportRow["lifecycle"];
  street: string | null;
  postalCode: string | null;
  city: string | null;
  country: string | null;
  phone: string | null;
  createdAt: Date | string;
  status_code: number;
  status_label: string;
  types: string[];
  salesmen: string[];
  last_activity_at: Date | string | null;
}

interface ActivitySqlRow {
  id: string;
  startsAt: Date | string;
  endsAt: Date | string;
  type: ActivityReportRow["type"];
  status: ActivityReportRow["status"];
  subject: string;
  owner_id: string;
  owner_name: string;
  owner_email: string;
  customer_id: string;
  account_number: string;
  customer_name: string;
  status_code: number;
  status_label: string;
  contact_id: string | null;
  contact_name: string | null;
}

interface QuoteSqlRow {
  id: string;
  number: number;
  title: string | null;
  status: QuoteReportRow["status"];
  currency: string;
  total: string;
  valid_until: string | null;
  createdAt: Date | string;
  by_id: string;
  by_name: string;
  by_email: string;
  customer_id: string;
  account_number: string;
  customer_name: string;
  status_code: number;
  status_label: string;
  salesmen: string[];
}

export function createReportsRepository(db: Database): ReportsRepository {
  function customerWhere(filter: CustomerReportFilter, params: SqlParams, after?: CustomerCursor): string {
    const conditions = customerConditions(filter.scope, params);
    const { start, end, of } = filter.period;
    const column = of === "created" ? `c."createdAt"` : LAST_ACTIVITY;
    if (start) conditions.push(`${column} >= ${params.instant(start)}`);
    if (end) conditions.push(`${column} < ${params.instant(end)}`);
    if (after) conditions.push(`(c.name, c.id) > (${params.add(after.name)}, ${params.add(after.id)}::uuid)`);
    return where(conditions);
  }

  function activityWhere(
    filter: Omit<ActivityReportFilter, "types" | "statuses"> & Partial<ActivityReportFilter>,
    params: SqlParams,
    after?: ActivityCursor,
  ): string {
    const conditions = customerConditions(filter.scope, params);
    conditions.push(
      `x."startsAt" >= ${params.instant(filter.range.start)}`,
      `x."startsAt" < ${params.instant(filter.range.end)}`,
    );
    if (filter.ownerId) conditions.push(`x."ownerId" = ${params.add(filter.ownerId)}::uuid`);
    if (filter.types?.length) conditions.push(`x.type::text = ANY(${params.array(filter.types, "text")})`);
    if (filter.statuses?.length) conditions.push(`x.status::text = ANY(${params.array(filter.statuses, "text")})`);
    if (after)
      conditions.push(
        `(x."startsAt", x.id) > (${params.add(after.startsAt)}::timestamptz, ${params.add(after.id)}::uuid)`,
      );
    return where(conditions);
  }

  function quoteWhere(filter: QuoteReportFilter, params: SqlParams, after?: QuoteCursor): string {
    const conditions = customerConditions(filter.scope, params);
    if (filter.period.start) conditions.push(`q."createdAt" >= ${params.instant(filter.period.start)}`);
    if (filter.period.end) conditions.push(`q."createdAt" < ${params.instant(filter.period.end)}`);
    if (filter.statuses.length) conditions.push(`q.status::text = ANY(${params.array(filter.statuses, "text")})`);
    // Newest first: the next page holds the older ones.
    if (after)
      conditions.push(
        `(q."createdAt", q.id) < (${params.add(after.createdAt)}::timestamptz, ${params.add(after.id)}::uuid)`,
      );
    return where(conditions);
  }

  return {
    async typeIds(values) {
      const rows = await db.query<{ id: string; name: string }>(
        `SELECT id, name FROM "CustomerType" WHERE id::text = ANY($1::text[]) OR lower(name) = ANY($2::text[])`,
        [values, values.map((value) => value.toLowerCase())],
      );
      return values.map(
        (value) => rows.find((row) => row.id === value || row.name.toLowerCase() === value.toLowerCase())?.id,
      );
    },

    async statusCodes() {
      return (await db.query<{ code: number }>(`SELECT code FROM "CustomerStatus"`)).map((row) => row.code);
    },

    async userExists(id) {
      return (await db.query(`SELECT 1 FROM "User" WHERE id = $1::uuid`, [id])).length > 0;
    },

    async customers(filter, page) {
      const params = new SqlParams();
      const rows = await db.query<CustomerSqlRow>(
        `SELECT c.id, c."accountNumber", c.name, c.lifecycle, c.street, c."postalCode", c.city, c.country, c.phone,
                c."createdAt", s.code AS status_code, s.label AS status_label, ${CUSTOMER_NAMES_COLUMNS},
                ${LAST_ACTIVITY} AS last_activity_at
         FROM "Customer" c JOIN "CustomerStatus" s ON s.code = c."statusCode"
         ${customerWhere(filter, params, page.after)}
         ORDER BY c.name, c.id ${pageClause(page, params)}`,
        params.values,
      );
      return rows.map((row) => ({
        id: row.id,
        accountNumber: row.accountNumber,
        name: row.name,
        status: { code: row.status_code, label: row.status_label },
        lifecycle: row.lifecycle,
        types: row.types,
        street: row.street,
        postalCode: row.postalCode,
        city: row.city,
        country: row.country,
        phone: row.phone,
        salesmen: row.salesmen,
        createdAt: iso(row.createdAt),
        lastActivityAt: isoOrNull(row.last_activity_at),
      }));
    },

    async countCustomers(filter) {
      const params = new SqlParams();
      const [row] = await db.query<{ total: number }>(
        `SELECT count(*)::int AS total FROM "Customer" c ${customerWhere(filter, params)}`,
        params.values,
      );
      return row!.total;
    },

    async activities(filter, page) {
      const params = new SqlParams();
      const rows = await db.query<ActivitySqlRow>(
        `SELECT x.id, x."startsAt", x."endsAt", x.type, x.status, x.subject,
                o.id AS owner_id, o.name AS owner_name, o.email AS owner_email,
                c.id AS customer_id, c."accountNumber" AS account_number, c.name AS customer_name,
                s.code AS status_code, s.label AS status_label,
                k.id AS contact_id, CASE WHEN k.id IS NULL THEN NULL ELSE k."firstName" || ' ' || k."lastName" END AS contact_name
         FROM "Activity" x
         JOIN "Customer" c ON c.id = x."customerId"
         JOIN "CustomerStatus" s ON s.code = c."statusCode"
         JOIN "User" o ON o.id = x."ownerId"
         LEFT JOIN "Contact" k ON k.id = x."contactId"
         ${activityWhere(filter, params, page.after)}
         ORDER BY x."startsAt", x.id ${pageClause(page, params)}`,
        params.values,
      );
      return rows.map((row) => ({
        id: row.id,
        startsAt: iso(row.startsAt),
        endsAt: iso(row.endsAt),
        type: row.type,
        status: row.status,
        subject: row.subject,
        owner: { id: row.owner_id, name: row.owner_name, email: row.owner_email },
        customer: {
          id: row.customer_id,
          accountNumber: row.account_number,
          name: row.customer_name,
          status: { code: row.status_code, label: row.status_label },
        },
        contact: row.contact_id ? { id: row.contact_id, name: row.contact_name! } : null,
      }));
    },

    async countActivities(filter) {
      const params = new SqlParams();
      const [row] = await db.query<{ total: number }>(
        `SELECT count(*)::int AS total FROM "Activity" x JOIN "Customer" c ON c.id = x."customerId"
         ${activityWhere(filter, params)}`,
        params.values,
      );
      return row!.total;
    },

    async activitySummary(filter, bounds) {
      // Activities without a customer count for their owner unless a customer filter excludes them.
      const activityParams = new SqlParams();
      const buckets = activityParams.array(bounds.map(iso), "timestamptz");
      const activityRows = db.query<{
        bucket: number;
        user_id: string;
        kind: SummaryKind;
        planned: number;
        done: number;
        cancelled: number;
      }>(
        `SELECT width_bucket(x."startsAt", ${buckets}) AS bucket, x."ownerId" AS user_id, x.type::text AS kind,
                count(*) FILTER (WHERE x.status = 'PLANNED')::int AS planned,
                count(*) FILTER (WHERE x.status = 'FINISHED')::int AS done,
                count(*) FILTER (WHERE x.status = 'CANCELLED')::int AS cancelled
         FROM "Activity" x LEFT JOIN "Customer" c ON c.id = x."customerId"
         ${activityWhere(filter, activityParams)}
         GROUP BY 1, 2, 3`,
        activityParams.values,
      );
      const emailParams = new SqlParams();
      const emailBuckets = emailParams.array(bounds.map(iso), "timestamptz");
      const conditions = customerConditions(filter.scope, emailParams);
      conditions.push(
        `e."sentAt" >= ${emailParams.instant(filter.range.start)}`,
        `e."sentAt" < ${emailParams.instant(filter.range.end)}`,
      );
      if (filter.ownerId) conditions.push(`e."loggedById" = ${emailParams.add(filter.ownerId)}::uuid`);
      const emailRows = db.query<{ bucket: number; user_id: string; done: number }>(
        `SELECT width_bucket(e."sentAt", ${emailBuckets}) AS bucket, e."loggedById" AS user_id, count(*)::int AS done
         FROM "EmailLogEntry" e JOIN "Customer" c ON c.id = e."customerId"
         ${where(conditions)}
         GROUP BY 1, 2`,
        emailParams.values,
      );
      const [activities, emails] = await Promise.all([activityRows, emailRows]);
      const userIds = [...new Set([...activities, ...emails].map((row) => row.user_id))];
      const users = new Map(
        (await db.query<UserRef>(`SELECT id, name, email FROM "User" WHERE id = ANY($1::uuid[])`, [userIds])).map(
          (user) => [user.id, { id: user.id, name: user.name, email: user.email }],
        ),
      );
      return [
        ...activities.map((row) => ({ ...row, salesman: users.get(row.user_id)! })),
        ...emails.map((row) => ({
          bucket: row.bucket,
          salesman: users.get(row.user_id)!,
          kind: "EMAIL_LOGGED" as const,
          planned: 0,
          done: row.done,
          cancelled: 0,
        })),
      ].map(({ bucket, salesman, kind, planned, done, cancelled }) => ({
        bucket,
        salesman,
        kind,
        planned,
        done,
        cancelled,
      }));
    },

    async quotes(filter, page) {
      const params = new SqlParams();
      const rows = await db.query<QuoteSqlRow>(
        `SELECT q.id, q.number, q.title, q.status, q.currency, q.total::text AS total,
                to_char(q."validUntil", 'YYYY-MM-DD') AS valid_until, q."createdAt",
                u.id AS by_id, u.name AS by_name, u.email AS by_email,
                c.id AS customer_id, c."accountNumber" AS account_number, c.name AS customer_name,
                s.code AS status_code, s.label AS status_label,
                ARRAY(SELECT su.name FROM "CustomerSalesman" m JOIN "User" su ON su.id = m."userId"
                      WHERE m."customerId" = c.id ORDER BY su.name) AS salesmen
         FROM "Quote" q
         JOIN "Customer" c ON c.id = q."customerId"
         JOIN "CustomerStatus" s ON s.code = c."statusCode"
         JOIN "User" u ON u.id = q."createdById"
         ${quoteWhere(filter, params, page.after)}
         ORDER BY q."createdAt" DESC, q.id DESC ${pageClause(page, params)}`,
        params.values,
      );
      return rows.map((row) => ({
        id: row.id,
        number: row.number,
        title: row.title,
        status: row.status,
        currency: row.currency,
        total: row.total,
        validUntil: row.valid_until,
        createdAt: iso(row.createdAt),
        createdBy: { id: row.by_id, name: row.by_name, email: row.by_email },
        customer: {
          id: row.customer_id,
          accountNumber: row.account_number,
          name: row.customer_name,
          status: { code: row.status_code, label: row.status_label },
        },
        salesmen: row.salesmen,
      }));
    },

    async quoteTotals(filter) {
      const params = new SqlParams();
      const totals = await db.query<QuoteTotal>(
        `SELECT q.currency, count(*)::int AS count, sum(q.total)::text AS total
         FROM "Quote" q JOIN "Customer" c ON c.id = q."customerId"
         ${quoteWhere(filter, params)}
         GROUP BY q.currency ORDER BY q.currency`,
        params.values,
      );
      return { count: totals.reduce((sum, row) => sum + row.count, 0), totals };
    },

    async adoption(customerId, bounds) {
      const params = [
        `{${bounds.map(iso).join(",")}}`,
        customerId,
        bounds[0]!.toISOString(),
        bounds[bounds.length - 1]!.toISOString(),
      ];
      const [answers, outcomes] = await Promise.all([
        // A cleared answer (null) collected nothing.
        db.query<{ bucket: number; count: number }>(
          `SELECT width_bucket(p."answeredAt", $1::timestamptz[]) AS bucket, count(*)::int AS count
           FROM "ProfilingAnswer" p
           WHERE p."customerId" = $2::uuid AND p.value IS NOT NULL AND jsonb_typeof(p.value) <> 'null'
             AND p."answeredAt" >= $3::timestamptz AND p."answeredAt" < $4::timestamptz
           GROUP BY 1`,
          params,
        ),
        db.query<{ bucket: number; outcome: CallOutcome; count: number }>(
          `SELECT width_bucket(x."startsAt", $1::timestamptz[]) AS bucket, r.outcome::text AS outcome, count(*)::int AS count
           FROM "CallResult" r JOIN "Activity" x ON x.id = r."activityId"
           WHERE x."customerId" = $2::uuid AND x.status = 'FINISHED'
             AND x."startsAt" >= $3::timestamptz AND x."startsAt" < $4::timestamptz
           GROUP BY 1, 2`,
          params,
        ),
      ]);
      return { answers, outcomes };
    },

    async contactHistory(customerId, bounds) {
      const first = bounds[0]!.toISOString();
      const last = bounds[bounds.length - 1]!.toISOString();
      const thresholds = `{${bounds.map(iso).join(",")}}`;
      const [activities, emails] = await Promise.all([
        db.query<{ bucket: number; calls: number; meetings: number }>(
          `SELECT width_bucket(x."startsAt", $1::timestamptz[]) AS bucket,
                  count(*) FILTER (WHERE x.type = 'CALL')::int AS calls,
                  count(*) FILTER (WHERE x.type IN ('VISIT', 'MEETING'))::int AS meetings
           FROM "Activity" x
           WHERE x."customerId" = $2::uuid AND x.status = 'FINISHED'
             AND x."startsAt" >= $3::timestamptz AND x."startsAt" < $4::timestamptz
           GROUP BY 1`,
          [thresholds, customerId, first, last],
        ),
        db.query<{ bucket: number; emails: number }>(
          `SELECT width_bucket(e."sentAt", $1::timestamptz[]) AS bucket, count(*)::int AS emails
           FROM "EmailLogEntry" e
           WHERE e."customerId" = $2::uuid AND e."sentAt" >= $3::timestamptz AND e."sentAt" < $4::timestamptz
           GROUP BY 1`,
          [thresholds, customerId, first, last],
        ),
      ]);
      const buckets = new Map<number, { bucket: number; calls: number; meetings: number; emails: number }>();
      const at = (bucket: number) =>
        buckets.get(bucket) ?? buckets.set(bucket, { bucket, calls: 0, meetings: 0, emails: 0 }).get(bucket)!;
      for (const row of activities) Object.assign(at(row.bucket), { calls: row.calls, meetings: row.meetings });
      for (const row of emails) at(row.bucket).emails = row.emails;
      return [...buckets.values()];
    },
  };
}
