import type { PrismaClient } from "../../generated/prisma/client";
import { classifyDbError } from "../../db/db-errors";
import type { ActivityFromEvent } from "../graph/graph-event.mapper";
import { NOT_WAITING } from "../outbox/activity-outbox";

/** An activity as the pull compares it with its Outlook event. */
export interface SyncedActivity {
  id: string;
  version: number;
  ownerId: string;
  subject: string;
  location: string | null;
  startsAt: Date;
  endsAt: Date;
  timeZone: string;
  allDay: boolean;
  status: "PLANNED" | "FINISHED" | "CANCELLED";
  modifiedAt: Date;
  graphEventId: string | null;
  graphChangeKey: string | null;
  graphGeneration: number;
  /** A CRM change not pushed yet. */
  pendingPush: boolean;
}

export interface PullState {
  deltaLink: string | null;
  windowStart: Date;
  windowEnd: Date;
}

export interface NewActivityFromEvent extends ActivityFromEvent {
  ownerId: string;
  timeZone: string;
  contactId: string;
  customerId: string | null;
  eventId: string;
  changeKey: string;
}

const SELECT = {
  id: true,
  version: true,
  ownerId: true,
  subject: true,
  location: true,
  startsAt: true,
  endsAt: true,
  timeZone: true,
  allDay: true,
  status: true,
  modifiedAt: true,
  graphEventId: true,
  graphChangeKey: true,
  graphGeneration: true,
  calendarOutbox: { select: { activityId: true } },
} as const;

export function createPullRepository(prisma: PrismaClient) {
  const toSynced = ({ calendarOutbox, ...row }: { calendarOutbox: unknown } & Omit<SyncedActivity, "pendingPush">) => ({
    ...row,
    pendingPush: calendarOutbox !== null,
  });

  /** Drops an older CRM change that Outlook's later one replaced (entries written after `version` stay). */
  const dropPushUpTo = (activityId: string, version: number) =>
    prisma.calendarOutbox.deleteMany({ where: { activityId, activityVersion: { lte: version } } });

  return {
    async state(userId: string): Promise<PullState | null> {
      return prisma.calendarSyncState.findUnique({
        where: { userId },
        select: { deltaLink: true, windowStart: true, windowEnd: true },
      });
    },

    async saveState(userId: string, state: PullState & { lastError?: string | null }, now: Date) {
      const data = { ...state, lastPullAt: now, lastError: state.lastError ?? null };
      await prisma.calendarSyncState.upsert({ where: { userId }, create: { userId, ...data }, update: data });
    },

    async saveError(userId: string, message: string) {
      await prisma.calendarSyncState.updateMany({ where: { userId }, data: { lastError: message } });
    },

    /** Activities of the owner behind these events: by stored event id, or by the id in our transactionId. */
    async find(ownerId: string, eventIds: string[], activityIds: string[]): Promise<SyncedActivity[]> {
      if (eventIds.length === 0 && activityIds.length === 0) return [];
      const rows = await prisma.activity.findMany({
        where: { ownerId, OR: [{ graphEventId: { in: eventIds } }, { id: { in: activityIds } }] },
        select: SELECT,
      });
      return rows.map(toSynced);
    },

    /** Activities whose event should lie in the window: after a full resync, those not seen may be gone. */
    async withEventsIn(ownerId: string, start: Date, end: Date): Promise<SyncedActivity[]> {
      const rows = await prisma.activity.findMany({
        where: { ownerId, graphEventId: { not: null }, startsAt: { lt: end }, endsAt: { gte: start } },
        select: SELECT,
      });
      return rows.map(toSynced);
    },

    /** An event we created whose id was never stored (crash after Graph answered): remember it now. */
    async link(activity: SyncedActivity, eventId: string, changeKey: string) {
      await prisma.activity.updateMany({
        where: { id: activity.id, graphEventId: null },
        data: { graphEventId: eventId, graphChangeKey: changeKey, graphMailboxUserId: activity.ownerId },
      });
    },

    /** The CRM's later change wins: it will be pushed with the change key Outlook has now. */
    async keepCrm(activity: SyncedActivity, changeKey: string) {
      await prisma.activity.updateMany({ where: { id: activity.id }, data: { graphChangeKey: changeKey } });
    },

    /** Outlook's change wins: applied with the version check, so a CRM edit made meanwhile is not overwritten. */
    async applyOutlook(
      activity: SyncedActivity,
      changes: Partial<Pick<SyncedActivity, "subject" | "location" | "startsAt" | "endsAt" | "allDay" | "status">>,
      changeKey: string,
      now: Date,
    ): Promise<boolean> {
      const changed = Object.keys(changes).length > 0;
      const { count } = await prisma.activity.updateMany({
        where: { id: activity.id, version: activity.version },
        data: {
          ...changes,
          ...(changed && { version: { increment: 1 }, modifiedAt: now, modifiedById: activity.ownerId }),
          graphChangeKey: changeKey,
          lastSyncedAt: now,
          syncState: "SYNCED",
          syncError: null,
          ...NOT_WAITING,
        },
      });
      if (count > 0) await dropPushUpTo(activity.id, activity.version);
      return count > 0;
    },

    /** Deleted in Outlook: the activity is cancelled (if still planned), never erased. */
    async deletedInOutlook(activity: SyncedActivity, now: Date): Promise<boolean> {
      const cancel = activity.status === "PLANNED";
      const { count } = await prisma.activity.updateMany({
        where: { id: activity.id, version: activity.version, graphEventId: activity.graphEventId },
        data: {
          ...(cancel && {
            status: "CANCELLED",
            version: { increment: 1 },
            modifiedAt: now,
            modifiedById: activity.ownerId,
          }),
          graphEventId: null,
          graphChangeKey: null,
          graphMailboxUserId: null,
          graphGeneration: { increment: 1 },
          lastSyncedAt: now,
          syncState: "SYNCED",
          syncError: null,
          ...NOT_WAITING,
        },
      });
      if (count > 0) await dropPushUpTo(activity.id, activity.version);
      return count > 0;
    },

    async contactByEmails(addresses: string[]) {
      if (addresses.length === 0) return null;
      const match = await prisma.contactEmail.findFirst({
        where: { emailNormalized: { in: addresses.map((address) => address.toLowerCase()) } },
        select: { contact: { select: { id: true, customerId: true } } },
        orderBy: { position: "asc" },
      });
      return match?.contact ?? null;
    },

    /** An Outlook event with a known contact becomes an activity; the unique (owner, event) index stops duplicates. */
    async importEvent(input: NewActivityFromEvent, now: Date): Promise<boolean> {
      try {
        await prisma.activity.create({
          data: {
            type: "MEETING",
            subject: input.subject,
            location: input.location,
            startsAt: input.startsAt,
            endsAt: input.endsAt,
            timeZone: input.timeZone,
            allDay: input.allDay,
            status: input.cancelled ? "CANCELLED" : "PLANNED",
            reminderMinutesBefore: null,
            ownerId: input.ownerId,
            customerId: input.customerId,
            contactId: input.contactId,
            createdById: input.ownerId,
            modifiedById: input.ownerId,
            graphEventId: input.eventId,
            graphChangeKey: input.changeKey,
            graphMailboxUserId: input.ownerId,
            syncState: "SYNCED",
            lastSyncedAt: now,
          },
        });
        return true;
      } catch (error) {
        if (classifyDbError(error)?.kind === "unique") return false;
        throw error;
      }
    },
  };
}

export type PullRepository = ReturnType<typeof createPullRepository>;
