import type { SyncWaitReason } from "contract";
import type { PrismaClient } from "../../generated/prisma/client";

export interface HealthRow {
  user: { id: string; email: string; name: string };
  lastPushAt: Date | null;
  lastPullAt: Date | null;
  pullError: { message: string; at: Date | null } | null;
  pending: number;
  failed: number;
  waiting: { reason: SyncWaitReason; activities: number; since: Date; retryAt: Date | null }[];
  pushError: { message: string; at: Date } | null;
  subscription: {
    state: "NONE" | "ACTIVE" | "REAUTHORIZE" | "REMOVED" | "FAILED";
    expiresAt: Date | null;
    lastNotificationAt: Date | null;
    error: string | null;
    errorAt: Date | null;
  } | null;
}

/** The sync's state per user, read from what the push, the pull and the subscriptions write. */
export function createSyncHealthRepository(prisma: PrismaClient) {
  return {
    async read(userId?: string): Promise<HealthRow[]> {
      const users = await prisma.user.findMany({
        where: userId
          ? { id: userId }
          : {
              OR: [
                { calendarSyncState: { isNot: null } },
                { calendarMailbox: { isNot: null } },
                { activitiesOwned: { some: { syncState: { not: "NOT_SYNCED" } } } },
              ],
            },
        select: {
          id: true,
          email: true,
          name: true,
          calendarSyncState: { select: { lastPullAt: true, lastError: true } },
          calendarMailbox: true,
        },
        orderBy: { email: "asc" },
      });
      const ids = users.map((user) => user.id);
      const [states, waits, errors] = await Promise.all([
        prisma.activity.groupBy({
          by: ["ownerId", "syncState"],
          where: { ownerId: { in: ids }, syncState: { in: ["PENDING", "FAILED"] } },
          _count: { _all: true },
        }),
        prisma.activity.groupBy({
          by: ["ownerId", "syncWaitReason"],
          where: { ownerId: { in: ids }, syncState: "PENDING", syncWaitReason: { not: null } },
          _count: { _all: true },
          _min: { syncWaitingSince: true, syncRetryAt: true },
        }),
        // Each user's newest activity with Outlook's complaint (refused, or waiting after a failure).
        prisma.activity.findMany({
          where: { ownerId: { in: ids }, syncError: { not: null }, syncState: { in: ["PENDING", "FAILED"] } },
          distinct: ["ownerId"],
          orderBy: [{ ownerId: "asc" }, { modifiedAt: "desc" }],
          select: { ownerId: true, syncError: true, syncWaitingSince: true, modifiedAt: true },
        }),
      ]);
      return users.map((user): HealthRow => {
        const count = (state: "PENDING" | "FAILED") =>
          states.find((row) => row.ownerId === user.id && row.syncState === state)?._count._all ?? 0;
        const mailbox = user.calendarMailbox;
        const pushError = errors.find((row) => row.ownerId === user.id);
        const pullMessage = mailbox?.pullError ?? user.calendarSyncState?.lastError ?? null;
        return {
          user: { id: user.id, email: user.email, name: user.name },
          lastPushAt: mailbox?.lastPushAt ?? null,
          lastPullAt: user.calendarSyncState?.lastPullAt ?? null,
          pullError: pullMessage ? { message: pullMessage, at: mailbox?.pullErrorAt ?? null } : null,
          pending: count("PENDING"),
          failed: count("FAILED"),
          waiting: waits
            .filter((row) => row.ownerId === user.id && row.syncWaitReason)
            .map((row) => ({
              reason: row.syncWaitReason!,
              activities: row._count._all,
              since: row._min.syncWaitingSince ?? new Date(0),
              retryAt: row._min.syncRetryAt ?? null,
            })),
          pushError: pushError
            ? { message: pushError.syncError!, at: pushError.syncWaitingSince ?? pushError.modifiedAt }
            : null,
          subscription: mailbox && {
            state: mailbox.subscriptionState,
            expiresAt: mailbox.expiresAt,
            lastNotificationAt: mailbox.lastNotificationAt,
            error: mailbox.subscriptionError,
            errorAt: mailbox.retryAt,
          },
        };
      });
    },
  };
}

export type SyncHealthRepository = ReturnType<typeof createSyncHealthRepository>;
