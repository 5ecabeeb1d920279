import type { Prisma } from "../../generated/prisma/client";

type SyncState = "NOT_SYNCED" | "PENDING" | "SYNCED" | "FAILED";

/** The activity as just written, inside its transaction. */
export interface WrittenActivity {
  id: string;
  version: number;
  status: string;
  graphEventId: string | null;
}

/** The activities repository calls this inside the transaction that saved the activity. */
export interface ActivityOutbox {
  /** Records that Outlook must follow; returns the sync state the activity now shows, or null if unchanged. */
  enqueue(tx: Prisma.TransactionClient, activity: WrittenActivity): Promise<SyncState | null>;
  /**
   * "Send to Outlook again" for an activity Outlook refused (FAILED): queued as it is now. Returns
   * false when there is nothing to send again (not FAILED, or sync is off).
   */
  resend(tx: Prisma.TransactionClient, activity: WrittenActivity & { syncState: SyncState }): Promise<boolean>;
}

/** The activity is not waiting for Outlook (anymore): every answer from Graph ends a wait. */
export const NOT_WAITING = { syncWaitReason: null, syncWaitingSince: null, syncRetryAt: null } as const;

/** Sync turned off: activities stay NOT_SYNCED. */
export const NO_OUTBOX: ActivityOutbox = { enqueue: async () => null, resend: async () => false };

async function queue(tx: Prisma.TransactionClient, activity: WrittenActivity) {
  // One row per activity: later changes fold into it, and a row being pushed is picked up again.
  // A wait carries on (Outlook is still unreachable), but the change is tried at once.
  await tx.calendarOutbox.upsert({
    where: { activityId: activity.id },
    create: { activityId: activity.id, activityVersion: activity.version },
    update: { activityVersion: activity.version, availableAt: new Date(), attempts: 0, lastError: null },
  });
  await tx.activity.update({
    where: { id: activity.id },
    data: { syncState: "PENDING", syncError: null, syncRetryAt: null },
  });
}

export const calendarOutbox: ActivityOutbox = {
  async enqueue(tx, activity) {
    // Nothing in Outlook yet and nothing planned: a finished or cancelled record has no event to make.
    if (!activity.graphEventId && activity.status !== "PLANNED") {
      const queued = await tx.calendarOutbox.count({ where: { activityId: activity.id } });
      if (queued === 0) return null;
    }
    await queue(tx, activity);
    return "PENDING";
  },

  async resend(tx, activity) {
    if (activity.syncState !== "FAILED") return false;
    await queue(tx, activity);
    return true;
  },
};
