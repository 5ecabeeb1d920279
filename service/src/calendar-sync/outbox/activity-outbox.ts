import type { Prisma } from "../../generated/prisma/client";
import { QUEUED, type SyncState, outlookNeeds } from "../event-link/activity-event-link";
import { linkData } from "../event-link/event-link.repository";

/** The activity as just written, inside its transaction. */
export interface WrittenActivity {
  id: string;
  version: number;
  status: string;
  graphEventId: string | null;
}

/** The activities repository calls this inside the transaction that saved the activity. */
export interface ActivityOutbox {
  /** Records that Outlook must follow; returns whether it queued (the activity then shows QUEUED's sync state). */
  enqueue(tx: Prisma.TransactionClient, activity: WrittenActivity): Promise<boolean>;
  /**
   * "Send to Outlook again" for an activity Outlook refused (FAILED): queued as it is now. Returns
   * false when there is nothing to send again (not FAILED, or sync is off).
   */
  resend(tx: Prisma.TransactionClient, activity: WrittenActivity & { syncState: SyncState }): Promise<boolean>;
}

/** Sync turned off: activities stay NOT_SYNCED. */
export const NO_OUTBOX: ActivityOutbox = { enqueue: async () => false, resend: async () => false };

async function queue(tx: Prisma.TransactionClient, activity: WrittenActivity) {
  // One row per activity: later changes fold into it, and a row being pushed is picked up again.
  // A wait carries on (Outlook is still unreachable), but the change is tried at once.
  await tx.calendarOutbox.upsert({
    where: { activityId: activity.id },
    create: { activityId: activity.id, activityVersion: activity.version },
    update: { activityVersion: activity.version, availableAt: new Date(), attempts: 0, lastError: null },
  });
  await tx.activity.update({ where: { id: activity.id }, data: linkData(QUEUED) });
}

export const calendarOutbox: ActivityOutbox = {
  async enqueue(tx, activity) {
    // Nothing in Outlook yet and nothing planned: a finished or cancelled record has no event to make.
    const link = activity.graphEventId ? { eventId: activity.graphEventId } : null;
    if (outlookNeeds(link, activity.status) === "nothing") {
      const queued = await tx.calendarOutbox.count({ where: { activityId: activity.id } });
      if (queued === 0) return false;
    }
    await queue(tx, activity);
    return true;
  },

  async resend(tx, activity) {
    if (activity.syncState !== "FAILED") return false;
    await queue(tx, activity);
    return true;
  },
};
