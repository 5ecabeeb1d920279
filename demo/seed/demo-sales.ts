import { priceLines } from "contract";
import type { PrismaClient } from "../../service/src/generated/prisma/client";
import { seedDemoCrossReferences, seedDemoItems } from "./demo-items";

type Tx = Parameters<Parameters<PrismaClient["$transaction"]>[0]>[0];
const DAY = 24 * 3_600_000;
const day = (now: Date, days: number) =>
  new Date(`${new Date(now.getTime() + days * DAY).toISOString().slice(0, 10)}T00:00:00.000Z`);

/** Northwind Traders (status 1, approved) may receive quotes and orders: the demo's sales customer. */
export const DEMO_SALES_ACCOUNT = "10002";

/**
 * The item master and Northwind's own codes for three items (demo-items.ts); special prices for Northwind (one expired, one in dollars, so the pane's prefill has something to
 * decide), an open quote and an open order whose totals come from the service's pricing code.
 */
export async function seedDemoSales(tx: Tx, managerId: string, salesmanId: string, now: Date): Promise<void> {
  await seedDemoItems(tx);
  const customer = await tx.customer.findUnique({
    where: { accountNumber: DEMO_SALES_ACCOUNT },
    select: { id: true, contacts: { select: { id: true }, take: 1 } },
  });
  if (!customer) return;
  await seedDemoCrossReferences(tx, customer.id);
  const prices = [
    { item: "PUMP-200", description: "Pump 200 l/min, framework agreement", unitPrice: "17.50", discountPercent: "5" },
    { item: "SEAL-KIT", description: "Seal kit for PUMP-200", unitPrice: "0.89", discountPercent: "0" },
    { item: "PUMP-200", currency: "USD", unitPrice: "21.00", discountPercent: "0" },
    { item: "FILTER-10", description: "Filter, last year's offer", unitPrice: "4.20", validUntil: day(now, -10) },
  ];
  for (const price of prices)
    await tx.specialPrice.create({
      data: {
        customerId: customer.id,
        currency: "EUR",
        validFrom: day(now, -60),
        createdById: managerId,
        ...price,
      },
    });

  const document = (
    lines: {
      item: string;
      customerItem?: string;
      description: string;
      quantity: string;
      unitPrice: string;
      discountPercent: string;
    }[],
  ) => {
    const priced = priceLines(lines);
    return {
      customerId: customer.id,
      contactId: customer.contacts[0]?.id ?? null,
      currency: "EUR",
      subtotal: priced.totals.subtotal,
      discountTotal: priced.totals.discount,
      total: priced.totals.total,
      createdById: salesmanId,
      lines: {
        create: lines.map((line, index) => ({
          ...line,
          position: index + 1,
          lineTotal: priced.lineTotals[index]!.lineTotal,
        })),
      },
    };
  };
  await tx.quote.create({
    data: {
      ...document([
        { item: "PUMP-200", description: "Pump 200 l/min", quantity: "4", unitPrice: "17.50", discountPercent: "5" },
        { item: "SEAL-KIT", description: "Seal kit", quantity: "8", unitPrice: "0.89", discountPercent: "0" },
      ]),
      title: "Pumps for the new warehouse",
      validUntil: day(now, 30),
      createdAt: new Date(now.getTime() - 3 * DAY),
    },
  });
  await tx.salesOrder.create({
    data: {
      ...document([
        {
          item: "PUMP-200",
          customerItem: "NW-44017",
          description: "Pump 200 l/min",
          quantity: "2",
          unitPrice: "17.50",
          discountPercent: "5",
        },
        {
          item: "SERVICE",
          description: "Installation on site",
          quantity: "1.5",
          unitPrice: "95.00",
          discountPercent: "0",
        },
      ]),
      title: "Replacement pumps, London depot",
      createdAt: new Date(now.getTime() - 8 * DAY),
    },
  });
}
