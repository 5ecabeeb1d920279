import { z } from "zod";
import {
  ActivityReportPage,
  ActivityReportQuery,
  ActivitySummary,
  ActivitySummaryQuery,
  AdoptionPathway,
  ContactHistory,
  ContactHistoryQuery,
  CustomerLabelsQuery,
  CustomerReportPage,
  CustomerReportQuery,
  IdParams,
  QuoteReportPage,
  QuoteReportQuery,
} from "contract";
import { dayInZone } from "contract/zoned-time";
import type { CurrentUser } from "../../auth/current-user";
import { Download, defineRoute } from "../../http/route";
import { type CsvColumn, datedFileName, writeCsv } from "./csv";
import { ACTIVITY_COLUMNS, CUSTOMER_COLUMNS, QUOTE_COLUMNS, SUMMARY_COLUMNS } from "./report-columns";
import type { ReportsService } from "./reports.service";

const CSV = "text/csv; charset=utf-8";
const JSON_OR_CSV = ["application/json", "text/csv"];

function csvDownload<T>(report: string, user: CurrentUser, columns: CsvColumn<T>[], pages: AsyncIterable<T[]>) {
  const fileName = datedFileName(report, dayInZone(new Date(), user.timeZone), "csv");
  return new Download(CSV, fileName, (out) => writeCsv(out, columns, pages));
}

/** Rows already in memory (a summary is small) as the one page of an export. */
async function* onePage<T>(rows: T[]): AsyncGenerator<T[]> {
  yield rows;
}

// Reading is open to every signed-in user (see permissions.ts), so these routes need no permission.
export function reportsRoutes(reports: ReportsService) {
  return [
    defineRoute({
      method: "get",
      path: "/api/reports/customers",
      tag: "reports",
      summary:
        "Customer list by type, status, salesman, lifecycle and period (created or latest activity), by name; " +
        "?format=csv for every row as CSV",
      query: CustomerReportQuery,
      response: CustomerReportPage,
      produces: JSON_OR_CSV,
      handler: async ({ query, user }) =>
        query.format === "csv"
          ? csvDownload("customers", user, CUSTOMER_COLUMNS, await reports.allCustomers(query, user))
          : reports.customerPage(query, user),
    }),
    defineRoute({
      method: "get",
      path: "/api/reports/customers/labels.pdf",
      tag: "reports",
      summary: "Address labels (A4, 3 × 8 of 70 × 37 mm) for every customer of the customer list's filters",
      query: CustomerLabelsQuery,
      response: z.string(),
      produces: ["application/pdf"],
      handler: async ({ query, user }) => {
        const write = await reports.addressLabels(query, user);
        return new Download(
          "application/pdf",
          datedFileName("address-labels", dayInZone(new Date(), user.timeZone), "pdf"),
          write,
        );
      },
    }),
    defineRoute({
      method: "get",
      path: "/api/reports/activities",
      tag: "reports",
      summary:
        "Customer activities starting in a period (required, at most a year) by type, status, owner and customer " +
        "type and status, oldest first; ?format=csv for every row as CSV",
      query: ActivityReportQuery,
      response: ActivityReportPage,
      produces: JSON_OR_CSV,
      handler: async ({ query, user }) =>
        query.format === "csv"
          ? csvDownload("activities", user, ACTIVITY_COLUMNS, await reports.allActivities(query, user))
          : reports.activityPage(query, user),
    }),
    defineRoute({
      method: "get",
      path: "/api/reports/activity-summary",
      tag: "reports",
      summary:
        "Activities planned, done and cancelled, and e-mails logged, per month or week (caller's zone), salesman " +
        "and kind; ?format=csv",
      query: ActivitySummaryQuery,
      response: ActivitySummary,
      produces: JSON_OR_CSV,
      handler: async ({ query, user }) => {
        const summary = await reports.activitySummary(query, user);
        return query.format === "csv"
          ? csvDownload("activity-summary", user, SUMMARY_COLUMNS, onePage(summary.rows))
          : summary;
      },
    }),
    defineRoute({
      method: "get",
      path: "/api/reports/quotes",
      tag: "reports",
      summary:
        "Quotes by status, period (created), the customer's linked salesman, customer type and status, newest " +
        "first, with totals per currency; ?format=csv for every row as CSV",
      query: QuoteReportQuery,
      response: QuoteReportPage,
      produces: JSON_OR_CSV,
      handler: async ({ query, user }) =>
        query.format === "csv"
          ? csvDownload("quotes", user, QUOTE_COLUMNS, await reports.allQuotes(query, user))
          : reports.quotePage(query, user),
    }),
    defineRoute({
      method: "get",
      path: "/api/customers/:id/contact-history",
      tag: "reports",
      summary:
        "Finished calls, finished visits and meetings, and e-mails logged per calendar month (caller's zone), " +
        "oldest first, months without any included",
      params: IdParams,
      query: ContactHistoryQuery,
      response: ContactHistory,
      handler: async ({ params, query, user }) => reports.contactHistory(params.id, query.months, user),
    }),
    defineRoute({
      method: "get",
      path: "/api/customers/:id/adoption-pathway",
      tag: "reports",
      summary:
        "What the call records collected per calendar month (caller's zone), oldest first: profiling answers given " +
        "and finished calls per outcome, months without any included",
      params: IdParams,
      query: ContactHistoryQuery,
      response: AdoptionPathway,
      handler: async ({ params, query, user }) => reports.adoptionPathway(params.id, query.months, user),
    }),
  ];
}
