import type { Prisma } from "../../generated/prisma/client";
import { QUEUED, type SyncState, outlookNeeds } from "../event-link/activity-event-link";
import { linkData } from "../event-link/event-link.repository";
import { type EventPart, type EventSource, WHOLE_EVENT, changedEventParts } from "../graph/graph-event.mapper";

/** The activity as just written, inside its transaction. */
export interface WrittenActivity {
  id: string;
  version: number;
  status: string;
  graphEventId: string | null;
}

/** The activity as its event shows it, and whose calendar holds it, before the change being saved. */
export type ActivityBefore = EventSource & { ownerId: string };

/** The activities repository calls this inside the transaction that saved the activity. */
export interface ActivityOutbox {
  /**
   * Records that Outlook must follow; returns whether it queued (the activity then shows QUEUED's
   * sync state). With the activity as it was (`before`), only the parts of its event that changed
   * are written, and a change Outlook does not show (its customer, say) queues nothing.
   */
  enqueue(
    tx: Prisma.TransactionClient,
    activity: WrittenActivity & Partial<ActivityBefore>,
    before?: ActivityBefore,
  ): Promise<boolean>;
  /**
   * "Send to Outlook again" for an activity Outlook refused (FAILED): queued as it is now. Returns
   * false when there is nothing to send again (not FAILED, or sync is off).
   */
  resend(tx: Prisma.TransactionClient, activity: WrittenActivity & { syncState: SyncState }): Promise<boolean>;
}

/** Sync turned off: activities stay NOT_SYNCED. */
export const NO_OUTBOX: ActivityOutbox = { enqueue: async () => false, resend: async () => false };

async function queue(
  tx: Prisma.TransactionClient,
  activity: WrittenActivity,
  parts: readonly string[] = [WHOLE_EVENT],
) {
  // One row per activity: later changes fold into it (their event parts too), and a row being pushed
  // is picked up again. A wait carries on (Outlook is still unreachable), but the change is tried at once.
  const queued = await tx.calendarOutbox.findUnique({
    where: { activityId: activity.id },
    select: { eventParts: true },
  });
  const eventParts = queued?.eventParts.includes(WHOLE_EVENT)
    ? [WHOLE_EVENT]
    : [...new Set([...(queued?.eventParts ?? []), ...parts])];
  await tx.calendarOutbox.upsert({
    where: { activityId: activity.id },
    create: { activityId: activity.id, activityVersion: activity.version, eventParts },
    update: { activityVersion: activity.version, availableAt: new Date(), attempts: 0, lastError: null, eventParts },
  });
  await tx.activity.update({ where: { id: activity.id }, data: linkData(QUEUED) });
}

const isEventSource = (
  activity: WrittenActivity & Partial<ActivityBefore>,
): activity is WrittenActivity & ActivityBefore =>
  activity.startsAt !== undefined && activity.subject !== undefined && activity.ownerId !== undefined;

export const calendarOutbox: ActivityOutbox = {
  async enqueue(tx, activity, before) {
    // Nothing in Outlook yet and nothing planned: a finished or cancelled record has no event to make.
    const link = activity.graphEventId ? { eventId: activity.graphEventId } : null;
    const needs = outlookNeeds(link, activity.status);
    // Handed to a colleague: the event moves to another calendar, whole (the worker deletes and creates).
    const parts: EventPart[] | undefined =
      needs === "update" && before && isEventSource(activity) && before.ownerId === activity.ownerId
        ? changedEventParts(before, activity)
        : undefined;
    if (needs === "nothing" || parts?.length === 0) {
      const queued = await tx.calendarOutbox.count({ where: { activityId: activity.id } });
      if (queued === 0) return false;
    }
    await queue(tx, activity, parts);
    return true;
  },

  async resend(tx, activity) {
    if (activity.syncState !== "FAILED") return false;
    await queue(tx, activity);
    return true;
  },
};
