import type { SalesLine, SpecialPrice } from "contract";
import { specialPriceOn } from "contract";

/** A line as typed; `special` marks a price that was filled in from the customer's special price. */
export interface LineDraft {
  key: number;
  item: string;
  /** The customer's code the service stored beside ours; dropped once the item is changed. */
  customerItem: string | null;
  description: string;
  quantity: string;
  unitPrice: string;
  discountPercent: string;
  special: boolean;
}

let keys = 0;
export const emptyLine = (): LineDraft => ({
  key: ++keys,
  item: "",
  customerItem: null,
  description: "",
  quantity: "1",
  unitPrice: "",
  discountPercent: "",
  special: false,
});
export const lineFrom = (line: SalesLine): LineDraft => ({
  key: ++keys,
  item: line.item,
  customerItem: line.customerItem,
  description: line.description ?? "",
  quantity: line.quantity,
  unitPrice: line.unitPrice,
  discountPercent: line.discountPercent,
  special: false,
});

/**
 * Fills the price and discount from the customer's special price for the item, currency and day, as
 * the service would. Only a price nobody typed is replaced: an empty one, or one filled in before.
 * `ourCode` is the item the line's code stands for (the customer's code maps to ours).
 */
export function withSpecialPrice(
  line: LineDraft,
  prices: SpecialPrice[],
  currency: string,
  day: string,
  ourCode: (code: string) => string = (code) => code,
): LineDraft {
  if (line.unitPrice.trim() !== "" && !line.special) return line;
  const special = specialPriceOn(prices, ourCode(line.item.trim()), currency, day);
  if (special)
    return { ...line, unitPrice: special.unitPrice, discountPercent: special.discountPercent, special: true };
  return line.special ? { ...line, unitPrice: "", discountPercent: "", special: false } : line;
}

/** What the service receives: empty price or discount left out, so the service applies its default. */
export const lineInput = (line: LineDraft) => ({
  item: line.item,
  description: line.description.trim() || null,
  quantity: line.quantity.trim(),
  ...(line.unitPrice.trim() && { unitPrice: line.unitPrice.trim() }),
  ...(line.discountPercent.trim() && { discountPercent: line.discountPercent.trim() }),
});
