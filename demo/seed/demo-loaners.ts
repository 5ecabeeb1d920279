import type { PrismaClient } from "../../service/src/generated/prisma/client";
import { DEMO_SALES_ACCOUNT } from "./demo-sales";

type Tx = Parameters<Parameters<PrismaClient["$transaction"]>[0]>[0];
const DAY = 24 * 3_600_000;
const dayOf = (instant: Date) => new Date(`${instant.toISOString().slice(0, 10)}T00:00:00.000Z`);

/**
 * One overdue loaner for Northwind: demo pumps lent three weeks ago, due back five days ago. The
 * service's reminder job plans its salesman's TASK on its first round, as it would for any loaner.
 */
export async function seedDemoLoaners(tx: Tx, salesmanId: string, now: Date): Promise<void> {
  const customer = await tx.customer.findUnique({ where: { accountNumber: DEMO_SALES_ACCOUNT }, select: { id: true } });
  if (!customer) return;
  await tx.salesOrder.create({
    data: {
      customerId: customer.id,
      type: "LOANER",
      title: "Demo pumps for the trial run",
      currency: "EUR",
      subtotal: "0.00",
      discountTotal: "0.00",
      total: "0.00",
      createdById: salesmanId,
      createdAt: new Date(now.getTime() - 21 * DAY),
      dueBackOn: dayOf(new Date(now.getTime() - 5 * DAY)),
      lines: {
        create: [
          {
            position: 1,
            item: "PUMP-200",
            description: "Pump 200 l/min, demo unit",
            quantity: "2",
            unitPrice: "0.00",
            discountPercent: "0",
            lineTotal: "0.00",
          },
        ],
      },
    },
  });
}
