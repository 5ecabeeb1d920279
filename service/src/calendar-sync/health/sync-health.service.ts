import type { MySyncHealth, SyncHealthEntry, SyncHealthList } from "contract";
import type { CurrentUser } from "../../auth/current-user";
import { requirePermission } from "../../auth/permissions";
import type { PrismaClient } from "../../generated/prisma/client";
import { type HealthRow, createSyncHealthRepository } from "./sync-health.repository";

const iso = (date: Date | null | undefined) => date?.toISOString() ?? null;

/** The newest of the push's, the pull's and the subscription's errors (one without a time counts as oldest). */
function lastErrorOf(row: HealthRow): SyncHealthEntry["lastError"] {
  const candidates = [
    row.pushError && { source: "PUSH" as const, message: row.pushError.message, at: row.pushError.at },
    row.pullError && { source: "PULL" as const, message: row.pullError.message, at: row.pullError.at },
    row.subscription?.state === "FAILED" && row.subscription.error
      ? { source: "SUBSCRIPTION" as const, message: row.subscription.error, at: null }
      : null,
  ].filter((candidate) => candidate !== null);
  const newest = candidates.sort((a, b) => (b.at?.getTime() ?? 0) - (a.at?.getTime() ?? 0))[0];
  return newest ? { source: newest.source, message: newest.message, at: iso(newest.at) } : null;
}

function entryOf(row: HealthRow, notificationsOn: boolean): SyncHealthEntry {
  return {
    user: row.user,
    lastPushAt: iso(row.lastPushAt),
    lastPullAt: iso(row.lastPullAt),
    pending: row.pending,
    failed: row.failed,
    waiting: row.waiting.map((wait) => ({ ...wait, since: wait.since.toISOString(), retryAt: iso(wait.retryAt) })),
    lastError: lastErrorOf(row),
    subscription: {
      state: notificationsOn ? (row.subscription?.state ?? "NONE") : "OFF",
      expiresAt: notificationsOn ? iso(row.subscription?.expiresAt) : null,
      lastNotificationAt: notificationsOn ? iso(row.subscription?.lastNotificationAt) : null,
    },
  };
}

/** Sync health: every user's for admins (sync:health), one's own for everyone. */
export function createSyncHealth(prisma: PrismaClient, options: { enabled: boolean; notificationsOn: boolean }) {
  const repository = createSyncHealthRepository(prisma);
  return {
    async all(user: CurrentUser): Promise<SyncHealthList> {
      requirePermission(user, "sync:health");
      const rows = await repository.read();
      return {
        enabled: options.enabled,
        notifications: options.notificationsOn,
        users: rows.map((row) => entryOf(row, options.notificationsOn)),
      };
    },
    async mine(user: CurrentUser): Promise<MySyncHealth> {
      const [row] = await repository.read(user.id);
      if (!row) throw new Error(`signed-in user ${user.id} not found`);
      return {
        enabled: options.enabled,
        notifications: options.notificationsOn,
        health: entryOf(row, options.notificationsOn),
      };
    },
  };
}

export type SyncHealth = ReturnType<typeof createSyncHealth>;
