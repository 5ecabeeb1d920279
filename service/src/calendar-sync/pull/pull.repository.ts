import type { PrismaClient } from "../../generated/prisma/client";
import { classifyDbError } from "../../db/db-errors";
import {
  type EventLink,
  adopted,
  deletedInOutlook,
  imported,
  seen,
  tookOutlookChange,
} from "../event-link/activity-event-link";
import { createEventLinkRepository, linkCreateData, linkData, linkOfRow } from "../event-link/event-link.repository";
import type { ActivityFromEvent } from "../graph/graph-event.mapper";

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
  onlineMeeting: boolean;
  onlineMeetingJoinUrl: string | null;
  modifiedAt: Date;
  /** Its Outlook event, if it has one. */
  link: EventLink | null;
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
  onlineMeeting: true,
  onlineMeetingJoinUrl: true,
  modifiedAt: true,
  graphEventId: true,
  graphChangeKey: true,
  graphMailboxUserId: true,
  graphGeneration: true,
  calendarOutbox: { select: { activityId: true } },
} as const;

type Row = Omit<SyncedActivity, "pendingPush" | "link"> & {
  calendarOutbox: unknown;
  graphEventId: string | null;
  graphChangeKey: string | null;
  graphMailboxUserId: string | null;
};

export function createPullRepository(prisma: PrismaClient) {
  const eventLink = createEventLinkRepository(prisma);
  const toSynced = ({ calendarOutbox, graphEventId, graphChangeKey, graphMailboxUserId, ...row }: Row) => ({
    ...row,
    link: linkOfRow({ ownerId: row.ownerId, graphEventId, graphChangeKey, graphMailboxUserId }),
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
      await eventLink.apply(activity, adopted(activity, { eventId, changeKey }));
    },

    /** The CRM's later change wins: it will be pushed with the change key Outlook has now. */
    async keepCrm(activity: SyncedActivity, changeKey: string) {
      await eventLink.apply(activity, seen(activity, changeKey));
    },

    /** Outlook's change wins: applied with the version check, so a CRM edit made meanwhile is not overwritten. */
    async applyOutlook(
      activity: SyncedActivity,
      changes: Partial<
        Pick<
          SyncedActivity,
          | "subject"
          | "location"
          | "startsAt"
          | "endsAt"
          | "allDay"
          | "status"
          | "onlineMeeting"
          | "onlineMeetingJoinUrl"
        >
      >,
      changeKey: string,
      now: Date,
    ): Promise<boolean> {
      const changed = Object.keys(changes).length > 0;
      const { ifUnchanged } = tookOutlookChange(activity, changeKey, now);
      const { count } = await prisma.activity.updateMany({
        where: { id: activity.id, version: activity.version },
        data: {
          ...changes,
          ...(changed && { version: { increment: 1 }, modifiedAt: now, modifiedById: activity.ownerId }),
          ...linkData(ifUnchanged!),
        },
      });
      if (count > 0) await dropPushUpTo(activity.id, activity.version);
      return count > 0;
    },

    /** Deleted in Outlook (the one rule in activity-event-link.ts): true when the activity as read was settled. */
    async deletedInOutlook(activity: SyncedActivity, now: Date): Promise<boolean> {
      const settled = await eventLink.apply(activity, deletedInOutlook(activity, now));
      if (settled) await dropPushUpTo(activity.id, activity.version);
      return settled;
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
            onlineMeeting: input.onlineMeetingJoinUrl !== null,
            onlineMeetingJoinUrl: input.onlineMeetingJoinUrl,
            ownerId: input.ownerId,
            customerId: input.customerId,
            contactId: input.contactId,
            createdById: input.ownerId,
            modifiedById: input.ownerId,
            ...linkCreateData(imported(input, now)),
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
