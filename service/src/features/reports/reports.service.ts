import type { Writable } from "node:stream";
import type {
  ActivityReportPage,
  ActivityReportQuery,
  ActivitySummary,
  ActivitySummaryQuery,
  AdoptionPathway,
  CallOutcome,
  ContactHistory,
  CustomerLabelsQuery,
  CustomerReportPage,
  CustomerReportQuery,
  QuoteReportPage,
  QuoteReportQuery,
  SummaryKind,
} from "contract";
import { ACTIVITY_TYPES, CALL_OUTCOMES } from "contract";
import { dayInZone } from "contract/zoned-time";
import type { CurrentUser } from "../../auth/current-user";
import { AppError, badRequest } from "../../shared/app-error";
import type { CustomerAccess } from "../../shared/ports/customer-access.port";
import { writeAddressLabels } from "./address-labels";
import { dayRange, lastMonths, periodBuckets } from "./report-period";
import type { CustomerScope } from "./report-sql";
import type {
  ActivityCursor,
  ActivityReportFilter,
  CustomerCursor,
  QuoteCursor,
  CustomerReportFilter,
  PageRequest,
  QuoteReportFilter,
  ReportsRepository,
} from "./reports.repository";

/** Rows an export reads per query: big enough to be quick, small enough to keep memory flat. */
export const EXPORT_PAGE_SIZE = 1000;

type Filters = { type: string[]; status: number[]; salesman?: string; lifecycle: string[] };

const KIND_ORDER: SummaryKind[] = [...ACTIVITY_TYPES, "EMAIL_LOGGED"];

/** ownCountry: the country address labels leave out (domestic post); customers: does one exist. */
export function createReportsService(
  reports: ReportsRepository,
  context: { customers: CustomerAccess; ownCountry: string | undefined },
) {
  /** Resolves the shared filters, naming the first parameter that refers to nothing. */
  async function scope(query: Filters, user: CurrentUser, salesmanMeansCustomer = true): Promise<CustomerScope> {
    const typeIds = query.type.length > 0 ? await reports.typeIds(query.type) : [];
    const unknownType = typeIds.findIndex((id) => id === undefined);
    if (unknownType >= 0)
      throw new AppError("bad_request", `query.type: "${query.type[unknownType]}" is not a customer type`, [
        { field: `query.type.${unknownType}`, message: "unknown customer type" },
      ]);
    if (query.status.length > 0) {
      const known = new Set(await reports.statusCodes());
      const unknown = query.status.findIndex((code) => !known.has(code));
      if (unknown >= 0)
        throw new AppError("bad_request", `query.status: ${query.status[unknown]} is not a status code`, [
          { field: `query.status.${unknown}`, message: "unknown status code" },
        ]);
    }
    return {
      typeIds: [...new Set(typeIds as string[])],
      statusCodes: query.status,
      salesmanId: salesmanMeansCustomer ? await salesmanId(query.salesman, user) : null,
      lifecycles: query.lifecycle,
    };
  }

  async function salesmanId(salesman: string | undefined, user: CurrentUser): Promise<string | null> {
    if (!salesman) return null;
    if (salesman === "me") return user.id;
    if (!(await reports.userExists(salesman))) throw badRequest("query.salesman", "no user with this id");
    return salesman;
  }

  async function customerFilter(query: CustomerLabelsQuery, user: CurrentUser): Promise<CustomerReportFilter> {
    const range = dayRange(query.from, query.to, user.timeZone);
    return { scope: await scope(query, user), period: { ...range, of: query.periodOf } };
  }

  async function activityFilter(query: ActivityReportQuery, user: CurrentUser): Promise<ActivityReportFilter> {
    const range = dayRange(query.from, query.to, user.timeZone);
    return {
      scope: await scope(query, user, false),
      range: { start: range.start!, end: range.end! },
      ownerId: await salesmanId(query.salesman, user),
      types: query.activityType,
      statuses: query.activityStatus,
    };
  }

  async function quoteFilter(query: QuoteReportQuery, user: CurrentUser): Promise<QuoteReportFilter> {
    return {
      scope: await scope(query, user),
      period: dayRange(query.from, query.to, user.timeZone),
      statuses: query.quoteStatus,
    };
  }

  /** Every row, page by page, each page continuing after the last row of the one before. */
  async function* allPages<Row, Cursor>(
    read: (page: PageRequest<Cursor>) => Promise<Row[]>,
    cursorOf: (row: Row) => Cursor,
  ): AsyncGenerator<Row[]> {
    let after: Cursor | undefined;
    for (;;) {
      const rows = await read({ limit: EXPORT_PAGE_SIZE, after });
      if (rows.length > 0) yield rows;
      if (rows.length < EXPORT_PAGE_SIZE) return;
      after = cursorOf(rows[rows.length - 1]!);
    }
  }

  /** Validates the filters now (a 400 must come before the file starts), reads the rows later. */
  async function allCustomers(query: CustomerLabelsQuery, user: CurrentUser) {
    const filter = await customerFilter(query, user);
    return allPages(
      (page: PageRequest<CustomerCursor>) => reports.customers(filter, page),
      (row) => ({ name: row.name, id: row.id }),
    );
  }

  return {
    async customerPage(query: CustomerReportQuery, user: CurrentUser): Promise<CustomerReportPage> {
      const filter = await customerFilter(query, user);
      const [items, total] = await Promise.all([
        reports.customers(filter, { limit: query.limit, offset: query.offset }),
        reports.countCustomers(filter),
      ]);
      return { items, total, limit: query.limit, offset: query.offset };
    },

    allCustomers,

    /** The labels of every customer of the filters, as a PDF writer; the filters are checked now. */
    async addressLabels(query: CustomerLabelsQuery, user: CurrentUser) {
      const pages = await allCustomers(query, user);
      return (out: Writable) => writeAddressLabels(out, pages, context.ownCountry);
    },

    async activityPage(query: ActivityReportQuery, user: CurrentUser): Promise<ActivityReportPage> {
      const filter = await activityFilter(query, user);
      const [items, total] = await Promise.all([
        reports.activities(filter, { limit: query.limit, offset: query.offset }),
        reports.countActivities(filter),
      ]);
      return { items, total, limit: query.limit, offset: query.offset };
    },

    async allActivities(query: ActivityReportQuery, user: CurrentUser) {
      const filter = await activityFilter(query, user);
      return allPages(
        (page: PageRequest<ActivityCursor>) => reports.activities(filter, page),
        (row) => ({ startsAt: row.startsAt, id: row.id }),
      );
    },

    async activitySummary(query: ActivitySummaryQuery, user: CurrentUser): Promise<ActivitySummary> {
      const filter = await activityFilter(
        { ...query, activityType: [], activityStatus: [], limit: 1, offset: 0 },
        user,
      );
      const { periods, bounds } = periodBuckets(query.from, query.to, query.groupBy, user.timeZone);
      const counted = await reports.activitySummary(filter, bounds);
      const rows = counted
        .filter((row) => row.bucket >= 1 && row.bucket <= periods.length)
        .map(({ bucket, ...row }) => ({ period: periods[bucket - 1]!, ...row }))
        .sort(
          (a, b) =>
            a.period.localeCompare(b.period) ||
            a.salesman.name.localeCompare(b.salesman.name) ||
            a.salesman.id.localeCompare(b.salesman.id) ||
            KIND_ORDER.indexOf(a.kind) - KIND_ORDER.indexOf(b.kind),
        );
      return { groupBy: query.groupBy, timeZone: user.timeZone, periods, rows };
    },

    async quotePage(query: QuoteReportQuery, user: CurrentUser): Promise<QuoteReportPage> {
      const filter = await quoteFilter(query, user);
      const [items, { count, totals }] = await Promise.all([
        reports.quotes(filter, { limit: query.limit, offset: query.offset }),
        reports.quoteTotals(filter),
      ]);
      return { items, total: count, limit: query.limit, offset: query.offset, totals };
    },

    async allQuotes(query: QuoteReportQuery, user: CurrentUser) {
      const filter = await quoteFilter(query, user);
      return allPages(
        (page: PageRequest<QuoteCursor>) => reports.quotes(filter, page),
        (row) => ({ createdAt: row.createdAt, id: row.id }),
      );
    },

    /** What the call records collected per month: profiling answers, and calls per outcome. */
    async adoptionPathway(customerId: string, months: number, user: CurrentUser): Promise<AdoptionPathway> {
      await context.customers.require(customerId);
      const { from, to } = lastMonths(dayInZone(new Date(), user.timeZone), months);
      const { periods, bounds } = periodBuckets(from, to, "month", user.timeZone);
      const { answers, outcomes } = await reports.adoption(customerId, bounds);
      const result = periods.map((period) => ({
        month: period.slice(0, 7),
        answers: 0,
        outcomes: Object.fromEntries(CALL_OUTCOMES.map((outcome) => [outcome, 0])) as Record<CallOutcome, number>,
      }));
      for (const row of answers) if (result[row.bucket - 1]) result[row.bucket - 1]!.answers = row.count;
      for (const row of outcomes) if (result[row.bucket - 1]) result[row.bucket - 1]!.outcomes[row.outcome] = row.count;
      return { timeZone: user.timeZone, months: result };
    },

    async contactHistory(customerId: string, months: number, user: CurrentUser): Promise<ContactHistory> {
      await context.customers.require(customerId);
      const { from, to } = lastMonths(dayInZone(new Date(), user.timeZone), months);
      const { periods, bounds } = periodBuckets(from, to, "month", user.timeZone);
      const counted = new Map((await reports.contactHistory(customerId, bounds)).map((row) => [row.bucket, row]));
      return {
        timeZone: user.timeZone,
        months: periods.map((period, index) => {
          const row = counted.get(index + 1);
          return {
            month: period.slice(0, 7),
            calls: row?.calls ?? 0,
            meetings: row?.meetings ?? 0,
            emails: row?.emails ?? 0,
          };
        }),
      };
    },
  };
}

export type ReportsService = ReturnType<typeof createReportsService>;
