import type { TFunction } from "i18next";
import type { Quote } from "contract";
import type { Format } from "../../i18n";
import type { MailBody } from "../../office/mail-item.types";

/** A summary is for reading in a mail: long descriptions are cut (the PDF has them whole). */
const DESCRIPTION_CHARS = 200;

const escapeHtml = (text: string) =>
  text.replace(/[&<>"']/g, (char) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[char]!);

// Direction overrides and other invisible format characters would reorder what the recipient reads.
const visible = (text: string) =>
  text
    .replace(/\p{Cf}/gu, "")
    .replace(/\s+/g, " ")
    .trim();
const cut = (text: string, max: number) => (text.length > max ? `${text.slice(0, max - 1).trimEnd()}…` : text);

/**
 * A quote as it goes into the message being written: an HTML table (items, totals, validity) and
 * the same as plain text for a plain-text body. Every value is escaped, never markup; no inline CSS
 * (setSelectedDataAsync does not support it, says Office.Body's reference), only table attributes.
 * Worded in the pane's language, amounts and days in its locale (`t` and `format` of the pane).
 */
export function quoteSummary(quote: Quote, t: TFunction<"salesDocuments">, format: Format): MailBody {
  const number = `Q-${quote.number}`;
  const heading = visible(
    quote.title ? t("summary.headingTitled", { number, title: quote.title }) : t("summary.heading", { number }),
  );
  const money = (amount: string) => format.money(amount, quote.currency);
  // Quantities and discounts as typed, in the locale's digits ("1,5" in German).
  const decimal = (value: string) => format.number(Number(value), { maximumFractionDigits: 10 });
  const validity = quote.validUntil
    ? t("summary.validUntil", { day: format.day(quote.validUntil) })
    : t("summary.noExpiry");
  const rows = quote.lines.map((line) => ({
    item: visible(line.item),
    description: cut(visible(line.description ?? ""), DESCRIPTION_CHARS),
    quantity: decimal(line.quantity),
    unitPrice: money(line.unitPrice),
    discount: Number(line.discountPercent) === 0 ? "" : `${decimal(line.discountPercent)} %`,
    total: money(line.lineTotal),
  }));
  // The last is the total, in bold.
  const totals: [string, string][] = [
    [t("summary.subtotal"), money(quote.totals.subtotal)],
    [t("summary.discount"), money(quote.totals.discount)],
    [t("summary.total"), money(quote.totals.total)],
  ];
  const isTotal = (index: number) => index === totals.length - 1;

  const cell = (text: string, align: "left" | "right" = "left", tag = "td") =>
    `<${tag} align="${align}">${escapeHtml(text)}</${tag}>`;
  const html = [
    `<p><b>${escapeHtml(heading)}</b></p>`,
    '<table border="1" cellpadding="4" cellspacing="0">',
    `<tr>${cell(t("summary.item"), "left", "th")}${cell(t("summary.description"), "left", "th")}${cell(t("summary.quantity"), "right", "th")}${cell(t("summary.unitPrice"), "right", "th")}${cell(t("summary.discount"), "right", "th")}${cell(t("summary.total"), "right", "th")}</tr>`,
    ...rows.map(
      (row) =>
        `<tr>${cell(row.item)}${cell(row.description)}${cell(row.quantity, "right")}${cell(row.unitPrice, "right")}${cell(row.discount, "right")}${cell(row.total, "right")}</tr>`,
    ),
    ...totals.map(
      ([label, value], index) =>
        `<tr><td colspan="5" align="right">${isTotal(index) ? `<b>${escapeHtml(label)}</b>` : escapeHtml(label)}</td><td align="right">${isTotal(index) ? `<b>${escapeHtml(value)}</b>` : escapeHtml(value)}</td></tr>`,
    ),
    "</table>",
    `<p>${escapeHtml(validity)}</p>`,
  ].join("");

  const text = [
    heading,
    "",
    ...rows.map((row) =>
      t("summary.textLine", {
        quantity: row.quantity,
        what: row.description ? `${row.item} (${row.description})` : row.item,
        price: row.discount ? t("summary.textLess", { price: row.unitPrice, discount: row.discount }) : row.unitPrice,
        total: row.total,
      }),
    ),
    "",
    ...totals.map(([label, value]) => `${label}: ${value}`),
    validity,
    "",
  ].join("\n");
  return { html, text };
}
