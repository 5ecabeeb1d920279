import { type ImportIssue, MAX_IMPORT_LINES } from "contract";
import { parse as parseCsv } from "csv-parse/sync";
import { XMLParser, XMLValidator } from "fast-xml-parser";

/** The fields a line may carry, as the file names them (docs/order-import.md). */
export const LINE_FIELDS = ["item", "description", "quantity", "unitPrice", "discountPercent"] as const;
type LineField = (typeof LINE_FIELDS)[number];

/** One line of the file: where it stands (CSV: its line in the file; XML: the nth <line>) and its text. */
export interface FileLine {
  line: number;
  fields: Partial<Record<LineField, string>>;
}

/** What the file says; `issues` name the file (line 0) or a line when it cannot be read as an order. */
export interface OrderFile {
  reference: string | null;
  currency: string | null;
  lines: FileLine[];
  issues: ImportIssue[];
}

const fileIssue = (message: string): ImportIssue => ({ line: 0, field: "file", message });
const empty = (text: string | undefined) => (text?.trim() ? text.trim() : undefined);

/**
 * The file's text as an order. CSV: a header row, comma or semicolon separated, quoted cells as a
 * spreadsheet writes them; XML: <order reference currency> with <line> elements. Neither may hold more
 * than MAX_IMPORT_LINES lines; an XML document type (and with it every entity of its own) is refused
 * before any parsing, so neither external entities (XXE) nor entity expansion (billion laughs) can run.
 */
export function readOrderFile(format: "csv" | "xml", text: string): OrderFile {
  return format === "csv" ? readCsv(text) : readXml(text);
}

const CSV_COLUMNS: Record<string, LineField | "reference" | "currency"> = {
  reference: "reference",
  currency: "currency",
  item: "item",
  description: "description",
  quantity: "quantity",
  unitprice: "unitPrice",
  discountpercent: "discountPercent",
};

function readCsv(text: string): OrderFile {
  let records: { record: Record<string, string>; info: { lines: number } }[];
  try {
    records = parseCsv(text, {
      bom: true,
      delimiter: [",", ";"],
      columns: (header: string[]) => header.map((name) => CSV_COLUMNS[name.trim().toLowerCase()] ?? name.trim()),
      info: true,
      skip_empty_lines: true,
      trim: true,
      // One row more than allowed is enough to refuse the file.
      to: MAX_IMPORT_LINES + 1,
    });
  } catch (error) {
    const { lines, message } = error as { lines?: number; message: string };
    return { reference: null, currency: null, lines: [], issues: [{ line: lines ?? 0, field: "file", message }] };
  }
  const issues: ImportIssue[] = [];
  const header = records[0] ? Object.keys(records[0].record) : [];
  for (const needed of ["item", "quantity"])
    if (records.length > 0 && !header.includes(needed))
      issues.push({ line: 1, field: needed, message: `the header row has no ${needed} column` });
  const same = sameOnEveryLine(issues);
  const lines = records.map(({ record, info }) => {
    same("reference", record.reference, info.lines);
    same("currency", record.currency, info.lines);
    const fields: FileLine["fields"] = {};
    for (const field of LINE_FIELDS) if (empty(record[field]) !== undefined) fields[field] = empty(record[field]);
    return { line: info.lines, fields };
  });
  return finish({ reference: same.value("reference"), currency: same.value("currency"), lines, issues });
}

/** reference and currency are columns in CSV: one value for the whole order, or a line's error. */
function sameOnEveryLine(issues: ImportIssue[]) {
  const values: Record<string, string | undefined> = {};
  const check = (field: "reference" | "currency", value: string | undefined, line: number) => {
    const text = empty(value);
    if (text === undefined) return;
    values[field] ??= text;
    if (values[field] !== text)
      issues.push({ line, field, message: `differs from ${values[field]} above: one file is one order` });
  };
  check.value = (field: "reference" | "currency") => values[field] ?? null;
  return check;
}

const xml = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: "@",
  ignoreDeclaration: true,
  ignorePiTags: true,
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: true,
  isArray: (name) => name === "line",
});

function readXml(text: string): OrderFile {
  const none = { reference: null, currency: null, lines: [] };
  if (/<!DOCTYPE|<!ENTITY/i.test(text))
    return { ...none, issues: [fileIssue("an XML document type or entity declaration is not accepted")] };
  const valid = XMLValidator.validate(text);
  if (valid !== true)
    return { ...none, issues: [{ line: 0, field: "file", message: `line ${valid.err.line}: ${valid.err.msg}` }] };
  const document = xml.parse(text) as { order?: unknown };
  const order = document.order;
  if (!order || typeof order !== "object") return { ...none, issues: [fileIssue("the root element must be <order>")] };
  const root = order as Record<string, unknown>;
  const rawLines = Array.isArray(root.line) ? root.line : [];
  const lines = rawLines.slice(0, MAX_IMPORT_LINES + 1).map((raw: unknown, index): FileLine => {
    const element = (raw && typeof raw === "object" ? raw : {}) as Record<string, unknown>;
    const fields: FileLine["fields"] = {};
    for (const field of LINE_FIELDS) {
      const value = element[field];
      if (typeof value === "string" && empty(value) !== undefined) fields[field] = empty(value);
    }
    return { line: index + 1, fields };
  });
  const attribute = (name: string) => {
    const value = root[`@${name}`];
    return typeof value === "string" ? (empty(value) ?? null) : null;
  };
  return finish({ reference: attribute("reference"), currency: attribute("currency"), lines, issues: [] });
}

function finish(file: OrderFile): OrderFile {
  if (file.lines.length === 0) return { ...file, issues: [...file.issues, fileIssue("has no order lines")] };
  if (file.lines.length > MAX_IMPORT_LINES)
    return {
      ...file,
      lines: file.lines.slice(0, MAX_IMPORT_LINES),
      issues: [...file.issues, fileIssue(`has more than ${MAX_IMPORT_LINES} lines; split the order`)],
    };
  return file;
}
