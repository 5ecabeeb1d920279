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
}

/** Sync turned off: activities stay NOT_SYNCED. */
export const NO_OUTBOX: ActivityOutbox = { enqueue: async () => null };

export const calendarOutbox: ActivityOutbox = {
  async enqueue(tx, activity) {
    // Nothing in Outlook yet and nothing planned: a finished or cancelled record has no event to make.
    if (!activity.graphEventId && activity.status !== "PLANNED") {
      const queued = await tx.calendarOutbox.count({ where: { activityId: activity.id } });
      if (queued === 0) return null;
    }
    // One row per activity: later changes fold into it, and a row being pushed is picked up again.
    await tx.calendarOutbox.upsert({
      where: { activityId: activity.id },
      create: { activityId: activity.id, activityVersion: activity.version },
      update: { activityVersion: activity.version, availableAt: new Date(), attempts: 0, lastError: null },
    });
    await tx.activity.update({ where: { id: activity.id }, data: { syncState: "PENDING", syncError: null } });
    return "PENDING";
  },
};
