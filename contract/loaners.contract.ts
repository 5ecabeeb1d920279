import { z } from "zod";
import { Id, IsoDate, IsoDateTime, OptionalText, UserRef } from "./common.contract";

/** STANDARD: goods sold. LOANER: equipment lent to the customer, due back on a day and closed by its return. */
export const OrderType = z.enum(["STANDARD", "LOANER"]);
export type OrderType = z.infer<typeof OrderType>;

/**
 * Taking a loaner back: the day it came back (not before the order's creation day, not after today in
 * the caller's time zone) and an optional remark ("one hose missing"); who took it back is the caller.
 */
export const LoanerReturnCreate = z.object({ returnedOn: IsoDate, remark: OptionalText(1000) });
export type LoanerReturnCreate = z.infer<typeof LoanerReturnCreate>;

export const LoanerReturn = z.object({
  returnedOn: IsoDate,
  returnedBy: UserRef,
  remark: z.string().nullable(),
  recordedAt: IsoDateTime,
});
export type LoanerReturn = z.infer<typeof LoanerReturn>;

/** A returned loaner: CLOSED, with its return; the same answer however often the return is sent. */
export const LoanerReturned = z.object({
  orderId: Id,
  number: z.number().int(),
  status: z.literal("CLOSED"),
  version: z.number().int(),
  loanerReturn: LoanerReturn,
  /**
   * The overdue reminder task: CANCELLED when the loaner came back by its due day, FINISHED when late
   * (PLANNED only if it was reopened by hand); null when none had been planned.
   */
  reminder: z.object({ activityId: Id, status: z.enum(["PLANNED", "FINISHED", "CANCELLED"]) }).nullable(),
});
export type LoanerReturned = z.infer<typeof LoanerReturned>;

/** An open loaner on the customer's record, soonest due first; overdue: its due day is before today (the caller's zone). */
export const OpenLoaner = z.object({
  id: Id,
  number: z.number().int(),
  title: z.string().nullable(),
  dueBackOn: IsoDate,
  overdue: z.boolean(),
});
export type OpenLoaner = z.infer<typeof OpenLoaner>;

/** One rule for both sides: a loaner is overdue once its due-back day has passed (today is the reader's day). */
export const loanerOverdue = (dueBackOn: string, today: string): boolean => dueBackOn < today;
