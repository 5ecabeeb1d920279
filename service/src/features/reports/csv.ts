import type { Writable } from "node:stream";
import { drained } from "./backpressure";

export type CsvValue = string | number | null | undefined;

// A cell a spreadsheet would read as a formula (=HYPERLINK(...), +cmd, -2+3, @SUM) runs when the file
// is opened; a leading apostrophe makes it text (OWASP's advice). Numbers we write ourselves are
// exempt, so counts stay numbers.
const FORMULA_START = /^[=+\-@\t\r]/;

/**
 * One RFC 4180 cell: quoted when it holds a comma, quote or line break; quotes doubled. A semicolon
 * is quoted too: Excel in locales whose list separator is ";" splits an unquoted "x;=cmd()" into a
 * second cell that starts with "=", past the check above.
 */
export function csvCell(value: CsvValue): string {
  if (value === null || value === undefined) return "";
  if (typeof value === "number") return String(value);
  const text = FORMULA_START.test(value) ? `'${value}` : value;
  return /[",;\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export const csvLine = (cells: CsvValue[]) => `${cells.map(csvCell).join(",")}\r\n`;

/** Excel takes a file without it for the local code page and garbles "Müller". */
const UTF8_BOM = "\uFEFF";

/** A column: its header and how a row fills it. */
export interface CsvColumn<T> {
  header: string;
  value: (row: T) => CsvValue;
}

/**
 * Writes a header and every page of rows as they come, waiting when the client reads slower than
 * the database delivers, so memory holds one page however long the list; stops when the client leaves.
 */
export async function writeCsv<T>(out: Writable, columns: CsvColumn<T>[], pages: AsyncIterable<T[]>): Promise<void> {
  out.write(UTF8_BOM + csvLine(columns.map((column) => column.header)));
  for await (const rows of pages) {
    if (out.destroyed) return;
    const chunk = rows.map((row) => csvLine(columns.map((column) => column.value(row)))).join("");
    if (!out.write(chunk)) await drained(out);
  }
}

/** report-2026-11-22.csv: a dated name, so several exports do not overwrite each other in Downloads. */
export const datedFileName = (report: string, day: string, extension: string) => `${report}-${day}.${extension}`;
