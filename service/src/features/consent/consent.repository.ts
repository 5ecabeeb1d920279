import type { ConsentEntry, ConsentRecordCreate } from "../../../../contract";
import type { PrismaClient } from "../../generated/prisma/client";
import { dayFromDate, dateFromDay } from "../../shared/calendar-date";
import { USER_REF_SELECT } from "../users/users.repository";

export interface ConsentRepository {
  /** Appends; nothing is ever overwritten. */
  record(contactId: string, input: ConsentRecordCreate, userId: string): Promise<void>;
  /** Every entry of the contact, newest first. */
  history(contactId: string): Promise<ConsentEntry[]>;
}

export function createConsentRepository(prisma: PrismaClient): ConsentRepository {
  return {
    async record(contactId, input, userId) {
      await prisma.consentRecord.create({
        data: {
          contactId,
          channel: input.channel,
          status: input.status,
          source: input.source,
          effectiveOn: dateFromDay(input.date),
          recordedById: userId,
        },
      });
    },
    async history(contactId) {
      const rows = await prisma.consentRecord.findMany({
        where: { contactId },
        include: { recordedBy: { select: USER_REF_SELECT } },
        orderBy: { sequence: "desc" },
      });
      return rows.map((row) => ({
        id: row.id,
        channel: row.channel,
        status: row.status,
        source: row.source,
        date: dayFromDate(row.effectiveOn),
        recordedBy: row.recordedBy,
        recordedAt: row.recordedAt.toISOString(),
      }));
    },
  };
}
