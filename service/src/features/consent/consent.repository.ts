import type { ConsentEntry, ConsentRecordCreate } from "contract";
import type { PrismaClient } from "../../generated/prisma/client";
import { dayFromDate, dateFromDay } from "../../shared/calendar-date";
import { USER_REF_SELECT } from "../../db/user-ref";

export interface ConsentRepository {
  /** Appends; nothing is ever overwritten. */
  record(contactId: string, input: ConsentRecordCreate, userId: string): Promise<void>;
  /** Every entry of the contact, newest first. */
  history(contactId: string): Promise<ConsentEntry[]>;
  /** The latest entry per channel of each of the customer's contacts, by contact id. */
  currentForCustomer(customerId: string): Promise<Map<string, ConsentEntry[]>>;
}

export type ConsentRow = {
  id: string;
  contactId: string;
  channel: ConsentEntry["channel"];
  status: ConsentEntry["status"];
  source: string;
  effectiveOn: Date;
  recordedAt: Date;
  recordedBy: ConsentEntry["recordedBy"];
};
export const toConsentEntry = (row: ConsentRow): ConsentEntry => ({
  id: row.id,
  channel: row.channel,
  status: row.status,
  source: row.source,
  date: dayFromDate(row.effectiveOn),
  recordedBy: row.recordedBy,
  recordedAt: row.recordedAt.toISOString(),
});
const recordedBy = { recordedBy: { select: USER_REF_SELECT } } as const;

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
        include: recordedBy,
        orderBy: { sequence: "desc" },
      });
      return rows.map(toConsentEntry);
    },
    async currentForCustomer(customerId) {
      const rows = await prisma.consentRecord.findMany({
        where: { contact: { customerId } },
        include: recordedBy,
        orderBy: [{ contactId: "asc" }, { channel: "asc" }, { sequence: "desc" }],
        distinct: ["contactId", "channel"],
      });
      const result = new Map<string, ConsentEntry[]>();
      for (const row of rows) result.set(row.contactId, [...(result.get(row.contactId) ?? []), toConsentEntry(row)]);
      return result;
    },
  };
}
