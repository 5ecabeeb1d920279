import type { NeverLogRule, NeverLogScope, TrackConversation, TrackedConversation } from "contract";
import type { Database } from "../../db/database";
import { classifyDbError } from "../../db/db-errors";
import type { Prisma } from "../../generated/prisma/client";
import type { TrackedFolder } from "./mail-delta.gateway";

/** A user whose mailbox the worker reads, with the conversations they track. */
export interface TrackingUser {
  id: string;
  email: string;
  name: string;
  conversations: (TrackedConversation & { trackedSinceDate: Date })[];
}

export interface TrackedConversationsRepository {
  trackOnce(
    userId: string,
    input: TrackConversation,
    trackedSince: Date,
  ): Promise<{ tracked: TrackedConversation; created: boolean }>;
  listForUser(userId: string): Promise<TrackedConversation[]>;
  find(id: string): Promise<(TrackedConversation & { userId: string }) | null>;
  remove(id: string): Promise<void>;
  /** Everyone who tracks at least one conversation, with those conversations. */
  trackingUsers(): Promise<TrackingUser[]>;
  deltaLink(userId: string, folder: TrackedFolder): Promise<string | null>;
  /** After a round of one folder: the link to follow next time (null: full sync), and what went wrong. */
  saveDelta(
    userId: string,
    folder: TrackedFolder,
    deltaLink: string | null,
    error: string | null,
    at: Date,
  ): Promise<void>;
  /** Keeps the deltaLink, notes the error. */
  noteDeltaError(userId: string, folder: TrackedFolder, error: string, at: Date): Promise<void>;
  createRule(scope: NeverLogScope, userId: string | null, value: string, createdById: string): Promise<NeverLogRule>;
  /** The organisation's rules and this user's own. */
  rulesFor(userId: string): Promise<NeverLogRule[]>;
  findRule(id: string): Promise<(NeverLogRule & { userId: string | null }) | null>;
  removeRule(id: string): Promise<void>;
  /** Of these addresses (lower case), those of contacts whose latest e-mail consent is WITHDRAWN. */
  withdrawnEmailConsent(emails: string[]): Promise<string[]>;
}

type Row = Prisma.TrackedConversationGetPayload<{ include: { customer: { select: { name: true } } } }>;

const toTracked = (row: Row): TrackedConversation => ({
  id: row.id,
  conversationId: row.conversationId,
  customerId: row.customerId,
  customerName: row.customer.name,
  contactId: row.contactId,
  subject: row.subject,
  trackedSince: row.trackedSince.toISOString(),
});

type RuleRow = Prisma.NeverLogRuleGetPayload<object>;
const toRule = (row: RuleRow): NeverLogRule => ({
  id: row.id,
  scope: row.scope,
  value: row.value,
  createdAt: row.createdAt.toISOString(),
});

const include = { customer: { select: { name: true } } } as const;

// The latest entry of a contact's e-mail channel is its current consent (ConsentRecord is append-only).
const WITHDRAWN_EMAIL = `
  SELECT DISTINCT ce."emailNormalized" AS email
  FROM "ContactEmail" ce
  JOIN LATERAL (
    SELECT cr.status FROM "ConsentRecord" cr
    WHERE cr."contactId" = ce."contactId" AND cr.channel = 'EMAIL'
    ORDER BY cr.sequence DESC LIMIT 1
  ) latest ON true
  WHERE ce."emailNormalized" = ANY($1::text[]) AND latest.status = 'WITHDRAWN'`;

export function createTrackedConversationsRepository(db: Database): TrackedConversationsRepository {
  const prisma = db.prisma;
  return {
    async trackOnce(userId, input, trackedSince) {
      try {
        const row = await prisma.trackedConversation.create({
          data: {
            userId,
            conversationId: input.conversationId,
            customerId: input.customerId,
            contactId: input.contactId ?? null,
            subject: input.subject,
            trackedSince,
          },
          include,
        });
        return { tracked: toTracked(row), created: true };
      } catch (error) {
        if (classifyDbError(error)?.kind !== "unique") throw error;
        const existing = await prisma.trackedConversation.findUnique({
          where: { userId_conversationId: { userId, conversationId: input.conversationId } },
          include,
        });
        if (!existing) throw error;
        return { tracked: toTracked(existing), created: false };
      }
    },
    async listForUser(userId) {
      const rows = await prisma.trackedConversation.findMany({
        where: { userId },
        include,
        orderBy: [{ trackedSince: "desc" }, { id: "asc" }],
        take: 500,
      });
      return rows.map(toTracked);
    },
    async find(id) {
      const row = await prisma.trackedConversation.findUnique({ where: { id }, include });
      return row ? { ...toTracked(row), userId: row.userId } : null;
    },
    async remove(id) {
      await prisma.trackedConversation.deleteMany({ where: { id } });
    },
    async trackingUsers() {
      const rows = await prisma.trackedConversation.findMany({
        include: { ...include, user: { select: { id: true, email: true, name: true } } },
        orderBy: [{ userId: "asc" }, { trackedSince: "asc" }],
      });
      const users = new Map<string, TrackingUser>();
      for (const row of rows) {
        let user = users.get(row.userId);
        if (!user) users.set(row.userId, (user = { ...row.user, conversations: [] }));
        user.conversations.push({ ...toTracked(row), trackedSinceDate: row.trackedSince });
      }
      return [...users.values()];
    },
    async deltaLink(userId, folder) {
      const row = await prisma.mailDeltaState.findUnique({ where: { userId_folder: { userId, folder } } });
      return row?.deltaLink ?? null;
    },
    async saveDelta(userId, folder, deltaLink, error, at) {
      await prisma.mailDeltaState.upsert({
        where: { userId_folder: { userId, folder } },
        create: { userId, folder, deltaLink, lastError: error, lastRunAt: at },
        update: { deltaLink, lastError: error, lastRunAt: at },
      });
    },
    async noteDeltaError(userId, folder, error, at) {
      await prisma.mailDeltaState.upsert({
        where: { userId_folder: { userId, folder } },
        create: { userId, folder, deltaLink: null, lastError: error, lastRunAt: at },
        update: { lastError: error, lastRunAt: at },
      });
    },
    async createRule(scope, userId, value, createdById) {
      return toRule(await prisma.neverLogRule.create({ data: { scope, userId, value, createdById } }));
    },
    async rulesFor(userId) {
      const rows = await prisma.neverLogRule.findMany({
        where: { OR: [{ scope: "ORGANIZATION" }, { scope: "USER", userId }] },
        orderBy: [{ scope: "asc" }, { value: "asc" }],
        take: 2_000,
      });
      return rows.map(toRule);
    },
    async findRule(id) {
      const row = await prisma.neverLogRule.findUnique({ where: { id } });
      return row ? { ...toRule(row), userId: row.userId } : null;
    },
    async removeRule(id) {
      await prisma.neverLogRule.deleteMany({ where: { id } });
    },
    async withdrawnEmailConsent(emails) {
      if (emails.length === 0) return [];
      const rows = await db.query<{ email: string }>(WITHDRAWN_EMAIL, [emails]);
      return rows.map((row) => row.email);
    },
  };
}
