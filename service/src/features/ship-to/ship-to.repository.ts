import type { ShipTo, ShipToCreate, ShipToUpdate } from "contract";
import type { PrismaClient } from "../../generated/prisma/client";

export interface ShipToRepository {
  create(customerId: string, data: ShipToCreate): Promise<ShipTo>;
  /** Null when there is no such address. */
  update(id: string, data: ShipToUpdate): Promise<ShipTo | null>;
  findById(id: string): Promise<ShipTo | null>;
  listForCustomer(customerId: string): Promise<ShipTo[]>;
  /** False when there was nothing to delete. */
  delete(id: string): Promise<boolean>;
}

const fields = (data: ShipToUpdate) => ({
  ...(data.name !== undefined && { name: data.name }),
  ...(data.street !== undefined && { street: data.street }),
  ...(data.postalCode !== undefined && { postalCode: data.postalCode }),
  ...(data.city !== undefined && { city: data.city }),
  ...(data.region !== undefined && { region: data.region }),
  ...(data.country !== undefined && { country: data.country }),
});

export function createShipToRepository(prisma: PrismaClient): ShipToRepository {
  return {
    async create(customerId, data) {
      return prisma.shipToAddress.create({ data: { customerId, ...fields(data) } });
    },
    async update(id, data) {
      const { count } = await prisma.shipToAddress.updateMany({ where: { id }, data: fields(data) });
      return count === 0 ? null : prisma.shipToAddress.findUniqueOrThrow({ where: { id } });
    },
    async findById(id) {
      return prisma.shipToAddress.findUnique({ where: { id } });
    },
    async listForCustomer(customerId) {
      return prisma.shipToAddress.findMany({
        where: { customerId },
        orderBy: [{ name: { sort: "asc", nulls: "last" } }, { city: "asc" }, { id: "asc" }],
      });
    },
    async delete(id) {
      return (await prisma.shipToAddress.deleteMany({ where: { id } })).count > 0;
    },
  };
}
