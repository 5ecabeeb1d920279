import type {
  ActivityReportPage,
  ActivitySummary,
  ContactHistory,
  CustomerReportPage,
  QuoteReportPage,
} from "contract";
import { queryString } from "./query-string";
import type { ApiCall } from "./sales-calls";

export type ReportKind = "customers" | "activities" | "summary" | "quotes";

/** The filters every report shares; periods are days in the user's zone, both ends included. */
export interface ReportFilter {
  /** Customer type names. */
  types: string[];
  /** Customer status codes. */
  statuses: number[];
  /** "" for anyone, "me", or a user id. */
  salesman: string;
  from: string;
  to: string;
  groupBy?: "month" | "week";
  /** Customer list: whether the period is of creation or of the latest finished activity. */
  periodOf?: "created" | "lastActivity";
}

export type ReportPage = {
  customers: CustomerReportPage;
  activities: ActivityReportPage;
  summary: ActivitySummary;
  quotes: QuoteReportPage;
};

const PATHS: Record<ReportKind, string> = {
  customers: "/api/reports/customers",
  activities: "/api/reports/activities",
  summary: "/api/reports/activity-summary",
  quotes: "/api/reports/quotes",
};

/** A file the service sends (CSV, PDF) and the name it suggests. */
export interface DownloadedFile {
  blob: Blob;
  fileName: string;
}
export type ApiDownload = (path: string) => Promise<DownloadedFile>;

export function reportQuery(filter: ReportFilter, extra: [string, string | number][] = []): string {
  return queryString([
    ...filter.types.map((type): [string, string] => ["type", type]),
    ...filter.statuses.map((status): [string, number] => ["status", status]),
    ["salesman", filter.salesman],
    ["from", filter.from],
    ["to", filter.to],
    ["groupBy", filter.groupBy],
    ["periodOf", filter.periodOf],
    ...extra,
  ]);
}

/** Lists and reports, their CSV and the address labels, and a customer's contacts per month. */
export function reportCalls(call: ApiCall, download: ApiDownload) {
  return {
    report: <K extends ReportKind>(kind: K, filter: ReportFilter, limit = 25, offset = 0) =>
      call<ReportPage[K]>(
        "GET",
        `${PATHS[kind]}${reportQuery(
          filter,
          kind === "summary"
            ? []
            : [
                ["limit", limit],
                ["offset", offset],
              ],
        )}`,
      ),
    reportCsv: (kind: ReportKind, filter: ReportFilter) =>
      download(`${PATHS[kind]}${reportQuery(filter, [["format", "csv"]])}`),
    addressLabels: (filter: ReportFilter) => download(`/api/reports/customers/labels.pdf${reportQuery(filter)}`),
    contactHistory: (customerId: string, months = 12) =>
      call<ContactHistory>("GET", `/api/customers/${encodeURIComponent(customerId)}/contact-history?months=${months}`),
  };
}
