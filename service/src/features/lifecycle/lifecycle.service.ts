import type {
  Customer,
  LifecycleChange,
  LifecycleResult,
  LifecycleSection,
  LifecycleState,
  LifecycleTransition,
} from "contract";
import { LIFECYCLE_TRANSITIONS } from "contract";
import type { CurrentUser } from "../../auth/current-user";
import { type Permission, can, requirePermission } from "../../auth/permissions";
import { AppError, staleVersion } from "../../shared/app-error";
import type { CustomerAccess } from "../../shared/ports/customer-access.port";
import type { LifecycleRepository } from "./lifecycle.repository";

/**
 * The lifecycle rules. DECLINED is not a state a customer stays in: "Decline: back to New with a
 * reason" is a transition RELEASED → NEW, and the history keeps the reason. Customers left in
 * DECLINED by older data may be released again like NEW ones.
 */
const RULES: Record<
  LifecycleTransition,
  { from: LifecycleState[]; to: LifecycleState; verb: string; permission: Permission }
> = {
  RELEASE: { from: ["NEW", "DECLINED"], to: "RELEASED", verb: "released", permission: "customers:release" },
  APPROVE: { from: ["RELEASED"], to: "ACTIVE", verb: "approved", permission: "customers:approve" },
  DECLINE: { from: ["RELEASED"], to: "NEW", verb: "declined", permission: "customers:approve" },
};

export interface LifecycleService {
  /** What the record shows: state, the transitions this caller may perform now, history. */
  section(customer: Customer, user: CurrentUser): Promise<LifecycleSection>;
  /** The same for a customer by id (404 unless it exists). */
  sectionOf(customerId: string, user: CurrentUser): Promise<LifecycleSection>;
  perform(
    customerId: string,
    transition: LifecycleTransition,
    input: { version: number; reason?: string },
    user: CurrentUser,
  ): Promise<LifecycleResult>;
}

/** Who may perform which transition is the authorisation table's (customers:release, customers:approve). */
const linkedTo = (customer: Customer, user: CurrentUser) => ({
  linked: customer.salesmen.some((salesman) => salesman.id === user.id),
});
const mayPerform = (transition: LifecycleTransition, customer: Customer, user: CurrentUser) =>
  can(user, RULES[transition].permission, linkedTo(customer, user));

const allowed = (customer: Customer, user: CurrentUser) =>
  LIFECYCLE_TRANSITIONS.filter(
    (transition) => RULES[transition].from.includes(customer.lifecycle) && mayPerform(transition, customer, user),
  );

/** The section for a customer whose history (newest first) is already read: the record reads it with the rest. */
export const lifecycleSection = (
  customer: Customer,
  user: CurrentUser,
  history: LifecycleChange[],
): LifecycleSection => ({
  state: customer.lifecycle,
  allowedTransitions: allowed(customer, user),
  history,
});

export function createLifecycleService(customers: CustomerAccess, lifecycle: LifecycleRepository): LifecycleService {
  const section = async (customer: Customer, user: CurrentUser): Promise<LifecycleSection> =>
    lifecycleSection(customer, user, await lifecycle.history(customer.id));

  return {
    section,
    sectionOf: async (customerId, user) => section(await customers.get(customerId), user),

    async perform(customerId, transition, input, user) {
      const customer = await customers.get(customerId);
      const rule = RULES[transition];
      requirePermission(user, rule.permission, linkedTo(customer, user));
      if (!rule.from.includes(customer.lifecycle)) {
        const message = `This customer is ${customer.lifecycle}; only a ${rule.from[0]} customer can be ${rule.verb}`;
        throw new AppError("conflict", message, [{ field: "lifecycle", message }]);
      }
      if (customer.version !== input.version) throw staleVersion("This customer");
      const moved = await lifecycle.transition({
        customerId,
        version: input.version,
        from: customer.lifecycle,
        to: rule.to,
        transition,
        reason: input.reason ?? null,
        userId: user.id,
      });
      if (!moved) throw staleVersion("This customer");
      const updated = await customers.get(customerId);
      return { customer: updated, lifecycle: await section(updated, user) };
    },
  };
}
