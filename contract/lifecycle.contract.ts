import { z } from "zod";
import { Id, IsoDateTime, Text, UserRef, VersionField } from "./common.contract";
import { Customer, Lifecycle } from "./customers.contract";

/**
 * Release (NEW → RELEASED, a linked salesman, a manager or an admin), approve (RELEASED → ACTIVE,
 * manager or admin) and decline (RELEASED → NEW with a reason, manager or admin). A decline is a
 * transition back to NEW, recorded in the history; no customer is left in the state DECLINED.
 */
export const LIFECYCLE_TRANSITIONS = ["RELEASE", "APPROVE", "DECLINE"] as const;
export const LifecycleTransition = z.enum(LIFECYCLE_TRANSITIONS);
export type LifecycleTransition = z.infer<typeof LifecycleTransition>;
export type LifecycleState = z.infer<typeof Lifecycle>;

export const LifecycleRelease = VersionField;
export const LifecycleApprove = VersionField;
export const LifecycleDecline = VersionField.extend({ reason: Text(1000) });
export type LifecycleDecline = z.infer<typeof LifecycleDecline>;

export const LifecycleChange = z.object({
  id: Id,
  transition: LifecycleTransition,
  from: Lifecycle,
  to: Lifecycle,
  reason: z.string().nullable(),
  changedBy: UserRef,
  changedAt: IsoDateTime,
});
export type LifecycleChange = z.infer<typeof LifecycleChange>;

/** Where a customer stands, what the caller may do now, and every transition so far (newest first). */
export const LifecycleSection = z.object({
  state: Lifecycle,
  allowedTransitions: z.array(LifecycleTransition),
  history: z.array(LifecycleChange),
});
export type LifecycleSection = z.infer<typeof LifecycleSection>;

export const LifecycleResult = z.object({ customer: Customer, lifecycle: LifecycleSection });
export type LifecycleResult = z.infer<typeof LifecycleResult>;

/** The complete set of salesmen linked to a customer (check boxes over all users). */
export const SalesmenUpdate = VersionField.extend({ salesmanIds: z.array(Id).max(50) });
export type SalesmenUpdate = z.infer<typeof SalesmenUpdate>;
