import type { PaymentAgreement, PaymentAgreementCreate, PaymentAgreementDecision, PaymentCreate } from "contract";
import { fromScaled, toScaled } from "contract";
import type { CurrentUser } from "../../auth/current-user";
import { AppError, badRequest, notFound } from "../../shared/app-error";
import { dateFromDay } from "../../shared/calendar-date";
import type { Access } from "../../shared/ports/access.port";
import type { CustomerAccess } from "../../shared/ports/customer-access.port";
import type { PaymentsRepository } from "./payments.repository";

export interface PaymentsService {
  list(customerId: string): Promise<{ items: PaymentAgreement[] }>;
  propose(customerId: string, input: PaymentAgreementCreate, user: CurrentUser): Promise<PaymentAgreement>;
  decide(id: string, input: PaymentAgreementDecision, user: CurrentUser): Promise<PaymentAgreement>;
  pay(id: string, input: PaymentCreate, user: CurrentUser): Promise<PaymentAgreement>;
}

/** The agreements a customer's list answers with, newest first. */
const LIST_LIMIT = 100;

/** Two decimals, so that the database and the answer carry the same digits ("12.5" → "12.50"). */
const cents = (amount: string) => fromScaled(toScaled(amount, 2), 2);

/**
 * Payments to a customer: anyone proposes an agreement, a manager (or an admin) approves or rejects
 * it, and payments are made only against an approved one, in its currency, never above what remains.
 */
export function createPaymentsService(
  payments: PaymentsRepository,
  ports: { customers: CustomerAccess; access: Access },
): PaymentsService {
  async function find(id: string) {
    return (await payments.findById(id)) ?? Promise.reject(notFound("payment agreement", id));
  }

  return {
    async list(customerId) {
      await ports.customers.require(customerId);
      return { items: await payments.listForCustomer(customerId, LIST_LIMIT) };
    },

    async propose(customerId, input, user) {
      await ports.access.require(user, "payments:propose", { customerId });
      await ports.customers.require(customerId);
      if (toScaled(input.amount, 2) === 0n) throw badRequest("body.amount", "must be more than 0");
      return payments.propose(
        customerId,
        {
          purpose: input.purpose,
          amount: cents(input.amount),
          currency: input.currency,
          periodFrom: dateFromDay(input.periodFrom),
          periodTo: dateFromDay(input.periodTo),
        },
        user.id,
      );
    },

    async decide(id, input, user) {
      const agreement = await find(id);
      // The service decides who approves, whatever the pane shows.
      await ports.access.require(user, "payments:approve", { customerId: agreement.customerId });
      if (!(await payments.decide(id, input.decision, input.note ?? null, user.id)))
        throw new AppError("conflict", `This agreement is already ${(await find(id)).status.toLowerCase()}`, [
          { field: "status", message: "is not PROPOSED" },
        ]);
      return find(id);
    },

    async pay(id, input, user) {
      const agreement = await find(id);
      await ports.access.require(user, "payments:record", { customerId: agreement.customerId });
      if (input.currency !== agreement.currency)
        throw badRequest("body.currency", `must be the agreement's currency, ${agreement.currency}`);
      const amount = toScaled(input.amount, 2);
      if (amount === 0n) throw badRequest("body.amount", "must be more than 0");
      const paid = await payments.pay(
        id,
        { amount: fromScaled(amount, 2), paidOn: dateFromDay(input.paidOn), reference: input.reference ?? null },
        user.id,
      );
      if (paid) return find(id);
      // Refused by the conditional update: say why, as the agreement stands now (another payment may have come first).
      const now = await find(id);
      if (now.status !== "APPROVED")
        throw new AppError(
          "conflict",
          `Only an approved agreement takes payments; this one is ${now.status.toLowerCase()}`,
          [{ field: "status", message: "is not APPROVED" }],
        );
      throw new AppError("conflict", `The payment is more than the ${now.remaining} ${now.currency} that remain`, [
        { field: "body.amount", message: `must not be more than the remaining ${now.remaining}` },
      ]);
    },
  };
}
