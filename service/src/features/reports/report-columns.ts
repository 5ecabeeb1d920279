import type { ActivityReportRow, ActivitySummaryRow, CustomerReportRow, QuoteReportRow } from "contract";
import type { CsvColumn } from "./csv";

// The CSV columns of each report: what a spreadsheet user needs, names rather than ids.

export const CUSTOMER_COLUMNS: CsvColumn<CustomerReportRow>[] = [
  { header: "Account number", value: (row) => row.accountNumber },
  { header: "Name", value: (row) => row.name },
  { header: "Status", value: (row) => row.status.code },
  { header: "Status label", value: (row) => row.status.label },
  { header: "Lifecycle", value: (row) => row.lifecycle },
  { header: "Types", value: (row) => row.types.join("; ") },
  { header: "Street", value: (row) => row.street },
  { header: "Postal code", value: (row) => row.postalCode },
  { header: "City", value: (row) => row.city },
  { header: "Country", value: (row) => row.country },
  { header: "Phone", value: (row) => row.phone },
  { header: "Salesmen", value: (row) => row.salesmen.join("; ") },
  { header: "Created", value: (row) => row.createdAt },
  { header: "Last activity", value: (row) => row.lastActivityAt },
];

export const ACTIVITY_COLUMNS: CsvColumn<ActivityReportRow>[] = [
  { header: "Starts", value: (row) => row.startsAt },
  { header: "Ends", value: (row) => row.endsAt },
  { header: "Type", value: (row) => row.type },
  { header: "Status", value: (row) => row.status },
  { header: "Subject", value: (row) => row.subject },
  { header: "Owner", value: (row) => row.owner.name },
  { header: "Account number", value: (row) => row.customer.accountNumber },
  { header: "Customer", value: (row) => row.customer.name },
  { header: "Customer status", value: (row) => row.customer.status.code },
  { header: "Contact", value: (row) => row.contact?.name },
];

export const SUMMARY_COLUMNS: CsvColumn<ActivitySummaryRow>[] = [
  { header: "Period", value: (row) => row.period },
  { header: "Salesman", value: (row) => row.salesman.name },
  { header: "Kind", value: (row) => row.kind },
  { header: "Planned", value: (row) => row.planned },
  { header: "Done", value: (row) => row.done },
  { header: "Cancelled", value: (row) => row.cancelled },
];

export const QUOTE_COLUMNS: CsvColumn<QuoteReportRow>[] = [
  { header: "Number", value: (row) => `Q-${row.number}` },
  { header: "Title", value: (row) => row.title },
  { header: "Status", value: (row) => row.status },
  { header: "Currency", value: (row) => row.currency },
  // A decimal string, not a float: the spreadsheet reads it as a number.
  { header: "Total", value: (row) => row.total },
  { header: "Valid until", value: (row) => row.validUntil },
  { header: "Created", value: (row) => row.createdAt },
  { header: "Created by", value: (row) => row.createdBy.name },
  { header: "Account number", value: (row) => row.customer.accountNumber },
  { header: "Customer", value: (row) => row.customer.name },
  { header: "Salesmen", value: (row) => row.salesmen.join("; ") },
];
