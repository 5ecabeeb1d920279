import { once } from "node:events";
import type { Writable } from "node:stream";
import PDFDocument from "pdfkit";
import { toWinAnsi } from "../../shared/win-ansi";
import { drained } from "./backpressure";

/** What a label shows. */
export interface LabelAddress {
  name: string;
  street: string | null;
  postalCode: string | null;
  city: string | null;
  country: string | null;
}

// A4 sheets of 3 × 8 labels of 70 × 37 mm (Avery Zweckform 3474 and its kin): the columns fill the
// width; the rows leave half a millimetre at top and bottom.
const MM = 72 / 25.4;
const COLUMNS = 3;
const ROWS = 8;
export const LABELS_PER_PAGE = COLUMNS * ROWS;
const LABEL_WIDTH = 70 * MM;
const LABEL_HEIGHT = 37 * MM;
const SHEET_TOP = 0.5 * MM;
const PADDING_X = 6 * MM;
const PADDING_Y = 5 * MM;
const TEXT_WIDTH = LABEL_WIDTH - 2 * PADDING_X;
const FONT_SIZE = 10;
const MIN_FONT_SIZE = 7;
const LINE_HEIGHT = FONT_SIZE * 1.25;

/** The lines of a label; the country is left out for the organisation's own country. */
export function labelLines(address: LabelAddress, ownCountry: string | undefined): string[] {
  const place = [address.postalCode, address.city].filter(Boolean).join(" ");
  const sameCountry =
    ownCountry !== undefined && address.country?.trim().toLowerCase() === ownCountry.trim().toLowerCase();
  return [address.name, address.street, place, sameCountry ? null : address.country]
    .map((line) => toWinAnsi(line?.trim() ?? ""))
    .filter((line) => line.length > 0);
}

type Doc = InstanceType<typeof PDFDocument>;

/** The line in the largest size from FONT_SIZE down to MIN_FONT_SIZE that fits; cut with "…" if none does. */
function fit(doc: Doc, text: string, font: string): { text: string; size: number } {
  doc.font(font);
  for (let size = FONT_SIZE; size >= MIN_FONT_SIZE; size -= 0.5)
    if (doc.fontSize(size).widthOfString(text) <= TEXT_WIDTH) return { text, size };
  doc.fontSize(MIN_FONT_SIZE);
  let cut = text;
  while (cut.length > 1 && doc.widthOfString(`${cut}…`) > TEXT_WIDTH) cut = cut.slice(0, -1);
  return { text: `${cut.trimEnd()}…`, size: MIN_FONT_SIZE };
}

function drawLabel(doc: Doc, lines: string[], index: number): void {
  const column = index % COLUMNS;
  const row = Math.floor(index / COLUMNS) % ROWS;
  const x = column * LABEL_WIDTH + PADDING_X;
  let y = SHEET_TOP + row * LABEL_HEIGHT + PADDING_Y;
  lines.forEach((line, number) => {
    const fitted = fit(doc, line, number === 0 ? "Helvetica-Bold" : "Helvetica");
    doc.fontSize(fitted.size).text(fitted.text, x, y, { lineBreak: false });
    y += LINE_HEIGHT;
  });
}

/** Streams label sheets for the addresses as they come, one page per 24; an empty list gives one blank sheet. */
export async function writeAddressLabels(
  out: Writable,
  pages: AsyncIterable<LabelAddress[]>,
  ownCountry: string | undefined,
): Promise<void> {
  const doc = new PDFDocument({ size: "A4", margin: 0, autoFirstPage: false, info: { Title: "Address labels" } });
  const done = once(doc, "end");
  doc.pipe(out, { end: false });
  let index = 0;
  for await (const addresses of pages) {
    for (const address of addresses) {
      if (index % LABELS_PER_PAGE === 0) doc.addPage();
      drawLabel(doc, labelLines(address, ownCountry), index);
      index += 1;
    }
    if (out.destroyed) break;
    if (out.writableNeedDrain) await drained(out);
  }
  if (index === 0) doc.addPage();
  doc.end();
  await done;
}
