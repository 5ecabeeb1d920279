import type { ThirdParty } from "contract";
import { USER_REF_SELECT } from "../../db/user-ref";
import { versionedRecords } from "../../db/versioned-records";
import type { Prisma, PrismaClient } from "../../generated/prisma/client";
import { dayFromDate } from "../../shared/calendar-date";

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
export type ThirdPartyRow = Prisma.ThirdPartyGetPayload<{ include: typeof INCLUDE }>;

export const toThirdParty = (row: ThirdPartyRow): ThirdParty => ({
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
  const records = versionedRecords<
    ThirdPartyRow,
    ThirdParty,
    ThirdPartyWrite & { customerId: string; createdById: string },
    Partial<ThirdPartyWrite>,
    typeof INCLUDE
  >(prisma, { what: "This third party", table: (client) => client.thirdParty, include: INCLUDE, toItem: toThirdParty });
  return {
    create: (customerId, data, userId) => records.create({ ...data, customerId, createdById: userId }),
    update: (id, version, data) => records.update(id, version, data),
    findById: (id) => records.findById(id),

    async listForCustomer(customerId) {
      const rows = await prisma.thirdParty.findMany({
        where: { customerId },
        include: INCLUDE,
        orderBy: [{ role: "asc" }, { name: "asc" }, { id: "asc" }],
      });
      return rows.map(toThirdParty);
    },

    delete: (id) => records.delete(id),
  };
}
