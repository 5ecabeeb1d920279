import { z } from "zod";
import { Id, IsoDate, IsoDateTime, OptionalText, Text, UserRef } from "./common.contract";
import { Amount, Currency } from "./money.contract";

// ---- Agreements for payments to a customer (fees, rebates) and the payments made against them.

export const PAYMENT_AGREEMENT_STATUSES = ["PROPOSED", "APPROVED", "REJECTED"] as const;
export const PaymentAgreementStatus = z.enum(PAYMENT_AGREEMENT_STATUSES);
export type PaymentAgreementStatus = z.infer<typeof PaymentAgreementStatus>;

const periodInOrder = (value: { periodFrom: string; periodTo: string }) => value.periodTo >= value.periodFrom;

/** Anyone may propose one; a manager approves or rejects it. */
export const PaymentAgreementCreate = z
  .object({
    /** e.g. "Listing fee 2027", "Year-end rebate 3 %". */
    purpose: Text(500),
    amount: Amount,
    currency: Currency,
    periodFrom: IsoDate,
    periodTo: IsoDate,
  })
  .refine(periodInOrder, { message: "must not be before periodFrom", path: ["periodTo"] });
export type PaymentAgreementCreate = z.infer<typeof PaymentAgreementCreate>;

export const PaymentAgreementDecision = z.object({
  decision: z.enum(["APPROVED", "REJECTED"]),
  note: OptionalText(1000),
});
export type PaymentAgreementDecision = z.infer<typeof PaymentAgreementDecision>;

/** A payment against an approved agreement, in its currency, never above what remains. */
export const PaymentCreate = z.object({
  amount: Amount,
  currency: Currency,
  paidOn: IsoDate,
  /** e.g. the credit note or transfer number. */
  reference: OptionalText(100),
});
export type PaymentCreate = z.infer<typeof PaymentCreate>;

export const Payment = z.object({
  id: Id,
  amount: z.string(),
  paidOn: IsoDate,
  reference: z.string().nullable(),
  recordedBy: UserRef,
  createdAt: IsoDateTime,
});
export type Payment = z.infer<typeof Payment>;

export const PaymentAgreement = z.object({
  id: Id,
  customerId: Id,
  purpose: z.string(),
  /** Decimal strings, as quotes answer them. */
  amount: z.string(),
  paid: z.string(),
  remaining: z.string(),
  currency: z.string(),
  periodFrom: IsoDate,
  periodTo: IsoDate,
  status: PaymentAgreementStatus,
  proposedBy: UserRef,
  createdAt: IsoDateTime,
  decidedBy: UserRef.nullable(),
  decidedAt: IsoDateTime.nullable(),
  decisionNote: z.string().nullable(),
  /** Newest first; the latest few on the record. */
  payments: z.array(Payment),
});
export type PaymentAgreement = z.infer<typeof PaymentAgreement>;
export const PaymentAgreementList = z.object({ items: z.array(PaymentAgreement) });
