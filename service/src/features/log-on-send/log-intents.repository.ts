import type { LogIntent, LogIntentCreate, LogIntentState } from "contract";
import type { Database } from "../../db/database";
import type { Prisma } from "../../generated/prisma/client";
import { classifyDbError } from "../../db/db-errors";

/** An intent the worker holds, with whose mailbox it is and who logs it. */
export interface ClaimedIntent extends LogIntent {
  user: { id: string; email: string; name: string };
}

export interface LogIntentsRepository {
  /** Stores the intent unless this user has one with this marker already; returns the stored one. */
  createOnce(
    userId: string,
    input: LogIntentCreate,
    expiresAt: Date,
    reason: string | null,
  ): Promise<{ intent: LogIntent; created: boolean }>;
  listForUser(userId: string, state: LogIntentState | undefined, limit: number): Promise<LogIntent[]>;
  pendingCount(userId: string): Promise<number>;
  /**
   * Up to `limit` pending intents that are due and held by no live lease, each now leased until
   * now + leaseMs: another replica skips them (SKIP LOCKED), and takes them over when a crash lets it run out.
   */
  claimDue(now: Date, leaseMs: number, limit: number): Promise<ClaimedIntent[]>;
  /** Found and logged: ends the intent. */
  markLogged(id: string, internetMessageId: string, emailLogEntryId: string, now: Date): Promise<void>;
  /** Not done yet: tried again at `nextAttemptAt`, showing `reason` meanwhile. */
  reschedule(id: string, attempts: number, nextAttemptAt: Date, reason: string): Promise<void>;
  /** Ends it without logging (EXPIRED or REJECTED), saying why. */
  finish(id: string, state: "EXPIRED" | "REJECTED", reason: string, now: Date): Promise<void>;
}

type Row = Prisma.LogIntentGetPayload<object>;

const toIntent = (row: Row): LogIntent => ({
  id: row.id,
  marker: row.marker,
  conversationId: row.conversationId,
  subject: row.subject,
  customerId: row.customerId,
  contactId: row.contactId,
  state: row.state,
  reason: row.reason,
  attempts: row.attempts,
  internetMessageId: row.internetMessageId,
  emailLogEntryId: row.emailLogEntryId,
  createdAt: row.createdAt.toISOString(),
  expiresAt: row.expiresAt.toISOString(),
  finishedAt: row.finishedAt?.toISOString() ?? null,
});

// One statement takes the due intents and leases them: two replicas never hold the same one.
const CLAIM = `
  UPDATE "LogIntent" SET "leaseUntil" = $2
  WHERE id IN (
    SELECT id FROM "LogIntent"
    WHERE state = 'PENDING' AND "nextAttemptAt" <= $1 AND ("leaseUntil" IS NULL OR "leaseUntil" < $1)
    ORDER BY "nextAttemptAt"
    LIMIT $3
    FOR UPDATE SKIP LOCKED)
  RETURNING id`;

export function createLogIntentsRepository(db: Database): LogIntentsRepository {
  const prisma = db.prisma;
  return {
    async createOnce(userId, input, expiresAt, reason) {
      try {
        const row = await prisma.logIntent.create({
          data: {
            userId,
            marker: input.marker,
            conversationId: input.conversationId ?? null,
            subject: input.subject,
            customerId: input.customerId,
            contactId: input.contactId ?? null,
            expiresAt,
            reason,
          },
        });
        return { intent: toIntent(row), created: true };
      } catch (error) {
        if (classifyDbError(error)?.kind !== "unique") throw error;
        const existing = await prisma.logIntent.findUnique({
          where: { userId_marker: { userId, marker: input.marker } },
        });
        if (!existing) throw error;
        return { intent: toIntent(existing), created: false };
      }
    },
    async listForUser(userId, state, limit) {
      const rows = await prisma.logIntent.findMany({
        where: { userId, ...(state ? { state } : {}) },
        orderBy: [{ createdAt: "desc" }, { id: "asc" }],
        take: limit,
      });
      return rows.map(toIntent);
    },
    pendingCount: (userId) => prisma.logIntent.count({ where: { userId, state: "PENDING" } }),
    async claimDue(now, leaseMs, limit) {
      const claimed = await db.query<{ id: string }>(CLAIM, [now, new Date(now.getTime() + leaseMs), limit]);
      if (claimed.length === 0) return [];
      const rows = await prisma.logIntent.findMany({
        where: { id: { in: claimed.map((row) => row.id) } },
        include: { user: { select: { id: true, email: true, name: true } } },
        orderBy: { nextAttemptAt: "asc" },
      });
      return rows.map((row) => ({ ...toIntent(row), user: row.user }));
    },
    async markLogged(id, internetMessageId, emailLogEntryId, now) {
      await prisma.logIntent.update({
        where: { id },
        data: { state: "LOGGED", internetMessageId, emailLogEntryId, reason: null, finishedAt: now, leaseUntil: null },
      });
    },
    async reschedule(id, attempts, nextAttemptAt, reason) {
      await prisma.logIntent.update({ where: { id }, data: { attempts, nextAttemptAt, reason, leaseUntil: null } });
    },
    async finish(id, state, reason, now) {
      await prisma.logIntent.update({ where: { id }, data: { state, reason, finishedAt: now, leaseUntil: null } });
    },
  };
}
