import type { DocumentTotals, SalesLine, SalesLineInput, SalesOrder } from "contract";

// What the order import asks of quotes and orders (features/sales-documents implements it, app.ts
// hands it on): lines checked and priced as manual lines are, and the order written once per file.

/** Where an imported order came from: the file's hash and the customer's order reference, each once per customer. */
export interface ImportSource {
  contentHash: string;
  reference: string | null;
  fileName: string | null;
}

/** A line's problem: its index in the lines given, the field, what is wrong. */
export interface LineIssue {
  index: number;
  field: string;
  message: string;
}

/** Lines and totals as the service priced them (decimal strings). */
export interface PricedLines {
  lines: Omit<SalesLine, "position">[];
  totals: DocumentTotals;
}

/** Priced when no line has an issue. */
export interface PreparedLines {
  priced?: PricedLines;
  issues: LineIssue[];
}

export interface OrderIntake {
  /** 404 unless the customer exists; why it may not receive orders (empty when it may). */
  refusals(customerId: string): Promise<{ field: string; message: string }[]>;
  /** Priced on today's date (UTC) when no line has an issue; every line's issue otherwise. */
  prepare(customerId: string, currency: string, lines: SalesLineInput[]): Promise<PreparedLines>;
  findImported(customerId: string, source: Pick<ImportSource, "contentHash" | "reference">): Promise<SalesOrder | null>;
  /** The order and its import record in one transaction; created false when the same file or reference won a race. */
  createImported(
    customerId: string,
    header: { currency: string; title: string | null },
    priced: PricedLines,
    userId: string,
    source: ImportSource,
  ): Promise<{ order: SalesOrder; created: boolean }>;
}
