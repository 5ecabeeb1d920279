import type { PaymentAgreement, PaymentAgreementStatus } from "contract";
import { fromScaled, toScaled } from "contract/line-pricing";
import { USER_REF_SELECT } from "../../db/user-ref";
import { Prisma, type PrismaClient } from "../../generated/prisma/client";
import { dayFromDate } from "../../shared/calendar-date";

/** The latest payments an agreement answers with (its remaining amount counts them all). */
export const PAYMENTS_SHOWN = 20;

export interface AgreementWrite {
  purpose: string;
  /** Decimal strings with two decimals. */
  amount: string;
  currency: string;
  periodFrom: Date;
  periodTo: Date;
}

export interface PaymentWrite {
  amount: string;
  paidOn: Date;
  reference: string | null;
}

export interface PaymentsRepository {
  propose(customerId: string, data: AgreementWrite, userId: string): Promise<PaymentAgreement>;
  findById(id: string): Promise<PaymentAgreement | null>;
  listForCustomer(customerId: string, limit: number): Promise<PaymentAgreement[]>;
  /** False when the agreement is no longer PROPOSED (someone decided first). */
  decide(
    id: string,
    status: Exclude<PaymentAgreementStatus, "PROPOSED">,
    note: string | null,
    userId: string,
  ): Promise<boolean>;
  /**
   * The payment and the agreement's lower remaining amount, or nothing: false when the agreement is
   * not APPROVED or less than the amount remains. One conditional UPDATE decides, so two payments at
   * once cannot both take the last of it (PostgreSQL re-checks the condition on the locked row).
   */
  pay(agreementId: string, data: PaymentWrite, userId: string): Promise<boolean>;
}

const INCLUDE = {
  proposedBy: { select: USER_REF_SELECT },
  decidedBy: { select: USER_REF_SELECT },
  payments: {
    include: { recordedBy: { select: USER_REF_SELECT } },
    orderBy: [{ paidOn: "desc" }, { createdAt: "desc" }, { id: "asc" }],
    take: PAYMENTS_SHOWN,
  },
} satisfies Prisma.PaymentAgreementInclude;
export type PaymentAgreementRow = Prisma.PaymentAgreementGetPayload<{ include: typeof INCLUDE }>;

const money = (value: Prisma.Decimal) => value.toFixed(2);

export const toPaymentAgreement = (row: PaymentAgreementRow): PaymentAgreement => ({
  id: row.id,
  customerId: row.customerId,
  purpose: row.purpose,
  amount: money(row.amount),
  // In integer cents, as quotes count: no float touches the money.
  paid: fromScaled(toScaled(money(row.amount), 2) - toScaled(money(row.remaining), 2), 2),
  remaining: money(row.remaining),
  currency: row.currency,
  periodFrom: dayFromDate(row.periodFrom),
  periodTo: dayFromDate(row.periodTo),
  status: row.status,
  proposedBy: row.proposedBy,
  createdAt: row.createdAt.toISOString(),
  decidedBy: row.decidedBy,
  decidedAt: row.decidedAt?.toISOString() ?? null,
  decisionNote: row.decisionNote,
  payments: row.payments.map((payment) => ({
    id: payment.id,
    amount: money(payment.amount),
    paidOn: dayFromDate(payment.paidOn),
    reference: payment.reference,
    recordedBy: payment.recordedBy,
    createdAt: payment.createdAt.toISOString(),
  })),
});

export function createPaymentsRepository(prisma: PrismaClient): PaymentsRepository {
  return {
    async propose(customerId, data, userId) {
      const row = await prisma.paymentAgreement.create({
        data: { ...data, remaining: data.amount, customerId, proposedById: userId },
        include: INCLUDE,
      });
      return toPaymentAgreement(row);
    },

    async findById(id) {
      const row = await prisma.paymentAgreement.findUnique({ where: { id }, include: INCLUDE });
      return row ? toPaymentAgreement(row) : null;
    },

    async listForCustomer(customerId, limit) {
      const rows = await prisma.paymentAgreement.findMany({
        where: { customerId },
        include: INCLUDE,
        orderBy: [{ createdAt: "desc" }, { id: "asc" }],
        take: limit,
      });
      return rows.map(toPaymentAgreement);
    },

    async decide(id, status, note, userId) {
      const { count } = await prisma.paymentAgreement.updateMany({
        where: { id, status: "PROPOSED" },
        data: { status, decisionNote: note, decidedById: userId, decidedAt: new Date() },
      });
      return count === 1;
    },

    async pay(agreementId, data, userId) {
      return prisma.$transaction(async (tx) => {
        const amount = new Prisma.Decimal(data.amount);
        const { count } = await tx.paymentAgreement.updateMany({
          where: { id: agreementId, status: "APPROVED", remaining: { gte: amount } },
          data: { remaining: { decrement: amount } },
        });
        if (count === 0) return false;
        await tx.payment.create({ data: { ...data, amount, agreementId, recordedById: userId } });
        return true;
      });
    },
  };
}
