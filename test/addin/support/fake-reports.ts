import { http, HttpResponse } from "msw";
import type { z } from "zod";
import type {
  Activity,
  ActivityReportRow,
  ActivitySummaryRow,
  Customer,
  CustomerReportRow,
  EmailLogEntry,
  Me,
  Quote,
  QuoteReportRow,
  UserRef,
} from "contract";
import {
  ActivityReportQuery,
  ActivitySummaryQuery,
  ACTIVITY_TYPES,
  ContactHistoryQuery,
  CustomerLabelsQuery,
  CustomerReportQuery,
  QuoteReportQuery,
} from "contract";
import { dayInZone } from "contract/zoned-time";
import { type CsvColumn, csvLine } from "../../../service/src/features/reports/csv";
import {
  ACTIVITY_COLUMNS,
  CUSTOMER_COLUMNS,
  QUOTE_COLUMNS,
  SUMMARY_COLUMNS,
} from "../../../service/src/features/reports/report-columns";
import { dayRange, lastMonths, periodBuckets } from "../../../service/src/features/reports/report-period";

// Lists and reports as the service rules them: the contract's schemas validate the query (a 400
// names the field), unknown types and statuses are refused, periods are days in the user's zone,
// and CSV comes from the service's own columns.

const badRequest = (details: { field: string; message: string }[]) =>
  HttpResponse.json({ error: { code: "bad_request", message: "Invalid request", details } }, { status: 400 });

function parseQuery<T extends z.ZodType>(schema: T, request: Request) {
  const search = new URL(request.url).searchParams;
  const raw: Record<string, string | string[]> = {};
  for (const key of new Set(search.keys())) {
    const values = search.getAll(key);
    raw[key] = values.length === 1 ? values[0]! : values;
  }
  const result = schema.safeParse(raw);
  if (result.success) return { data: result.data as z.output<T> };
  return {
    error: badRequest(
      result.error.issues.map((issue) => ({
        field: ["query", ...issue.path.map(String)].join("."),
        message: issue.message,
      })),
    ),
  };
}

function csv<T>(name: string, columns: CsvColumn<T>[], rows: T[]) {
  const body = `\uFEFF${csvLine(columns.map((column) => column.header))}${rows.map((row) => csvLine(columns.map((column) => column.value(row)))).join("")}`;
  return new HttpResponse(body, {
    headers: {
      "content-type": "text/csv; charset=utf-8",
      "content-disposition": `attachment; filename="${name}-2026-01-10.csv"`,
    },
  });
}

const KINDS: string[] = [...ACTIVITY_TYPES, "EMAIL_LOGGED"];

export function createFakeReports(deps: {
  API: string;
  me: Me;
  team: UserRef[];
  customers: Customer[];
  activities: Activity[];
  emailLog: EmailLogEntry[];
  quotes: Quote[];
  statusCodes: number[];
  typeNames: () => string[];
}) {
  const { API, me } = deps;
  /** Requests for files, so a test can tell which filters a download carried. */
  const downloads: string[] = [];

  type Filters = { type: string[]; status: number[]; salesman?: string; lifecycle: string[] };
  function refusal(query: Filters) {
    const known = deps.typeNames().map((name) => name.toLowerCase());
    const type = query.type.findIndex((name) => !known.includes(name.toLowerCase()));
    if (type >= 0) return badRequest([{ field: `query.type.${type}`, message: "unknown customer type" }]);
    const status = query.status.findIndex((code) => !deps.statusCodes.includes(code));
    if (status >= 0) return badRequest([{ field: `query.status.${status}`, message: "unknown status code" }]);
    if (query.salesman && query.salesman !== "me" && !deps.team.some((user) => user.id === query.salesman))
      return badRequest([{ field: "query.salesman", message: "no user with this id" }]);
    return null;
  }
  const salesmanId = (salesman?: string) => (salesman === "me" ? me.id : salesman);
  const customerMatches = (row: Customer, query: Filters, bySalesman = true) =>
    (query.type.length === 0 ||
      row.types.some((type) => query.type.some((name) => name.toLowerCase() === type.toLowerCase()))) &&
    (query.status.length === 0 || query.status.includes(row.status.code)) &&
    (query.lifecycle.length === 0 || query.lifecycle.includes(row.lifecycle)) &&
    (!bySalesman || !query.salesman || row.salesmen.some((user) => user.id === salesmanId(query.salesman)));
  const inRange = (iso: string, range: { start: Date | null; end: Date | null }) =>
    (!range.start || Date.parse(iso) >= range.start.getTime()) && (!range.end || Date.parse(iso) < range.end.getTime());
  const customerRef = (row: Customer) => ({
    id: row.id,
    accountNumber: row.accountNumber,
    name: row.name,
    status: row.status,
  });
  const lastActivity = (customerId: string) =>
    deps.activities
      .filter((item) => item.customerId === customerId && item.status === "FINISHED")
      .map((item) => item.startsAt)
      .sort()
      .pop() ?? null;

  const customerRows = (query: z.output<typeof CustomerReportQuery>): CustomerReportRow[] => {
    const range = dayRange(query.from, query.to, me.timeZone);
    return deps.customers
      .filter((row) => customerMatches(row, query))
      .filter((row) => {
        const at = query.periodOf === "created" ? row.createdAt : lastActivity(row.id);
        return (!range.start && !range.end) || (at !== null && inRange(at, range));
      })
      .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : a.id.localeCompare(b.id)))
      .map((row) => ({
        id: row.id,
        accountNumber: row.accountNumber,
        name: row.name,
        status: row.status,
        lifecycle: row.lifecycle,
        types: [...row.types].sort(),
        street: row.address.street,
        postalCode: row.address.postalCode,
        city: row.address.city,
        country: row.address.country,
        phone: row.phone,
        salesmen: row.salesmen.map((user) => user.name).sort(),
        createdAt: row.createdAt,
        lastActivityAt: lastActivity(row.id),
      }));
  };

  const activityRows = (query: z.output<typeof ActivityReportQuery>): ActivityReportRow[] => {
    const range = dayRange(query.from, query.to, me.timeZone);
    const owner = salesmanId(query.salesman);
    return deps.activities
      .filter((item) => inRange(item.startsAt, range))
      .filter((item) => !owner || item.owner.id === owner)
      .filter((item) => query.activityType.length === 0 || query.activityType.includes(item.type))
      .filter((item) => query.activityStatus.length === 0 || query.activityStatus.includes(item.status))
      .flatMap((item) => {
        const customer = deps.customers.find((row) => row.id === item.customerId);
        if (!customer || !customerMatches(customer, query, false)) return [];
        return [
          {
            id: item.id,
            startsAt: item.startsAt,
            endsAt: item.endsAt,
            type: item.type,
            status: item.status,
            subject: item.subject,
            owner: item.owner,
            customer: customerRef(customer),
            contact: null,
          },
        ];
      })
      .sort((a, b) => a.startsAt.localeCompare(b.startsAt) || a.id.localeCompare(b.id));
  };

  const quoteRows = (query: z.output<typeof QuoteReportQuery>): QuoteReportRow[] => {
    const range = dayRange(query.from, query.to, me.timeZone);
    return deps.quotes
      .filter((quote) => inRange(quote.createdAt, range))
      .filter((quote) => query.quoteStatus.length === 0 || query.quoteStatus.includes(quote.status))
      .flatMap((quote) => {
        const customer = deps.customers.find((row) => row.id === quote.customerId);
        if (!customer || !customerMatches(customer, query)) return [];
        return [
          {
            id: quote.id,
            number: quote.number,
            title: quote.title,
            status: quote.status,
            currency: quote.currency,
            total: quote.totals.total,
            validUntil: quote.validUntil,
            createdAt: quote.createdAt,
            createdBy: quote.createdBy,
            customer: customerRef(customer),
            salesmen: customer.salesmen.map((user) => user.name).sort(),
          },
        ];
      })
      .sort((a, b) => b.createdAt.localeCompare(a.createdAt) || b.id.localeCompare(a.id));
  };

  const page = <T>(rows: T[], query: { limit: number; offset: number }) => ({
    items: rows.slice(query.offset, query.offset + query.limit),
    total: rows.length,
    limit: query.limit,
    offset: query.offset,
  });

  const handlers = [
    http.get(`${API}/api/reports/customers/labels.pdf`, ({ request }) => {
      const parsed = parseQuery(CustomerLabelsQuery, request);
      if (parsed.error) return parsed.error;
      const refused = refusal(parsed.data);
      if (refused) return refused;
      downloads.push(new URL(request.url).search);
      return new HttpResponse("%PDF-1.3\n%fake labels\n", {
        headers: {
          "content-type": "application/pdf",
          "content-disposition": 'attachment; filename="address-labels-2026-01-10.pdf"',
        },
      });
    }),
    http.get(`${API}/api/reports/customers`, ({ request }) => {
      const parsed = parseQuery(CustomerReportQuery, request);
      if (parsed.error) return parsed.error;
      const refused = refusal(parsed.data);
      if (refused) return refused;
      const rows = customerRows(parsed.data);
      if (parsed.data.format === "csv") {
        downloads.push(new URL(request.url).search);
        return csv("customers", CUSTOMER_COLUMNS, rows);
      }
      return HttpResponse.json(page(rows, parsed.data));
    }),
    http.get(`${API}/api/reports/activities`, ({ request }) => {
      const parsed = parseQuery(ActivityReportQuery, request);
      if (parsed.error) return parsed.error;
      const refused = refusal({ ...parsed.data, salesman: parsed.data.salesman });
      if (refused) return refused;
      const rows = activityRows(parsed.data);
      if (parsed.data.format === "csv") return csv("activities", ACTIVITY_COLUMNS, rows);
      return HttpResponse.json(page(rows, parsed.data));
    }),
    http.get(`${API}/api/reports/activity-summary`, ({ request }) => {
      const parsed = parseQuery(ActivitySummaryQuery, request);
      if (parsed.error) return parsed.error;
      const query = parsed.data;
      const refused = refusal(query);
      if (refused) return refused;
      const { periods, bounds } = periodBuckets(query.from, query.to, query.groupBy, me.timeZone);
      const periodOf = (iso: string) => {
        const index = bounds.findIndex((bound, i) => i > 0 && Date.parse(iso) < bound.getTime()) - 1;
        return index >= 0 && Date.parse(iso) >= bounds[0]!.getTime() ? periods[index] : undefined;
      };
      const owner = salesmanId(query.salesman);
      const rows = new Map<string, ActivitySummaryRow>();
      const count = (
        period: string | undefined,
        salesman: UserRef,
        kind: ActivitySummaryRow["kind"],
        status: string,
      ) => {
        if (!period || (owner && salesman.id !== owner)) return;
        const key = `${period} ${salesman.id} ${kind}`;
        const row = rows.get(key) ?? { period, salesman, kind, planned: 0, done: 0, cancelled: 0 };
        if (status === "PLANNED") row.planned += 1;
        else if (status === "CANCELLED") row.cancelled += 1;
        else row.done += 1;
        rows.set(key, row);
      };
      const matches = (customerId: string | null) => {
        const customer = deps.customers.find((row) => row.id === customerId);
        return customer
          ? customerMatches(customer, query, false)
          : query.type.length + query.status.length + query.lifecycle.length === 0;
      };
      for (const item of deps.activities)
        if (matches(item.customerId)) count(periodOf(item.startsAt), item.owner, item.type, item.status);
      for (const entry of deps.emailLog)
        if (matches(entry.customerId)) count(periodOf(entry.sentAt), entry.loggedBy, "EMAIL_LOGGED", "FINISHED");
      const sorted = [...rows.values()].sort(
        (a, b) =>
          a.period.localeCompare(b.period) ||
          a.salesman.name.localeCompare(b.salesman.name) ||
          KINDS.indexOf(a.kind) - KINDS.indexOf(b.kind),
      );
      if (query.format === "csv") return csv("activity-summary", SUMMARY_COLUMNS, sorted);
      return HttpResponse.json({ groupBy: query.groupBy, timeZone: me.timeZone, periods, rows: sorted });
    }),
    http.get(`${API}/api/reports/quotes`, ({ request }) => {
      const parsed = parseQuery(QuoteReportQuery, request);
      if (parsed.error) return parsed.error;
      const refused = refusal(parsed.data);
      if (refused) return refused;
      const rows = quoteRows(parsed.data);
      if (parsed.data.format === "csv") return csv("quotes", QUOTE_COLUMNS, rows);
      const currencies = [...new Set(rows.map((row) => row.currency))].sort();
      const totals = currencies.map((currency) => {
        const cents = rows
          .filter((row) => row.currency === currency)
          .reduce((sum, row) => sum + Math.round(Number(row.total) * 100), 0);
        return {
          currency,
          count: rows.filter((row) => row.currency === currency).length,
          total: (cents / 100).toFixed(2),
        };
      });
      return HttpResponse.json({ ...page(rows, parsed.data), totals });
    }),
    http.get(`${API}/api/customers/:id/contact-history`, ({ params, request }) => {
      if (!deps.customers.some((row) => row.id === params.id))
        return HttpResponse.json({ error: { code: "not_found", message: "not found" } }, { status: 404 });
      const parsed = parseQuery(ContactHistoryQuery, request);
      if (parsed.error) return parsed.error;
      const { from, to } = lastMonths(dayInZone(new Date(), me.timeZone), parsed.data.months);
      const { periods } = periodBuckets(from, to, "month", me.timeZone);
      const monthOf = (iso: string) => dayInZone(new Date(iso), me.timeZone).slice(0, 7);
      const finished = deps.activities.filter((item) => item.customerId === params.id && item.status === "FINISHED");
      return HttpResponse.json({
        timeZone: me.timeZone,
        months: periods.map((period) => {
          const month = period.slice(0, 7);
          const here = finished.filter((item) => monthOf(item.startsAt) === month);
          return {
            month,
            calls: here.filter((item) => item.type === "CALL").length,
            meetings: here.filter((item) => item.type === "VISIT" || item.type === "MEETING").length,
            emails: deps.emailLog.filter((entry) => entry.customerId === params.id && monthOf(entry.sentAt) === month)
              .length,
          };
        }),
      });
    }),
  ];
  return { handlers, downloads };
}
