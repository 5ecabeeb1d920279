// Money without floating point: decimal strings become scaled integers (BigInt), are multiplied
// exactly, and are rounded once, half up, to cents. The service prices stored documents with it and
// the pane shows live totals with it while a quote is typed, so both always agree to the cent.
import { DiscountPercent, Quantity } from "./sales-documents.contract";
import { Amount } from "./money.contract";

/** "12.5" at scale 2 → 1250n. The contract has checked the format (non-negative, no more decimals than the scale). */
export function toScaled(value: string, scale: number): bigint {
  const [whole, fraction = ""] = value.split(".");
  if (fraction.length > scale) throw new Error(`${value} has more than ${scale} decimals`);
  return BigInt(`${whole}${fraction.padEnd(scale, "0")}`);
}

/** 1250n at scale 2 → "12.50". */
export function fromScaled(value: bigint, scale: number): string {
  const sign = value < 0n ? "-" : "";
  const digits = (value < 0n ? -value : value).toString().padStart(scale + 1, "0");
  return scale === 0 ? `${sign}${digits}` : `${sign}${digits.slice(0, -scale)}.${digits.slice(-scale)}`;
}

/** numerator / denominator rounded half up, for non-negative numbers. */
const divideRounded = (numerator: bigint, denominator: bigint) => (numerator * 2n + denominator) / (2n * denominator);

export interface PricedLine {
  quantity: string;
  unitPrice: string;
  discountPercent: string;
}

/** Cents before and after the line's discount. */
export function lineCents(line: PricedLine): { gross: bigint; net: bigint } {
  const quantity = toScaled(line.quantity, 3); // thousandths
  const price = toScaled(line.unitPrice, 2); // cents
  const discount = toScaled(line.discountPercent, 2); // hundredths of a percent
  return {
    gross: divideRounded(quantity * price, 1_000n),
    net: divideRounded(quantity * price * (10_000n - discount), 1_000n * 10_000n),
  };
}

/** Line totals and document totals as decimal strings; each line is rounded once, the sums are exact. */
export function priceLines(lines: PricedLine[]) {
  let subtotal = 0n;
  let total = 0n;
  const lineTotals = lines.map((line) => {
    const { gross, net } = lineCents(line);
    subtotal += gross;
    total += net;
    return { cents: net, lineTotal: fromScaled(net, 2) };
  });
  return {
    lineTotals,
    subtotalCents: subtotal,
    totals: {
      subtotal: fromScaled(subtotal, 2),
      discount: fromScaled(subtotal - total, 2),
      total: fromScaled(total, 2),
    },
  };
}

/** A line as someone is typing it: any field may be empty or not (yet) a number. */
export interface DraftLine {
  quantity: string;
  unitPrice: string;
  discountPercent: string;
}

/**
 * Totals while typing: a line that is not complete or not valid yet has no total (null) and counts
 * for nothing; the others are priced exactly as the service will price them.
 */
export function priceDraftLines(lines: DraftLine[]) {
  const valid = lines.map((line) => {
    const quantity = Quantity.safeParse(line.quantity);
    const unitPrice = Amount.safeParse(line.unitPrice);
    const discount = DiscountPercent.safeParse(line.discountPercent.trim() === "" ? "0" : line.discountPercent);
    return quantity.success && unitPrice.success && discount.success
      ? { quantity: quantity.data, unitPrice: unitPrice.data, discountPercent: discount.data }
      : null;
  });
  const priced = priceLines(valid.filter((line): line is PricedLine => line !== null));
  let next = 0;
  return {
    lineTotals: valid.map((line) => (line ? priced.lineTotals[next++]!.lineTotal : null)),
    totals: priced.totals,
  };
}
