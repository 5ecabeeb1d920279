import { z } from "zod";
import { Id, IsoDate, IsoDateTime, OptionalText, Text, UserRef, VersionField } from "./common.contract";
import { Amount, Currency } from "./money.contract";
import { DiscountPercent } from "./sales-documents.contract";

// ---- Special prices: a price agreed with one customer for one item and currency; quote and order
// lines default to it on the document's day.

// No defaults here: zod applies defaults inside .partial(), and an update must not reset what it omits.
const SpecialPriceFields = z.object({
  /** The item code as used on quote and order lines. */
  item: Text(80),
  description: OptionalText(1000),
  currency: Currency,
  unitPrice: Amount,
  discountPercent: DiscountPercent,
  /** First and last day it applies, both inclusive; open-ended when empty. */
  validFrom: IsoDate.nullable().optional(),
  validUntil: IsoDate.nullable().optional(),
});
const untilNotBeforeFrom = (value: { validFrom?: string | null; validUntil?: string | null }) =>
  !value.validFrom || !value.validUntil || value.validUntil >= value.validFrom;
const untilIssue = { message: "must not be before validFrom", path: ["validUntil"] };

export const SpecialPriceCreate = SpecialPriceFields.extend({
  currency: Currency.default("EUR"),
  discountPercent: DiscountPercent.default("0"),
}).refine(untilNotBeforeFrom, untilIssue);
export type SpecialPriceCreate = z.infer<typeof SpecialPriceCreate>;
export const SpecialPriceUpdate = SpecialPriceFields.partial()
  .extend(VersionField.shape)
  .refine(untilNotBeforeFrom, untilIssue);
export type SpecialPriceUpdate = z.infer<typeof SpecialPriceUpdate>;

export const SpecialPrice = z.object({
  id: Id,
  customerId: Id,
  item: z.string(),
  description: z.string().nullable(),
  currency: z.string(),
  unitPrice: z.string(),
  discountPercent: z.string(),
  validFrom: IsoDate.nullable(),
  validUntil: IsoDate.nullable(),
  createdBy: UserRef,
  createdAt: IsoDateTime,
  modifiedAt: IsoDateTime,
  version: z.number().int(),
});
export type SpecialPrice = z.infer<typeof SpecialPrice>;
export const SpecialPriceList = z.object({ items: z.array(SpecialPrice) });

/**
 * The customer's price for an item in a currency on a day (YYYY-MM-DD, validity inclusive), or
 * null. The service fills omitted line prices with it; the pane prefills the price field with it.
 */
export function specialPriceOn<P extends Pick<SpecialPrice, "item" | "currency" | "validFrom" | "validUntil">>(
  prices: P[],
  item: string,
  currency: string,
  day: string,
): P | null {
  return (
    prices.find(
      (price) =>
        price.item === item.trim() &&
        price.currency === currency.trim().toUpperCase() &&
        (!price.validFrom || price.validFrom <= day) &&
        (!price.validUntil || day <= price.validUntil),
    ) ?? null
  );
}
