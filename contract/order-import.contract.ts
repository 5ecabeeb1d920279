import { z } from "zod";
import { Id, SafeString } from "./common.contract";
import { Currency } from "./money.contract";
import { SalesOrder } from "./sales-documents.contract";

// ---- Order import: a sales order made from a file the customer sent (docs/order-import.md).

/** The file's text: at most 256 KB, at most MAX_IMPORT_LINES lines (an order's line limit). */
export const MAX_IMPORT_CHARS = 256 * 1024;
export const MAX_IMPORT_LINES = 200;

export const OrderImportRequest = z.object({
  format: z.enum(["csv", "xml"]),
  content: SafeString().min(1).max(MAX_IMPORT_CHARS),
  /** Shown to people only. */
  fileName: SafeString().trim().max(255).optional(),
  /** The currency when the file names none. */
  currency: Currency.default("EUR"),
  /** True: check and price every line, write nothing. */
  dryRun: z.boolean().default(true),
});
export type OrderImportRequest = z.infer<typeof OrderImportRequest>;

/** One problem of the file: its line (CSV: the line in the file; XML: the nth <line>; 0: the file) and field. */
export const ImportIssue = z.object({ line: z.number().int(), field: z.string(), message: z.string() });
export type ImportIssue = z.infer<typeof ImportIssue>;

export const ImportedLine = z.object({
  line: z.number().int(),
  item: z.string(),
  customerItem: z.string().nullable(),
  description: z.string().nullable(),
  quantity: z.string(),
  /** Null where the line has an error. */
  unitPrice: z.string().nullable(),
  discountPercent: z.string().nullable(),
  lineTotal: z.string().nullable(),
});
export type ImportedLine = z.infer<typeof ImportedLine>;

/**
 * ready: a dry run without errors; invalid: errors, nothing written; created: the order was written;
 * duplicate: this file or this customer order reference was imported before, `order` is that order.
 */
export const OrderImportResult = z.object({
  status: z.enum(["ready", "invalid", "created", "duplicate"]),
  customerId: Id,
  reference: z.string().nullable(),
  currency: z.string(),
  lines: z.array(ImportedLine),
  errors: z.array(ImportIssue),
  total: z.string().nullable(),
  order: SalesOrder.nullable(),
});
export type OrderImportResult = z.infer<typeof OrderImportResult>;
