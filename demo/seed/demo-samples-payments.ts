import type { PrismaClient } from "../../service/src/generated/prisma/client";
import { dateFromDay } from "../../service/src/shared/calendar-date";

type Tx = Parameters<Parameters<PrismaClient["$transaction"]>[0]>[0];

/** Fabrikam: samples left at the last visit, its call's outcome, and two payment agreements. */
export const DEMO_SAMPLES_ACCOUNT = "10001";

export async function seedDemoSamplesAndPayments(tx: Tx, users: Map<string, string>, now: Date) {
  const alice = users.get("alice@contoso.com")!;
  const maria = users.get("maria@contoso.com")!;
  const customer = await tx.customer.findUniqueOrThrow({ where: { accountNumber: DEMO_SAMPLES_ACCOUNT } });
  const finished = await tx.activity.findMany({
    where: { customerId: customer.id, status: "FINISHED" },
    orderBy: { startsAt: "asc" },
  });
  const call = finished.find((activity) => activity.type === "CALL");
  const visit = finished.find((activity) => activity.type === "VISIT");
  // The adoption pathway charts what calls recorded: the finished call had an interested buyer.
  if (call) await tx.callResult.create({ data: { activityId: call.id, outcome: "INTERESTED" } });
  if (visit?.contactId)
    await tx.sample.createMany({
      data: [
        { itemCode: "PUMP-SEAL-KIT", description: "Seal kit for PUMP-200", quantity: 2, batch: "SK-2026-041" },
        { itemCode: "FILTER-F7", description: "Filter cartridge F7", quantity: 5, batch: "F7-26-1187" },
      ].map((sample) => ({
        ...sample,
        customerId: customer.id,
        contactId: visit.contactId!,
        activityId: visit.id,
        handedOverAt: visit.startsAt,
        handedOverById: alice,
      })),
    });

  const year = now.getUTCFullYear();
  const approved = await tx.paymentAgreement.create({
    data: {
      customerId: customer.id,
      purpose: `Year-end rebate ${year} (2 % of turnover)`,
      amount: "4800.00",
      remaining: "3600.00",
      currency: "EUR",
      periodFrom: dateFromDay(`${year}-01-01`),
      periodTo: dateFromDay(`${year}-12-31`),
      status: "APPROVED",
      proposedById: alice,
      decidedById: maria,
      decidedAt: new Date(now.getTime() - 60 * 24 * 3_600_000),
      decisionNote: "Within the framework agreement",
    },
  });
  await tx.payment.create({
    data: {
      agreementId: approved.id,
      amount: "1200.00",
      paidOn: dateFromDay(`${year}-07-01`),
      reference: "Credit note CN-4471",
      recordedById: maria,
    },
  });
  await tx.paymentAgreement.create({
    data: {
      customerId: customer.id,
      purpose: "Listing fee, new filter range",
      amount: "750.00",
      remaining: "750.00",
      currency: "EUR",
      periodFrom: dateFromDay(`${year + 1}-01-01`),
      periodTo: dateFromDay(`${year + 1}-03-31`),
      proposedById: alice,
    },
  });
}
