import type { PrismaClient } from "../../service/src/generated/prisma/client";

type Tx = Parameters<Parameters<PrismaClient["$transaction"]>[0]>[0];

/** The item master the demo's special prices, quotes and orders sell from; one retired item to show it is refused. */
export const DEMO_ITEMS = [
  { code: "PUMP-200", description: "Pump 200 l/min", unit: "pc" },
  { code: "SEAL-KIT", description: "Seal kit for PUMP-200", unit: "pc" },
  { code: "FILTER-10", description: "Filter cartridge 10 µm", unit: "pc" },
  { code: "GASKET", description: "Flange gasket DN50", unit: "pc" },
  { code: "SERVICE", description: "Installation and service on site", unit: "h" },
  { code: "PUMP-100", description: "Pump 100 l/min (replaced by PUMP-200)", unit: "pc", active: false },
];

/** Northwind's own codes for what it buys from us, as its purchase orders (and docs/examples) write them. */
export const DEMO_CROSS_REFERENCES = [
  { customerCode: "NW-44017", customerDescription: "Kreiselpumpe 200", item: "PUMP-200" },
  { customerCode: "NW-44018", customerDescription: "Dichtungssatz", item: "SEAL-KIT" },
  { customerCode: "NW-51002", customerDescription: "Filterpatrone", item: "FILTER-10" },
];

export async function seedDemoItems(tx: Tx): Promise<void> {
  await tx.item.createMany({ data: DEMO_ITEMS, skipDuplicates: true });
}

export async function seedDemoCrossReferences(tx: Tx, customerId: string): Promise<void> {
  const items = await tx.item.findMany({ where: { code: { in: DEMO_CROSS_REFERENCES.map((ref) => ref.item) } } });
  const idOf = new Map(items.map((item) => [item.code, item.id]));
  await tx.customerItemRef.createMany({
    data: DEMO_CROSS_REFERENCES.map(({ item, ...ref }) => ({ ...ref, customerId, itemId: idOf.get(item)! })),
  });
}
