import type { NeverLogRule, NeverLogScope, TrackConversation, TrackedConversation } from "contract";
import type { Database } from "../../db/database";
import { classifyDbError } from "../../db/db-errors";
import type { Prisma } from "../../generated/prisma/client";
import { TRACKED_FOLDERS, type TrackedFolder } from "./mail-delta.gateway";

/** A user whose mailbox the worker reads, with the conversations they track. */
export interface TrackingUser {
  id: string;
  email: string;
  name: string;
  conversations: (TrackedConversation & { trackedSinceDate: Date })[];
}

/** One folder of one user's mailbox. */
export interface FolderKey {
  userId: string;
  folder: TrackedFolder;
}
/** Who holds a folder, until when. */
export interface FolderLease {
  workerId: string;
  until: Date;
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
  /** Everyone who tracks at least one conversation (of these users), with those conversations. */
  trackingUsers(userIds?: string[]): Promise<TrackingUser[]>;
  /**
   * Up to `limit` folders of tracking users that no live lease holds and that were not read since
   * `readBefore`, each now leased to `workerId` until `until`: another replica skips them (FOR UPDATE
   * SKIP LOCKED), and takes them over when a killed holder's lease runs out.
   */
  claimFolders(lease: FolderLease, now: Date, readBefore: Date, limit: number): Promise<FolderKey[]>;
  deltaLink(userId: string, folder: TrackedFolder): Promise<string | null>;
  /**
   * After a page or a round of one folder: the link to follow next time (null: full sync), what went
   * wrong, and the lease renewed. False when the lease is no longer this worker's (it ran out and
   * another replica took the folder): the caller stops reading it.
   */
  saveDelta(
    key: FolderKey,
    deltaLink: string | null,
    error: string | null,
    at: Date,
    lease: FolderLease,
  ): Promise<boolean>;
  /** Keeps the deltaLink, notes the error; false as saveDelta. */
  noteDeltaError(key: FolderKey, error: string, at: Date, lease: FolderLease): Promise<boolean>;
  /** Hands a folder back (done, or on stop); every folder this worker holds without `key`. */
  release(workerId: string, key?: FolderKey): Promise<void>;
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

// Every folder of everyone who tracks something has a row to lease (made the first time it is needed).
const ENSURE_FOLDERS = `
  INSERT INTO "MailDeltaState" ("userId", "folder")
  SELECT DISTINCT t."userId", f.folder FROM "TrackedConversation" t CROSS JOIN unnest($1::text[]) AS f(folder)
  ON CONFLICT ("userId", "folder") DO NOTHING`;

// One statement takes the folders that are due and leases them: two replicas never read the same
// delta at once (as the log-on-send intents and the calendar outbox). Least recently read first.
const CLAIM_FOLDERS = `
  UPDATE "MailDeltaState" SET "leasedUntil" = $1, "leasedBy" = $2
  WHERE ("userId", "folder") IN (
    SELECT s."userId", s."folder" FROM "MailDeltaState" s
    WHERE (s."leasedUntil" IS NULL OR s."leasedUntil" < $3)
      AND (s."lastRunAt" IS NULL OR s."lastRunAt" <= $4)
      AND EXISTS (SELECT 1 FROM "TrackedConversation" t WHERE t."userId" = s."userId")
    ORDER BY s."lastRunAt" NULLS FIRST, s."userId", s."folder"
    LIMIT $5
    FOR UPDATE OF s SKIP LOCKED)
  RETURNING "userId", "folder"`;

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
    async trackingUsers(userIds) {
      const rows = await prisma.trackedConversation.findMany({
        where: userIds ? { userId: { in: userIds } } : {},
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
    async claimFolders(lease, now, readBefore, limit) {
      await db.query(ENSURE_FOLDERS, [[...TRACKED_FOLDERS]]);
      const rows = await db.query<FolderKey>(CLAIM_FOLDERS, [lease.until, lease.workerId, now, readBefore, limit]);
      return rows.map((row) => ({ userId: row.userId, folder: row.folder }));
    },
    async deltaLink(userId, folder) {
      const row = await prisma.mailDeltaState.findUnique({ where: { userId_folder: { userId, folder } } });
      return row?.deltaLink ?? null;
    },
    async saveDelta({ userId, folder }, deltaLink, error, at, lease) {
      const { count } = await prisma.mailDeltaState.updateMany({
        where: { userId, folder, leasedBy: lease.workerId },
        data: { deltaLink, lastError: error, lastRunAt: at, leasedUntil: lease.until },
      });
      return count > 0;
    },
    async noteDeltaError({ userId, folder }, error, at, lease) {
      const { count } = await prisma.mailDeltaState.updateMany({
        where: { userId, folder, leasedBy: lease.workerId },
        data: { lastError: error, lastRunAt: at, leasedUntil: lease.until },
      });
      return count > 0;
    },
    async release(workerId, key) {
      await prisma.mailDeltaState.updateMany({
        where: { leasedBy: workerId, ...(key ?? {}) },
        data: { leasedUntil: null, leasedBy: null },
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
