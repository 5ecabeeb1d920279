import type { EmailLogEntry, Participant } from "../../../../contract";
import { classifyDbError } from "../../db/db-errors";
import type { Prisma, PrismaClient } from "../../generated/prisma/client";
import { USER_REF_SELECT } from "../users/users.repository";

export interface EmailLogWrite {
  internetMessageId: string;
  conversationId: string | null;
  subject: string;
  fromEmail: string;
  fromName: string | null;
  to: Participant[];
  cc: Participant[];
  sentAt: Date;
  receivedAt: Date | null;
  bodyHtml: string;
  bodyText: string;
  customerId: string;
  contactId: string | null;
}

export interface EmailLogRepository {
  /** Stores the entry unless this message is already logged for this customer; returns the stored one. */
  createOnce(data: EmailLogWrite, userId: string): Promise<{ entry: EmailLogEntry; created: boolean }>;
  listForCustomer(
    customerId: string,
    limit: number,
    offset: number,
  ): Promise<{ items: EmailLogEntry[]; total: number }>;
  countForCustomer(customerId: string): Promise<number>;
  byMessage(internetMessageId: string): Promise<EmailLogEntry[]>;
}

const ENTRY_INCLUDE = { loggedBy: { select: USER_REF_SELECT } } satisfies Prisma.EmailLogEntryInclude;
type EntryRow = Prisma.EmailLogEntryGetPayload<{ include: typeof ENTRY_INCLUDE }>;

const participants = (value: Prisma.JsonValue) =>
  (value as { email: string; name?: string | null }[]).map((p) => ({ email: p.email, name: p.name ?? null }));

const toEntry = (row: EntryRow): EmailLogEntry => ({
  id: row.id,
  internetMessageId: row.internetMessageId,
  conversationId: row.conversationId,
  subject: row.subject,
  from: { email: row.fromEmail, name: row.fromName },
  to: participants(row.to),
  cc: participants(row.cc),
  sentAt: row.sentAt.toISOString(),
  receivedAt: row.receivedAt?.toISOString() ?? null,
  bodyHtml: row.bodyHtml,
  bodyText: row.bodyText,
  customerId: row.customerId,
  contactId: row.contactId,
  loggedBy: row.loggedBy,
  loggedAt: row.loggedAt.toISOString(),
});

export function createEmailLogRepository(prisma: PrismaClient): EmailLogRepository {
  const findExisting = (customerId: string, internetMessageId: string) =>
    prisma.emailLogEntry.findUnique({
      where: { customerId_internetMessageId: { customerId, internetMessageId } },
      include: ENTRY_INCLUDE,
    });

  return {
    async createOnce(data, userId) {
      const existing = await findExisting(data.customerId, data.internetMessageId);
      if (existing) return { entry: toEntry(existing), created: false };
      try {
        const row = await prisma.emailLogEntry.create({
          data: { ...data, to: data.to, cc: data.cc, loggedById: userId },
          include: ENTRY_INCLUDE,
        });
        return { entry: toEntry(row), created: true };
      } catch (error) {
        // Another device or colleague logged it between our check and insert: the unique key decides.
        if (classifyDbError(error)?.kind === "unique") {
          const winner = await findExisting(data.customerId, data.internetMessageId);
          if (winner) return { entry: toEntry(winner), created: false };
        }
        throw error;
      }
    },
    async listForCustomer(customerId, limit, offset) {
      const [rows, total] = await Promise.all([
        prisma.emailLogEntry.findMany({
          where: { customerId },
          include: ENTRY_INCLUDE,
          orderBy: [{ sentAt: "desc" }, { id: "asc" }],
          take: limit,
          skip: offset,
        }),
        prisma.emailLogEntry.count({ where: { customerId } }),
      ]);
      return { items: rows.map(toEntry), total };
    },
    countForCustomer: (customerId) => prisma.emailLogEntry.count({ where: { customerId } }),
    async byMessage(internetMessageId) {
      const rows = await prisma.emailLogEntry.findMany({
        where: { internetMessageId },
        include: ENTRY_INCLUDE,
        orderBy: { loggedAt: "asc" },
      });
      return rows.map(toEntry);
    },
  };
}
