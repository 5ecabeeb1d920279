import type { Database } from "../../service/src/db/database";

/**
 * The item codes the suites' quotes, orders and special prices use, put into each suite's item master
 * as a manager would have entered them. Some are hostile on purpose (the PDF suite's): an item master
 * carried over from older data (the migration's backfill) may hold any text, so the PDF must still cope.
 */
export const TEST_ITEMS = [
  "PUMP-200",
  "INFUSION-PUMP",
  "SEAL-KIT",
  "VALVE",
  "VALVE-2",
  "WIDGET",
  "WASHER",
  "GASKET",
  "GEARBOX",
  "BOLT",
  "SEAL",
  "PUMP",
  "A",
  "B",
  "X",
  "OLD",
  "LATER",
  "DOLLAR",
  "NONE",
  "RTL",
  "LINES",
  "W".repeat(80),
  "<script>alert(1)</script>",
  // The PDF suite's 200-line quotes.
  ...Array.from({ length: 200 }, (_, index) => `ITEM-${String(index + 1).padStart(3, "0")}`),
  ...Array.from({ length: 196 }, (_, index) => `X${index + 4}-${"Y".repeat(70)}`),
];

export async function seedTestItems(db: Database): Promise<void> {
  await db.prisma.item.createMany({
    data: TEST_ITEMS.map((code) => ({ code, description: `Test item ${code.slice(0, 20)}` })),
    skipDuplicates: true,
  });
}
