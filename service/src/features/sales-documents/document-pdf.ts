import { once } from "node:events";
import type { Writable } from "node:stream";
import PDFDocument from "pdfkit";
import type { Customer, Quote, SalesOrder } from "contract";
import { toWinAnsi } from "../../shared/win-ansi";

/** The organisation printed at the top of every quote and order (COMPANY_NAME, COMPANY_ADDRESS). */
export interface Letterhead {
  name: string | undefined;
  addressLines: string[];
}

export type PrintableDocument =
  { kind: "quote"; document: Quote; customer: Customer } | { kind: "order"; document: SalesOrder; customer: Customer };

/** How amounts and dates read: the reader's locale (BCP 47) and time zone (the document's date). */
export interface PrintFormat {
  locale: string;
  timeZone: string;
}

type Doc = InstanceType<typeof PDFDocument>;

// A4 portrait, 50 pt margins; the footer (page n of m) sits in the bottom margin.
const MARGIN = 50;
const PAGE = { width: 595.28, height: 841.89 };
const BOTTOM = PAGE.height - MARGIN;
const WIDTH = PAGE.width - 2 * MARGIN;
const FONT = "Helvetica";
const BOLD = "Helvetica-Bold";
const BODY_SIZE = 9;
const MIN_SIZE = 6;
const CELL_PADDING = 3;
/** Pos, item and description, quantity, unit price, discount, line total: they add up to WIDTH. */
const COLUMNS = [
  { key: "position", title: "#", width: 24, align: "left" },
  { key: "text", title: "Item / description", width: 206, align: "left" },
  { key: "quantity", title: "Qty", width: 50, align: "right" },
  { key: "unitPrice", title: "Unit price", width: 80, align: "right" },
  { key: "discount", title: "Disc.", width: 40, align: "right" },
  { key: "lineTotal", title: "Line total", width: 95, align: "right" },
] as const;
type ColumnKey = (typeof COLUMNS)[number]["key"];
// A description never runs past a page: longer ones end in "…" (a quote's 1000 characters fit easily).
const MAX_ROW_HEIGHT = 400;

/** Locale-formatted pieces; amounts are decimal strings and Intl formats strings exactly (no float). */
function formatters({ locale, timeZone }: PrintFormat, currency: string) {
  // Latin digits whatever the locale: the standard fonts have no others.
  const money = new Intl.NumberFormat(locale, { style: "currency", currency, numberingSystem: "latn" });
  const quantity = new Intl.NumberFormat(locale, { maximumFractionDigits: 3, numberingSystem: "latn" });
  const percent = new Intl.NumberFormat(locale, {
    style: "percent",
    maximumFractionDigits: 2,
    numberingSystem: "latn",
  });
  const moment = new Intl.DateTimeFormat(locale, { dateStyle: "long", timeZone, numberingSystem: "latn" });
  const day = new Intl.DateTimeFormat(locale, { dateStyle: "long", timeZone: "UTC", numberingSystem: "latn" });
  type Numeric = Parameters<typeof money.format>[0];
  // Strings as numbers: Intl.NumberFormat reads them as exact decimals (ECMA-402, NumberFormat v3).
  const exact = (value: string) => value as unknown as Numeric;
  return {
    money: (value: string) => toWinAnsi(money.format(exact(value))),
    quantity: (value: string) => toWinAnsi(quantity.format(exact(value))),
    percent: (value: string) => toWinAnsi(percent.format(exact(`${value}E-2`))),
    moment: (iso: string) => toWinAnsi(moment.format(new Date(iso))),
    day: (isoDay: string) => toWinAnsi(day.format(new Date(`${isoDay}T00:00:00Z`))),
  };
}

/** Several lines of text each drawn as WinAnsi, blank runs squeezed, at most `max` lines. */
function multiline(text: string, max: number): string {
  return text
    .split(/\r\n|\r|\n/)
    .map((line) => toWinAnsi(line).trimEnd())
    .join("\n")
    .replace(/\n{3,}/g, "\n\n")
    .split("\n")
    .slice(0, max)
    .join("\n");
}

/** The largest size from `size` down to MIN_SIZE at which `text` fits on one line of `width`. */
function fitSize(doc: Doc, text: string, width: number, size: number, font = FONT): number {
  doc.font(font);
  for (let candidate = size; candidate > MIN_SIZE; candidate -= 0.5)
    if (doc.fontSize(candidate).widthOfString(text) <= width) return candidate;
  return MIN_SIZE;
}

/** One line that never wraps: shrunk to fit, and cut with "…" if it still does not. */
function oneLine(doc: Doc, text: string, x: number, y: number, width: number, options: LineOptions = {}) {
  const { size = BODY_SIZE, font = FONT, align = "left" } = options;
  const fitted = fitSize(doc, text, width, size, font);
  let shown = text;
  doc.font(font).fontSize(fitted);
  if (doc.widthOfString(shown) > width) {
    while (shown.length > 1 && doc.widthOfString(`${shown}…`) > width) shown = shown.slice(0, -1);
    shown = `${shown.trimEnd()}…`;
  }
  doc.text(shown, x, y, { width, align, lineBreak: false });
  return doc.currentLineHeight(true);
}
interface LineOptions {
  size?: number;
  font?: string;
  align?: "left" | "right";
}

function drawHeader(
  doc: Doc,
  printable: PrintableDocument,
  letterhead: Letterhead,
  format: ReturnType<typeof formatters>,
) {
  const { document, customer, kind } = printable;
  let y = MARGIN;
  // The organisation, top right; the document's name and dates, top left.
  let right = MARGIN;
  if (letterhead.name)
    right += oneLine(doc, toWinAnsi(letterhead.name), MARGIN + WIDTH / 2, right, WIDTH / 2, {
      size: 12,
      font: BOLD,
      align: "right",
    });
  for (const line of letterhead.addressLines)
    right += oneLine(doc, toWinAnsi(line), MARGIN + WIDTH / 2, right, WIDTH / 2, { align: "right" });

  const title = kind === "quote" ? `Quote Q-${document.number}` : `Sales order SO-${document.number}`;
  y += oneLine(doc, title, MARGIN, y, WIDTH / 2, { size: 18, font: BOLD }) + 4;
  const facts: [string, string][] = [["Date", format.moment(document.createdAt)]];
  if (printable.kind === "quote")
    facts.push([
      "Valid until",
      printable.document.validUntil ? format.day(printable.document.validUntil) : "not limited",
    ]);
  if (document.status !== "OPEN") facts.push(["Status", document.status.toLowerCase()]);
  facts.push(["Account", toWinAnsi(customer.accountNumber)]);
  for (const [label, value] of facts) {
    oneLine(doc, `${label}:`, MARGIN, y, 70, { font: BOLD });
    y += oneLine(doc, value, MARGIN + 70, y, WIDTH / 2 - 70);
  }

  // The customer's address, as a window envelope would show it.
  y = Math.max(y, right) + 18;
  const address = customer.address;
  const place = [address.postalCode, address.city].filter(Boolean).join(" ");
  y += oneLine(doc, toWinAnsi(customer.name), MARGIN, y, WIDTH * 0.6, { size: 11, font: BOLD });
  for (const line of [address.street, place, address.region, address.country])
    if (line) y += oneLine(doc, toWinAnsi(line), MARGIN, y, WIDTH * 0.6, { size: 10 });
  y += 14;
  if (document.title) {
    doc.font(BOLD).fontSize(11);
    const text = multiline(document.title, 3);
    doc.text(text, MARGIN, y, { width: WIDTH, height: 60, ellipsis: true });
    y += Math.min(60, doc.heightOfString(text, { width: WIDTH })) + 8;
  }
  return y;
}

function drawTableHead(doc: Doc, y: number): number {
  let x = MARGIN;
  doc.font(BOLD).fontSize(BODY_SIZE);
  const height = doc.currentLineHeight(true) + 2 * CELL_PADDING;
  doc.rect(MARGIN, y, WIDTH, height).fill("#e8e8e8").fillColor("black");
  for (const column of COLUMNS) {
    oneLine(doc, column.title, x + CELL_PADDING, y + CELL_PADDING, column.width - 2 * CELL_PADDING, {
      font: BOLD,
      align: column.align,
    });
    x += column.width;
  }
  return y + height;
}

/** A line's cells; the text cell is the item in bold and its description below it. */
function cellsOf(line: Quote["lines"][number], format: ReturnType<typeof formatters>): Record<ColumnKey, string> {
  return {
    position: String(line.position),
    text: "",
    quantity: format.quantity(line.quantity),
    unitPrice: format.money(line.unitPrice),
    discount: Number(line.discountPercent) === 0 ? "" : format.percent(line.discountPercent),
    lineTotal: format.money(line.lineTotal),
  };
}

const TEXT_WIDTH = COLUMNS[1].width - 2 * CELL_PADDING;

function rowHeight(doc: Doc, item: string, description: string): number {
  doc.font(BOLD).fontSize(BODY_SIZE);
  let height = doc.heightOfString(item, { width: TEXT_WIDTH });
  if (description)
    height += doc
      .font(FONT)
      .fontSize(BODY_SIZE - 0.5)
      .heightOfString(description, { width: TEXT_WIDTH });
  return Math.min(MAX_ROW_HEIGHT, height) + 2 * CELL_PADDING;
}

/** Our code, and the customer's own beside it where the line has one: the customer finds their item by it. */
const itemText = (line: Quote["lines"][number]) =>
  toWinAnsi(line.customerItem ? `${line.item} · ${line.customerItem}` : line.item);

function drawRow(
  doc: Doc,
  y: number,
  line: Quote["lines"][number],
  format: ReturnType<typeof formatters>,
  height: number,
) {
  const item = itemText(line);
  const description = line.description ? multiline(line.description, 60) : "";
  const cells = cellsOf(line, format);
  let x = MARGIN;
  for (const column of COLUMNS) {
    const inner = column.width - 2 * CELL_PADDING;
    if (column.key === "text") {
      doc
        .font(BOLD)
        .fontSize(BODY_SIZE)
        .text(item, x + CELL_PADDING, y + CELL_PADDING, { width: inner });
      if (description) {
        const top = doc.y;
        doc
          .font(FONT)
          .fontSize(BODY_SIZE - 0.5)
          .text(description, x + CELL_PADDING, top, {
            width: inner,
            height: Math.max(0, y + height - CELL_PADDING - top),
            ellipsis: true,
          });
      }
    } else oneLine(doc, cells[column.key], x + CELL_PADDING, y + CELL_PADDING, inner, { align: column.align });
    x += column.width;
  }
  doc
    .moveTo(MARGIN, y + height)
    .lineTo(MARGIN + WIDTH, y + height)
    .lineWidth(0.5)
    .strokeColor("#bbbbbb")
    .stroke();
}

function drawTotals(doc: Doc, y: number, totals: Quote["totals"], format: ReturnType<typeof formatters>) {
  const rows: [string, string, boolean][] = [
    ["Subtotal", format.money(totals.subtotal), false],
    // The discount as what it does to the subtotal; none is 0, not "-0".
    ["Discount", format.money(Number(totals.discount) === 0 ? totals.discount : `-${totals.discount}`), false],
    ["Total", format.money(totals.total), true],
  ];
  let top = y + 8;
  const labelX = MARGIN + WIDTH - 230;
  for (const [label, value, bold] of rows) {
    const font = bold ? BOLD : FONT;
    oneLine(doc, label, labelX, top, 100, { font, size: bold ? 11 : BODY_SIZE });
    top += oneLine(doc, value, labelX + 100, top, 130, { font, size: bold ? 11 : BODY_SIZE, align: "right" }) + 2;
  }
  return top;
}

const TOTALS_HEIGHT = 70;

function drawFooters(doc: Doc, label: string) {
  const range = doc.bufferedPageRange();
  for (let index = 0; index < range.count; index++) {
    doc.switchToPage(range.start + index);
    // Below the bottom margin: pdfkit would start a new page for text there unless the margin allows it.
    const margins = doc.page.margins.bottom;
    doc.page.margins.bottom = 0;
    oneLine(doc, `${label} · page ${index + 1} of ${range.count}`, MARGIN, PAGE.height - MARGIN + 16, WIDTH, {
      size: 8,
      align: "right",
    });
    doc.page.margins.bottom = margins;
  }
}

/**
 * Writes a quote or order as an A4 PDF: letterhead, the customer's address, number, date and
 * validity, the lines as a table that continues on as many pages as needed (its head repeated on
 * each), the totals kept together, "page n of m" at the bottom. Every text is bounded: long lines
 * shrink or end in "…", long words wrap inside their cell, HTML is printed as the characters it is.
 */
export async function writeDocumentPdf(
  out: Writable,
  printable: PrintableDocument,
  letterhead: Letterhead,
  printFormat: PrintFormat,
): Promise<void> {
  const { document } = printable;
  const label = printable.kind === "quote" ? `Quote Q-${document.number}` : `Sales order SO-${document.number}`;
  const doc = new PDFDocument({
    size: "A4",
    margin: MARGIN,
    bufferPages: true,
    // No Author key without a letterhead: pdfkit hashes every info value, and undefined throws there.
    info: letterhead.name ? { Title: label, Author: toWinAnsi(letterhead.name) } : { Title: label },
  });
  const done = once(doc, "end");
  doc.pipe(out, { end: false });
  const format = formatters(printFormat, document.currency);

  let y = drawTableHead(doc, drawHeader(doc, printable, letterhead, format));
  for (const line of document.lines) {
    const height = rowHeight(doc, itemText(line), line.description ? multiline(line.description, 60) : "");
    if (y + height > BOTTOM) {
      doc.addPage();
      y = drawTableHead(doc, MARGIN);
    }
    drawRow(doc, y, line, format, height);
    y += height;
  }
  if (y + TOTALS_HEIGHT > BOTTOM) {
    doc.addPage();
    y = MARGIN;
  }
  drawTotals(doc, y, document.totals, format);
  drawFooters(doc, label);
  doc.end();
  await done;
}
