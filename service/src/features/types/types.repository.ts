import type { CustomerType } from "contract";
import type { PrismaClient } from "../../generated/prisma/client";

export interface TypesRepository {
  list(): Promise<CustomerType[]>;
  create(name: string): Promise<CustomerType>;
  rename(id: string, name: string): Promise<CustomerType | null>;
  /** Ids for the given names, in order; undefined where a name is unknown. */
  idsByName(names: string[]): Promise<(string | undefined)[]>;
}

export function createTypesRepository(prisma: PrismaClient): TypesRepository {
  const withCount = { _count: { select: { customers: true } } } as const;
  const toType = (row: { id: string; name: string; _count: { customers: number } }): CustomerType => ({
    id: row.id,
    name: row.name,
    customerCount: row._count.customers,
  });
  return {
    async list() {
      return (await prisma.customerType.findMany({ include: withCount, orderBy: { name: "asc" } })).map(toType);
    },
    async create(name) {
      return toType(await prisma.customerType.create({ data: { name }, include: withCount }));
    },
    async rename(id, name) {
      if ((await prisma.customerType.count({ where: { id } })) === 0) return null;
      return toType(await prisma.customerType.update({ where: { id }, data: { name }, include: withCount }));
    },
    async idsByName(names) {
      const rows = await prisma.customerType.findMany({
        where: { name: { in: names, mode: "insensitive" } },
        select: { id: true, name: true },
      });
      const byName = new Map(rows.map((row) => [row.name.toLowerCase(), row.id]));
      return names.map((name) => byName.get(name.toLowerCase()));
    },
  };
}
