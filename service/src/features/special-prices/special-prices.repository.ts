import type { SpecialPrice } from "contract";
import { classifyDbError } from "../../db/db-errors";
import type { Prisma, PrismaClient } from "../../generated/prisma/client";
import { AppError, staleVersion } from "../../shared/app-error";
import { dayFromDate } from "../../shared/calendar-date";
import { USER_REF_SELECT } from "../users/users.repository";

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
  return {
    async create(customerId, data, userId) {
      const write = prisma.specialPrice.create({
        data: { ...data, customerId, createdById: userId },
        include: INCLUDE,
      });
      return toSpecialPrice(await unlessDuplicate(write, data.item, data.currency));
    },

    async update(id, version, data) {
      const write = prisma.$transaction(async (tx) => {
        const { count } = await tx.specialPrice.updateMany({
          where: { id, version },
          data: { ...data, modifiedAt: new Date(), version: { increment: 1 } },
        });
        if (count === 0) throw staleVersion("This special price");
        return tx.specialPrice.findUniqueOrThrow({ where: { id }, include: INCLUDE });
      });
      return toSpecialPrice(await unlessDuplicate(write, data.item, data.currency));
    },

    async findById(id) {
      const row = await prisma.specialPrice.findUnique({ where: { id }, include: INCLUDE });
      return row ? toSpecialPrice(row) : null;
    },

    async listForCustomer(customerId, filter) {
      const rows = await prisma.specialPrice.findMany({
        where: { customerId, ...(filter && { currency: filter.currency, item: { in: filter.items } }) },
        include: INCLUDE,
        orderBy: [{ item: "asc" }, { currency: "asc" }],
      });
      return rows.map(toSpecialPrice);
    },

    async delete(id) {
      return (await prisma.specialPrice.deleteMany({ where: { id } })).count > 0;
    },
  };
}
