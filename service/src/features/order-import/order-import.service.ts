import { createHash } from "node:crypto";
import {
  Currency,
  type ImportIssue,
  type ImportedLine,
  type OrderImportRequest,
  type OrderImportResult,
  SalesLineInput,
  type SalesOrder,
} from "contract";
import type { CurrentUser } from "../../auth/current-user";
import { AppError } from "../../shared/app-error";
import type { Access } from "../../shared/ports/access.port";
import type { OrderIntake } from "../../shared/ports/order-intake.port";
import { type FileLine, readOrderFile } from "./order-file";

export interface OrderImportService {
  /** A dry run answers what would be made and every problem; a real run makes the order, or nothing. */
  run(customerId: string, request: OrderImportRequest, user: CurrentUser): Promise<OrderImportResult>;
}

const MAX_REFERENCE = 80;

/** The file's identity: its text with line ends and a trailing blank normalised, hashed. */
const hashOf = (content: string) =>
  createHash("sha256").update(content.replace(/\r\n?/g, "\n").trimEnd()).digest("hex");

const rawLine = ({ line, fields }: FileLine): ImportedLine => ({
  line,
  item: fields.item ?? "",
  customerItem: null,
  description: fields.description ?? null,
  quantity: fields.quantity ?? "",
  unitPrice: fields.unitPrice ?? null,
  discountPercent: fields.discountPercent ?? null,
  lineTotal: null,
});

const orderLines = (order: SalesOrder, lineNumbers: number[]): ImportedLine[] =>
  order.lines.map(({ position, ...line }) => ({ ...line, line: lineNumbers[position - 1] ?? position }));

/**
 * Order import: the file is read (order-file.ts), each line checked as an order line (its fields,
 * then the item master, the customer's cross-references and special prices, as a manual line is),
 * and only a file without a single problem becomes an order, in one transaction with its import record.
 */
export function createOrderImportService(deps: { intake: OrderIntake; access: Access }): OrderImportService {
  const { intake } = deps;
  return {
    async run(customerId, request, user) {
      await deps.access.require(user, "orders:import", { customerId });
      const refusals = await intake.refusals(customerId);
      const file = readOrderFile(request.format, request.content);
      const issues: ImportIssue[] = [...file.issues];
      const currency = Currency.safeParse(file.currency ?? request.currency);
      if (!currency.success)
        issues.push({ line: 0, field: "currency", message: "must be an ISO 4217 code such as EUR" });
      if (file.reference && file.reference.length > MAX_REFERENCE)
        issues.push({ line: 0, field: "reference", message: `must be at most ${MAX_REFERENCE} characters` });
      const source = {
        contentHash: hashOf(request.content),
        reference: file.reference,
        fileName: request.fileName || null,
      };
      const base = { customerId, reference: file.reference, currency: currency.data ?? request.currency };
      const lineNumbers = file.lines.map((line) => line.line);

      const existing = await intake.findImported(customerId, source);
      if (existing)
        return {
          ...base,
          status: "duplicate",
          lines: orderLines(existing, lineNumbers),
          errors: [],
          total: existing.totals.total,
          order: existing,
        };

      // Each line as the API would take it; only well-formed lines go on to be looked up and priced.
      const inputs: SalesLineInput[] = [];
      const inputLines: number[] = [];
      for (const line of file.lines) {
        const parsed = SalesLineInput.safeParse(line.fields);
        if (parsed.success) {
          inputs.push(parsed.data);
          inputLines.push(line.line);
        } else {
          // One problem per field is enough to fix it ("-2" fails both the pattern and "more than 0").
          const fields = new Set<string>();
          for (const issue of parsed.error.issues) {
            const field = String(issue.path[0] ?? "line");
            if (!fields.has(field)) issues.push({ line: line.line, field, message: issue.message });
            fields.add(field);
          }
        }
      }
      const prepared =
        inputs.length > 0 && currency.success ? await intake.prepare(customerId, currency.data, inputs) : null;
      for (const issue of prepared?.issues ?? [])
        issues.push({ line: inputLines[issue.index]!, field: issue.field, message: issue.message });
      issues.sort((a, b) => a.line - b.line);

      const priced = issues.length === 0 ? prepared?.priced : undefined;
      const lines = priced
        ? priced.lines.map((line, index) => ({ ...line, line: inputLines[index]! }))
        : file.lines.map(rawLine);
      const preview = { ...base, lines, total: priced?.totals.total ?? null, order: null };
      if (request.dryRun) {
        const errors = [...issues, ...refusals.map((refusal) => ({ line: 0, ...refusal }))];
        return { ...preview, status: errors.length === 0 ? "ready" : "invalid", errors };
      }
      if (!priced) {
        const details = issues.map(({ line, field, message }) => ({
          field: line === 0 ? `file.${field}` : `file.lines.${line}.${field}`,
          message,
        }));
        throw new AppError("bad_request", `The file has ${details.length} problem(s); nothing was imported`, details);
      }
      const title = file.reference ? `Customer order ${file.reference}` : (request.fileName ?? "Imported order");
      const { order, created } = await intake.createImported(
        customerId,
        { currency: base.currency, title: title.slice(0, 255) },
        priced,
        user.id,
        source,
      );
      return {
        ...preview,
        status: created ? "created" : "duplicate",
        lines: orderLines(order, inputLines),
        errors: [],
        order,
      };
    },
  };
}
