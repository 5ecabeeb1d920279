import type { Quote } from "contract";
import type { MailBody } from "../../office/mail-item.types";
import type { Format } from "../../i18n";

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
 */
export function quoteSummary(quote: Quote, format: Format): MailBody {
  const number = `Q-${quote.number}`;
  const heading = visible(quote.title ? `Quote ${number}: ${quote.title}` : `Quote ${number}`);
  const money = (amount: string) => format.money(amount, quote.currency);
  const validity = quote.validUntil ? `Valid until ${format.day(quote.validUntil)}` : "No expiry date";
  const rows = quote.lines.map((line) => ({
    item: visible(line.item),
    description: cut(visible(line.description ?? ""), DESCRIPTION_CHARS),
    quantity: line.quantity,
    unitPrice: money(line.unitPrice),
    discount: Number(line.discountPercent) === 0 ? "" : `${line.discountPercent} %`,
    total: money(line.lineTotal),
  }));
  const totals: [string, string][] = [
    ["Subtotal", money(quote.totals.subtotal)],
    ["Discount", money(quote.totals.discount)],
    ["Total", money(quote.totals.total)],
  ];

  const cell = (text: string, align: "left" | "right" = "left", tag = "td") =>
    `<${tag} align="${align}">${escapeHtml(text)}</${tag}>`;
  const html = [
    `<p><b>${escapeHtml(heading)}</b></p>`,
    '<table border="1" cellpadding="4" cellspacing="0">',
    `<tr>${cell("Item", "left", "th")}${cell("Description", "left", "th")}${cell("Qty", "right", "th")}${cell("Unit price", "right", "th")}${cell("Discount", "right", "th")}${cell("Total", "right", "th")}</tr>`,
    ...rows.map(
      (row) =>
        `<tr>${cell(row.item)}${cell(row.description)}${cell(row.quantity, "right")}${cell(row.unitPrice, "right")}${cell(row.discount, "right")}${cell(row.total, "right")}</tr>`,
    ),
    ...totals.map(
      ([label, value]) =>
        `<tr><td colspan="5" align="right">${label === "Total" ? "<b>Total</b>" : label}</td><td align="right">${label === "Total" ? `<b>${escapeHtml(value)}</b>` : escapeHtml(value)}</td></tr>`,
    ),
    "</table>",
    `<p>${escapeHtml(validity)}</p>`,
  ].join("");

  const text = [
    heading,
    "",
    ...rows.map(
      (row) =>
        `${row.quantity} × ${row.item}${row.description ? ` (${row.description})` : ""} at ${row.unitPrice}${row.discount ? ` less ${row.discount}` : ""} = ${row.total}`,
    ),
    "",
    ...totals.map(([label, value]) => `${label}: ${value}`),
    validity,
    "",
  ].join("\n");
  return { html, text };
}
