import type { PrismaClient } from "../../generated/prisma/client";

export type SubscriptionState = "NONE" | "ACTIVE" | "REAUTHORIZE" | "REMOVED" | "FAILED";

export interface MailboxRow {
  userId: string;
  subscriptionId: string | null;
  clientStateHash: string | null;
  subscriptionState: SubscriptionState;
  expiresAt: Date | null;
  retryAt: Date | null;
  subscriptionError: string | null;
  lastNotificationAt: Date | null;
  pullRequestedAt: Date | null;
  lastPushAt: Date | null;
  pullError: string | null;
  pullErrorAt: Date | null;
}

export interface SyncingUser {
  userId: string;
  email: string;
  timeZone: string;
}

// One row per user (userId is the key), so "one subscription per user" holds across replicas: the
// replica that takes the row's lease creates or renews, the others leave it alone. Raw SQL where a
// claim must be one statement (INSERT … ON CONFLICT, FOR UPDATE SKIP LOCKED), as the outbox does.
const CLAIM_SUBSCRIPTION_SQL = `
INSERT INTO "CalendarMailbox" ("userId", "leasedUntil", "leasedBy") VALUES ($1::uuid, $2, $3)
ON CONFLICT ("userId") DO UPDATE SET "leasedUntil" = $2, "leasedBy" = $3
WHERE "CalendarMailbox"."leasedUntil" IS NULL OR "CalendarMailbox"."leasedUntil" < $4
RETURNING "userId"`;

// Notifications fold into one request per user: the time of the first one not yet pulled stays, and
// the sequence counts them.
const REQUEST_PULL_SQL = `
UPDATE "CalendarMailbox" SET "pullRequestedAt" = COALESCE("pullRequestedAt", $2), "lastNotificationAt" = $2,
  "pullRequestSeq" = "pullRequestSeq" + 1
WHERE "userId" = ANY($1::uuid[])`;

// A replica takes one requested pull for a while (the lock). The request stays until the pull ends:
// a replica killed while pulling leaves it to whoever comes after the lock ran out.
const CLAIM_PULL_SQL = `
UPDATE "CalendarMailbox" SET "pullLockedUntil" = $2
WHERE "userId" = (
  SELECT "userId" FROM "CalendarMailbox"
  WHERE "pullRequestedAt" IS NOT NULL AND "pullRequestedAt" <= $1 AND ("pullLockedUntil" IS NULL OR "pullLockedUntil" < $1)
  ORDER BY "pullRequestedAt"
  LIMIT 1
  FOR UPDATE SKIP LOCKED)
RETURNING "userId", "pullRequestSeq" AS "seq"`;

// Done: the request goes, unless more came while the pull ran; those are due at once.
const FINISH_PULL_SQL = `
UPDATE "CalendarMailbox" SET "pullLockedUntil" = NULL,
  "pullRequestedAt" = CASE WHEN "pullRequestSeq" = $2::int THEN NULL ELSE $3::timestamptz END
WHERE "userId" = $1::uuid`;

const UPSERT_PUSH_SQL = `
INSERT INTO "CalendarMailbox" ("userId", "lastPushAt") VALUES ($1::uuid, $2)
ON CONFLICT ("userId") DO UPDATE SET "lastPushAt" = GREATEST("CalendarMailbox"."lastPushAt", $2)`;

export function createMailboxRepository(prisma: PrismaClient) {
  const select = {
    userId: true,
    subscriptionId: true,
    clientStateHash: true,
    subscriptionState: true,
    expiresAt: true,
    retryAt: true,
    subscriptionError: true,
    lastNotificationAt: true,
    pullRequestedAt: true,
    lastPushAt: true,
    pullError: true,
    pullErrorAt: true,
  } as const;

  return {
    /** Users whose calendar syncs: pulled before, or with an activity in Outlook. */
    async syncingUsers(): Promise<SyncingUser[]> {
      const users = await prisma.user.findMany({
        where: {
          OR: [{ calendarSyncState: { isNot: null } }, { activitiesOwned: { some: { graphEventId: { not: null } } } }],
        },
        select: { id: true, email: true, timeZone: true },
      });
      return users.map((user) => ({ userId: user.id, email: user.email, timeZone: user.timeZone }));
    },

    async user(userId: string): Promise<SyncingUser | null> {
      const user = await prisma.user.findUnique({ where: { id: userId }, select: { email: true, timeZone: true } });
      return user && { userId, email: user.email, timeZone: user.timeZone };
    },

    async all(): Promise<MailboxRow[]> {
      return prisma.calendarMailbox.findMany({ select });
    },

    async get(userId: string): Promise<MailboxRow | null> {
      return prisma.calendarMailbox.findUnique({ where: { userId }, select });
    },

    async bySubscriptionIds(ids: string[]): Promise<MailboxRow[]> {
      return prisma.calendarMailbox.findMany({ where: { subscriptionId: { in: ids } }, select });
    },

    /** This replica's turn to create or renew the user's subscription; false while another holds it. */
    async claimSubscription(userId: string, workerId: string, now: Date, leaseMs: number): Promise<boolean> {
      const rows = await prisma.$queryRawUnsafe<unknown[]>(
        CLAIM_SUBSCRIPTION_SQL,
        userId,
        new Date(now.getTime() + leaseMs),
        workerId,
        now,
      );
      return rows.length > 0;
    },

    /** Ends this replica's lease with the outcome of creating or renewing. */
    async settleSubscription(
      userId: string,
      workerId: string,
      outcome:
        | { kind: "active"; subscriptionId: string; clientStateHash?: string; expiresAt: Date }
        | { kind: "failed"; error: string; retryAt: Date },
    ): Promise<void> {
      await prisma.calendarMailbox.updateMany({
        where: { userId, leasedBy: workerId },
        data:
          outcome.kind === "active"
            ? {
                subscriptionId: outcome.subscriptionId,
                ...(outcome.clientStateHash && { clientStateHash: outcome.clientStateHash }),
                subscriptionState: "ACTIVE",
                expiresAt: outcome.expiresAt,
                retryAt: null,
                subscriptionError: null,
                leasedUntil: null,
                leasedBy: null,
              }
            : {
                subscriptionState: "FAILED",
                subscriptionError: outcome.error,
                retryAt: outcome.retryAt,
                leasedUntil: null,
                leasedBy: null,
              },
      });
    },

    /** A lifecycle notification: Graph wants the subscription reauthorised, or has removed it. */
    async markSubscription(userId: string, subscriptionId: string, state: "REAUTHORIZE" | "REMOVED"): Promise<void> {
      await prisma.calendarMailbox.updateMany({
        where: { userId, subscriptionId },
        data: { subscriptionState: state, ...(state === "REMOVED" && { subscriptionId: null, clientStateHash: null }) },
      });
    },

    async requestPull(userIds: string[], now: Date): Promise<void> {
      if (userIds.length > 0) await prisma.$executeRawUnsafe(REQUEST_PULL_SQL, userIds, now);
    },

    /** One requested pull for this replica, or null when none is due (or each is being pulled elsewhere). */
    async claimPull(now: Date, lockMs: number): Promise<{ userId: string; seq: number } | null> {
      const rows = await prisma.$queryRawUnsafe<{ userId: string; seq: number }[]>(
        CLAIM_PULL_SQL,
        now,
        new Date(now.getTime() + lockMs),
      );
      return rows[0] ?? null;
    },

    /** The pull ran (the claim's seq, now), or failed: then the request stays, locked until retryAt. */
    async finishPull(userId: string, outcome: { seq: number; now: Date } | { retryAt: Date }): Promise<void> {
      if ("retryAt" in outcome)
        await prisma.calendarMailbox.updateMany({ where: { userId }, data: { pullLockedUntil: outcome.retryAt } });
      else await prisma.$executeRawUnsafe(FINISH_PULL_SQL, userId, outcome.seq, outcome.now);
    },

    async recordPush(userId: string, at: Date): Promise<void> {
      await prisma.$executeRawUnsafe(UPSERT_PUSH_SQL, userId, at);
    },

    async recordPull(userId: string, error: string | null, at: Date): Promise<void> {
      await prisma.calendarMailbox.upsert({
        where: { userId },
        create: { userId, pullError: error, pullErrorAt: error ? at : null },
        update: error ? { pullError: error, pullErrorAt: at } : { pullError: null, pullErrorAt: null },
      });
    },
  };
}

export type MailboxRepository = ReturnType<typeof createMailboxRepository>;
