import type { CrossReference, Item } from "contract";
import { classifyDbError } from "../../db/db-errors";
import { versionedRecords } from "../../db/versioned-records";
import type { Prisma, PrismaClient } from "../../generated/prisma/client";
import { AppError } from "../../shared/app-error";

export interface ItemWrite {
  code: string;
  description: string;
  unit: string;
  active: boolean;
}

export interface CrossReferenceWrite {
  customerCode: string;
  customerDescription: string | null;
  itemId: string;
}

/** What a line's code turned out to be for one customer: our item, and the customer's code for it. */
export interface ResolvedCode {
  item: Pick<Item, "code" | "active">;
  customerItem: string | null;
}

export interface ItemsRepository {
  list(filter: { q?: string; includeInactive: boolean }): Promise<Item[]>;
  create(data: ItemWrite): Promise<Item>;
  update(id: string, version: number, data: Partial<Omit<ItemWrite, "code">>): Promise<Item>;
  findById(id: string): Promise<Item | null>;
  findByCode(code: string): Promise<Item | null>;
  /**
   * The codes as one customer may write them: ours first, else the customer's own; a code that is
   * neither is missing from the map. Our code also brings the customer's code for it, if they have one.
   */
  resolve(customerId: string, codes: string[]): Promise<Map<string, ResolvedCode>>;
}

export interface CrossReferencesRepository {
  listForCustomer(customerId: string): Promise<CrossReference[]>;
  create(customerId: string, data: CrossReferenceWrite): Promise<CrossReference>;
  update(id: string, version: number, data: Partial<CrossReferenceWrite>): Promise<CrossReference>;
  findById(id: string): Promise<CrossReference | null>;
  delete(id: string): Promise<boolean>;
}

type ItemRow = Prisma.ItemGetPayload<object>;
const toItem = (row: ItemRow): Item => ({
  id: row.id,
  code: row.code,
  description: row.description,
  unit: row.unit,
  active: row.active,
  createdAt: row.createdAt.toISOString(),
  modifiedAt: row.modifiedAt.toISOString(),
  version: row.version,
});

const REF_INCLUDE = {
  item: { select: { code: true, description: true, active: true } },
} satisfies Prisma.CustomerItemRefInclude;
type RefRow = Prisma.CustomerItemRefGetPayload<{ include: typeof REF_INCLUDE }>;
const toReference = (row: RefRow): CrossReference => ({
  id: row.id,
  customerId: row.customerId,
  customerCode: row.customerCode,
  customerDescription: row.customerDescription,
  item: row.item.code,
  itemDescription: row.item.description,
  itemActive: row.item.active,
  createdAt: row.createdAt.toISOString(),
  modifiedAt: row.modifiedAt.toISOString(),
  version: row.version,
});

/** A unique violation as a 409 naming the field to change. */
async function unlessDuplicate<T>(write: Promise<T>, field: string, message: string) {
  try {
    return await write;
  } catch (error) {
    if (classifyDbError(error)?.kind !== "unique") throw error;
    throw new AppError("conflict", message, [{ field, message }]);
  }
}

export function createItemsRepository(prisma: PrismaClient): ItemsRepository {
  const records = versionedRecords<ItemRow, Item, ItemWrite, Partial<ItemWrite>, undefined>(prisma, {
    what: "This item",
    table: (client) => client.item,
    include: undefined,
    toItem,
  });
  return {
    async list({ q, includeInactive }) {
      const rows = await prisma.item.findMany({
        where: {
          ...(!includeInactive && { active: true }),
          ...(q && {
            OR: [{ code: { contains: q, mode: "insensitive" } }, { description: { contains: q, mode: "insensitive" } }],
          }),
        },
        orderBy: { code: "asc" },
        take: 500,
      });
      return rows.map(toItem);
    },
    create: (data) =>
      unlessDuplicate(records.create(data), "body.code", `Item ${data.code} exists already; change that one instead`),
    update: (id, version, data) => records.update(id, version, data),
    findById: (id) => records.findById(id),
    async findByCode(code) {
      const row = await prisma.item.findUnique({ where: { code } });
      return row ? toItem(row) : null;
    },

    async resolve(customerId, codes) {
      const select = { code: true, active: true } as const;
      const [ours, theirs] = await Promise.all([
        prisma.item.findMany({
          where: { code: { in: codes } },
          select: {
            ...select,
            customerRefs: {
              where: { customerId },
              select: { customerCode: true },
              orderBy: { customerCode: "asc" },
              take: 1,
            },
          },
        }),
        prisma.customerItemRef.findMany({
          where: { customerId, customerCode: { in: codes } },
          select: { customerCode: true, item: { select } },
        }),
      ]);
      const resolved = new Map<string, ResolvedCode>();
      for (const ref of theirs) resolved.set(ref.customerCode, { item: ref.item, customerItem: ref.customerCode });
      // Ours win over a customer's code that happens to read the same.
      for (const item of ours)
        resolved.set(item.code, {
          item: { code: item.code, active: item.active },
          customerItem: item.customerRefs[0]?.customerCode ?? null,
        });
      return resolved;
    },
  };
}

export function createCrossReferencesRepository(prisma: PrismaClient): CrossReferencesRepository {
  const records = versionedRecords<
    RefRow,
    CrossReference,
    CrossReferenceWrite & { customerId: string },
    Partial<CrossReferenceWrite>,
    typeof REF_INCLUDE
  >(prisma, {
    what: "This cross-reference",
    table: (client) => client.customerItemRef,
    include: REF_INCLUDE,
    toItem: toReference,
  });
  const duplicate = (code: string | undefined) =>
    `This customer's code ${code ?? ""} already stands for an item; change that cross-reference instead`;
  return {
    async listForCustomer(customerId) {
      const rows = await prisma.customerItemRef.findMany({
        where: { customerId },
        include: REF_INCLUDE,
        orderBy: { customerCode: "asc" },
        take: 1000,
      });
      return rows.map(toReference);
    },
    create: (customerId, data) =>
      unlessDuplicate(records.create({ ...data, customerId }), "body.customerCode", duplicate(data.customerCode)),
    update: (id, version, data) =>
      unlessDuplicate(records.update(id, version, data), "body.customerCode", duplicate(data.customerCode)),
    findById: (id) => records.findById(id),
    delete: (id) => records.delete(id),
  };
}
