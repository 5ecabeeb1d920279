import type { SpecialPrice } from "contract";
import { classifyDbError } from "../../db/db-errors";
import { USER_REF_SELECT } from "../../db/user-ref";
import { versionedRecords } from "../../db/versioned-records";
import type { Prisma, PrismaClient } from "../../generated/prisma/client";
import { AppError } from "../../shared/app-error";
import { dayFromDate } from "../../shared/calendar-date";

export interface SpecialPriceWrite {
  item: string;
  description: string | null;
  currency: string;
  unitPrice: string;
  discountPercent: string;
  validFrom: Date | null;
  validUntil: Date | null;
}

export interface SpecialPricesRepository {
  create(customerId: string, data: SpecialPriceWrite, userId: string): Promise<SpecialPrice>;
  update(id: string, version: number, data: Partial<SpecialPriceWrite>): Promise<SpecialPrice>;
  findById(id: string): Promise<SpecialPrice | null>;
  /** By item, then currency; `items` narrows it to those item codes. */
  listForCustomer(customerId: string, filter?: { currency: string; items: string[] }): Promise<SpecialPrice[]>;
  /** False when there was nothing to delete. */
  delete(id: string): Promise<boolean>;
}

const INCLUDE = { createdBy: { select: USER_REF_SELECT } } satisfies Prisma.SpecialPriceInclude;
type Row = Prisma.SpecialPriceGetPayload<{ include: typeof INCLUDE }>;

const toSpecialPrice = (row: Row): SpecialPrice => ({
  id: row.id,
  customerId: row.customerId,
  item: row.item,
  description: row.description,
  currency: row.currency,
  unitPrice: row.unitPrice.toFixed(2),
  discountPercent: row.discountPercent.toString(),
  validFrom: row.validFrom ? dayFromDate(row.validFrom) : null,
  validUntil: row.validUntil ? dayFromDate(row.validUntil) : null,
  createdBy: row.createdBy,
  createdAt: row.createdAt.toISOString(),
  modifiedAt: row.modifiedAt.toISOString(),
  version: row.version,
});

/** The unique (customer, item, currency) as a sentence that says what to do instead. */
async function unlessDuplicate<T>(write: Promise<T>, item: string | undefined, currency: string | undefined) {
  try {
    return await write;
  } catch (error) {
    if (classifyDbError(error)?.kind !== "unique") throw error;
    const message = `This customer already has a special price for item ${item ?? "this item"} in ${currency ?? "this currency"}; change that one instead`;
    throw new AppError("conflict", message, [{ field: "body.item", message }]);
  }
}

export function createSpecialPricesRepository(prisma: PrismaClient): SpecialPricesRepository {
  const records = versionedRecords<
    Row,
    SpecialPrice,
    SpecialPriceWrite & { customerId: string; createdById: string },
    Partial<SpecialPriceWrite>,
    typeof INCLUDE
  >(prisma, {
    what: "This special price",
    table: (client) => client.specialPrice,
    include: INCLUDE,
    toItem: toSpecialPrice,
  });
  return {
    create: (customerId, data, userId) =>
      unlessDuplicate(records.create({ ...data, customerId, createdById: userId }), data.item, data.currency),
    update: (id, version, data) => unlessDuplicate(records.update(id, version, data), data.item, data.currency),
    findById: (id) => records.findById(id),

    async listForCustomer(customerId, filter) {
      const rows = await prisma.specialPrice.findMany({
        where: { customerId, ...(filter && { currency: filter.currency, item: { in: filter.items } }) },
        include: INCLUDE,
        orderBy: [{ item: "asc" }, { currency: "asc" }],
      });
      return rows.map(toSpecialPrice);
    },

    delete: (id) => records.delete(id),
  };
}
