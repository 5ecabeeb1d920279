import { randomUUID } from "node:crypto";
import type { EmailLogEntry, Participant, UserRef } from "contract";
import { type Database, namedStatement } from "../../db/database";
import { groupCommit } from "../../db/group-commit";
import type { Prisma } from "../../generated/prisma/client";
import { USER_REF_SELECT } from "../../db/user-ref";

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
  /** Set when the service logs it on its own (log on send); null when a person logged it. */
  loggedBecause: string | null;
  /** The mailbox it was read in, lower case. */
  mailbox: string;
}

export interface EmailLogRepository {
  /** Stores the entry unless this message is already logged for this customer; returns the stored one. */
  createOnce(data: EmailLogWrite, loggedBy: UserRef): Promise<{ entry: EmailLogEntry; created: boolean }>;
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
  loggedBecause: row.loggedBecause,
  mailbox: row.mailbox,
});

// Logging is one statement: the unique key (customer, message) decides, so retries, two devices
// and two colleagues racing all end with one entry, without a read-then-write window. Logs that
// arrive while one is being written go together in the next statement (group commit): one commit,
// one fsync for all of them. A message twice in one batch is stored once too (DO NOTHING skips the
// second row).
const COLUMNS = `id uuid, "internetMessageId" text, "conversationId" text, subject text, "fromEmail" text,
  "fromName" text, "to" jsonb, cc jsonb, "sentAt" timestamptz, "receivedAt" timestamptz, "bodyHtml" text,
  "bodyText" text, "customerId" uuid, "contactId" uuid, "loggedById" uuid, "loggedBecause" text, mailbox text`;
const NAMES = COLUMNS.replace(/\s+[a-z]+(,|$)/g, "$1");
// Named: its plan is the same whatever the batch, so each connection parses and plans it once.
export const INSERT_ONCE = namedStatement(
  "email_log_insert_once",
  `
  INSERT INTO "EmailLogEntry" (${NAMES})
  SELECT ${NAMES} FROM jsonb_to_recordset($1::jsonb) AS entry(${COLUMNS})
  ON CONFLICT ("customerId", "internetMessageId") DO NOTHING
  RETURNING id, "loggedAt"`,
);

/** Bounds one statement: bodies are up to 2 MB each. */
const MAX_BATCH = 16;

interface PendingEntry {
  id: string;
  data: EmailLogWrite;
  loggedById: string;
}

export function createEmailLogRepository(db: Database): EmailLogRepository {
  const prisma = db.prisma;
  const findExisting = (customerId: string, internetMessageId: string) =>
    prisma.emailLogEntry.findUnique({
      where: { customerId_internetMessageId: { customerId, internetMessageId } },
      include: ENTRY_INCLUDE,
    });

  const insertOnce = async (entries: PendingEntry[]) => {
    const rows = entries.map(({ id, data, loggedById }) => ({ id, ...data, loggedById }));
    const inserted = await db.query<{ id: string; loggedAt: Date | string }>(INSERT_ONCE, [JSON.stringify(rows)]);
    const loggedAt = new Map(inserted.map((row) => [row.id, new Date(row.loggedAt)]));
    // null: the message was logged for this customer already.
    return entries.map((entry) => loggedAt.get(entry.id) ?? null);
  };
  const insertGrouped = groupCommit(insertOnce, MAX_BATCH);

  return {
    async createOnce(data, loggedBy) {
      const id = randomUUID();
      const loggedAt = await insertGrouped({ id, data, loggedById: loggedBy.id });
      if (loggedAt) {
        const row: EntryRow = {
          id,
          ...data,
          loggedById: loggedBy.id,
          loggedAt,
          loggedBy,
        };
        return { entry: toEntry(row), created: true };
      }
      const existing = await findExisting(data.customerId, data.internetMessageId);
      if (!existing) throw new Error("e-mail log entry vanished between conflict and read");
      return { entry: toEntry(existing), created: false };
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
