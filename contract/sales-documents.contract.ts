import { z } from "zod";
import { Id, IsoDate, IsoDateTime, OptionalText, Text, UserRef, VersionField } from "./common.contract";
import { LoanerReturn, OrderType } from "./loaners.contract";
import { Amount, Currency, DecimalString } from "./money.contract";

/** Quantity, up to three decimals, more than zero. */
export const Quantity = DecimalString(9, 3).refine((value) => Number(value) > 0, { message: "must be more than 0" });
/** Discount in percent, 0 to 100, up to two decimals. */
export const DiscountPercent = DecimalString(3, 2).refine((value) => Number(value) <= 100, {
  message: "must be at most 100",
});

/**
 * item: our item code or the customer's own (a cross-reference); an unknown or inactive one is a 400
 * naming the line's item. The line stores our code, and the customer's code beside it.
 * unitPrice omitted: the customer's special price for the item in the document's currency, valid on
 * the document's day (400 naming the field when there is none); its discount too unless one is given.
 * An explicit unitPrice always wins, and then an omitted discount is 0.
 */
export const SalesLineInput = z.object({
  item: Text(80),
  description: OptionalText(1000),
  quantity: Quantity,
  unitPrice: Amount.optional(),
  discountPercent: DiscountPercent.optional(),
});
export type SalesLineInput = z.infer<typeof SalesLineInput>;
const Lines = z.array(SalesLineInput).min(1).max(200);

/** Amounts as decimal strings; the service computes line and document totals (rounded half up to cents). */
export const SalesLine = z.object({
  position: z.number().int(),
  /** Our item code. */
  item: z.string(),
  /** The customer's own code for it: the one the line was entered with, else their cross-reference, else null. */
  customerItem: z.string().nullable(),
  description: z.string().nullable(),
  quantity: z.string(),
  unitPrice: z.string(),
  discountPercent: z.string(),
  /** quantity × unit price less the discount. */
  lineTotal: z.string(),
});
export type SalesLine = z.infer<typeof SalesLine>;
/** subtotal: before discounts; discount: all line discounts; total = subtotal − discount. */
export const DocumentTotals = z.object({ subtotal: z.string(), discount: z.string(), total: z.string() });
export type DocumentTotals = z.infer<typeof DocumentTotals>;

export const QuoteStatus = z.enum(["OPEN", "CONVERTED", "CANCELLED"]);
export const OrderStatus = z.enum(["OPEN", "CLOSED", "CANCELLED"]);

const DocumentFields = {
  customerId: Id,
  contactId: Id.nullable().optional(),
  title: OptionalText(255),
  currency: Currency.default("EUR"),
  lines: Lines,
};

export const QuoteCreate = z.object({ ...DocumentFields, validUntil: IsoDate.nullable().optional() });
export type QuoteCreate = z.infer<typeof QuoteCreate>;
/** Only an OPEN quote changes; status CANCELLED withdraws it. */
export const QuoteUpdate = VersionField.extend({
  contactId: Id.nullable().optional(),
  title: OptionalText(255),
  validUntil: IsoDate.nullable().optional(),
  lines: Lines.optional(),
  status: z.enum(["CANCELLED"]).optional(),
});
export type QuoteUpdate = z.infer<typeof QuoteUpdate>;
export const QuoteConvert = VersionField;

/** A LOANER needs dueBackOn (not before today in the caller's time zone); a STANDARD order has none. */
export const OrderCreate = z.object({
  ...DocumentFields,
  type: OrderType.default("STANDARD"),
  dueBackOn: IsoDate.optional(),
});
export type OrderCreate = z.infer<typeof OrderCreate>;
/** Only an OPEN order changes; status CLOSED or CANCELLED ends it. */
export const OrderUpdate = VersionField.extend({
  contactId: Id.nullable().optional(),
  title: OptionalText(255),
  lines: Lines.optional(),
  /** An open loaner's new due-back day (not before its creation day); a loaner is CLOSED by its return, not here. */
  dueBackOn: IsoDate.optional(),
  status: z.enum(["CLOSED", "CANCELLED"]).optional(),
});
export type OrderUpdate = z.infer<typeof OrderUpdate>;

const DocumentBase = z.object({
  id: Id,
  /** Shown to people: Q-<number>, SO-<number>. */
  number: z.number().int(),
  customerId: Id,
  contactId: Id.nullable(),
  title: z.string().nullable(),
  currency: z.string(),
  lines: z.array(SalesLine),
  totals: DocumentTotals,
  createdBy: UserRef,
  createdAt: IsoDateTime,
  modifiedAt: IsoDateTime,
  version: z.number().int(),
});
export const Quote = DocumentBase.extend({
  status: QuoteStatus,
  validUntil: IsoDate.nullable(),
  /** The order it was converted to. */
  orderId: Id.nullable(),
});
export type Quote = z.infer<typeof Quote>;
export const SalesOrder = DocumentBase.extend({
  status: OrderStatus,
  /** The quote it was converted from. */
  quoteId: Id.nullable(),
  type: OrderType,
  /** A loaner's due-back day; null for STANDARD. */
  dueBackOn: IsoDate.nullable(),
  /** A returned loaner's return (it is then CLOSED); null otherwise. */
  loanerReturn: LoanerReturn.nullable(),
});
export type SalesOrder = z.infer<typeof SalesOrder>;

export const SalesDocumentListQuery = z.object({ customerId: Id });
export const QuoteList = z.object({ items: z.array(Quote) });
export const SalesOrderList = z.object({ items: z.array(SalesOrder) });

// zod runs the refinement even after the pattern failed, and Intl throws on a malformed tag.
function formatsFor(tag: string): boolean {
  try {
    return Intl.NumberFormat.supportedLocalesOf(tag).length > 0;
  } catch {
    return false;
  }
}

/** A BCP 47 language tag the runtime formats for (de-DE, en-GB, fr-CH). */
export const Locale = z
  .string()
  .max(35)
  .regex(/^[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8})*$/, { message: "must be a language tag such as de-DE" })
  .refine(formatsFor, { message: "is not a language this service formats" });
/** locale: how amounts and dates read; without it, the request's Accept-Language, else en-GB. */
export const SalesDocumentPdfQuery = z.object({ locale: Locale.optional() });
