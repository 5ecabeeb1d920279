import type { ThirdParty } from "contract";
import type { Prisma, PrismaClient } from "../../generated/prisma/client";
import { staleVersion } from "../../shared/app-error";
import { dayFromDate } from "../../shared/calendar-date";
import { USER_REF_SELECT } from "../users/users.repository";

export interface ThirdPartyWrite {
  name: string;
  role: string;
  email: string | null;
  phone: string | null;
  contractNumber: string | null;
  contractStart: Date | null;
  contractEnd: Date | null;
  notes: string | null;
}

export interface ThirdPartiesRepository {
  create(customerId: string, data: ThirdPartyWrite, userId: string): Promise<ThirdParty>;
  update(id: string, version: number, data: Partial<ThirdPartyWrite>): Promise<ThirdParty>;
  findById(id: string): Promise<ThirdParty | null>;
  listForCustomer(customerId: string): Promise<ThirdParty[]>;
  /** False when there was nothing to delete. */
  delete(id: string): Promise<boolean>;
}

const INCLUDE = { createdBy: { select: USER_REF_SELECT } } satisfies Prisma.ThirdPartyInclude;
type Row = Prisma.ThirdPartyGetPayload<{ include: typeof INCLUDE }>;

const toThirdParty = (row: Row): ThirdParty => ({
  id: row.id,
  customerId: row.customerId,
  name: row.name,
  role: row.role,
  email: row.email,
  phone: row.phone,
  contractNumber: row.contractNumber,
  contractStart: row.contractStart ? dayFromDate(row.contractStart) : null,
  contractEnd: row.contractEnd ? dayFromDate(row.contractEnd) : null,
  notes: row.notes,
  createdBy: row.createdBy,
  createdAt: row.createdAt.toISOString(),
  modifiedAt: row.modifiedAt.toISOString(),
  version: row.version,
});

export function createThirdPartiesRepository(prisma: PrismaClient): ThirdPartiesRepository {
  return {
    async create(customerId, data, userId) {
      return toThirdParty(
        await prisma.thirdParty.create({ data: { ...data, customerId, createdById: userId }, include: INCLUDE }),
      );
    },

    async update(id, version, data) {
      return prisma.$transaction(async (tx) => {
        const { count } = await tx.thirdParty.updateMany({
          where: { id, version },
          data: { ...data, modifiedAt: new Date(), version: { increment: 1 } },
        });
        if (count === 0) throw staleVersion("This third party");
        return toThirdParty(await tx.thirdParty.findUniqueOrThrow({ where: { id }, include: INCLUDE }));
      });
    },

    async findById(id) {
      const row = await prisma.thirdParty.findUnique({ where: { id }, include: INCLUDE });
      return row ? toThirdParty(row) : null;
    },

    async listForCustomer(customerId) {
      const rows = await prisma.thirdParty.findMany({
        where: { customerId },
        include: INCLUDE,
        orderBy: [{ role: "asc" }, { name: "asc" }, { id: "asc" }],
      });
      return rows.map(toThirdParty);
    },

    async delete(id) {
      return (await prisma.thirdParty.deleteMany({ where: { id } })).count > 0;
    },
  };
}
