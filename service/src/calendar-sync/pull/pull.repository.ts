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
import { type ActivityFromEvent, type PushedFields, pushedFieldsOf } from "../graph/graph-event.mapper";

/** An activity as the pull compares it with its Outlook event. */
export interface SyncedActivity {
  id: string;
  version: number;
  ownerId: string;
  subject: string;
  notes: string | null;
  location: string | null;
  startsAt: Date;
  endsAt: Date;
  timeZone: string;
  allDay: boolean;
  status: "PLANNED" | "FINISHED" | "CANCELLED";
  reminderMinutesBefore: number | null;
  onlineMeeting: boolean;
  onlineMeetingJoinUrl: string | null;
  modifiedAt: Date;
  /** Its Outlook event, if it has one. */
  link: EventLink | null;
  /** What the CRM last sent that event, field by field (null: not known). */
  pushed: PushedFields | null;
  graphGeneration: number;
  /** A CRM change not pushed yet. */
  pendingPush: boolean;
  /** An occurrence of a recurring series, and whether it was changed on its own. */
  seriesId: string | null;
  seriesException: boolean;
}

/** A recurring series as the pull matches Outlook's instances with it. */
export interface KnownSeries {
  id: string;
  graphEventId: string;
  ownerId: string;
  type: "CALL" | "VISIT" | "MEETING" | "TASK" | "EMAIL" | "OTHER";
  subject: string;
  notes: string | null;
  location: string | null;
  timeZone: string;
  allDay: boolean;
  reminderMinutesBefore: number | null;
  onlineMeeting: boolean;
  customerId: string | null;
  contactId: string | null;
  cancelled: boolean;
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
  notes: true,
  location: true,
  startsAt: true,
  endsAt: true,
  timeZone: true,
  allDay: true,
  status: true,
  reminderMinutesBefore: true,
  onlineMeeting: true,
  onlineMeetingJoinUrl: true,
  modifiedAt: true,
  graphPushed: true,
  graphEventId: true,
  graphChangeKey: true,
  graphMailboxUserId: true,
  graphGeneration: true,
  seriesId: true,
  seriesException: true,
  calendarOutbox: { select: { activityId: true } },
} as const;

type Row = Omit<SyncedActivity, "pendingPush" | "link" | "pushed"> & {
  graphPushed: unknown;
  calendarOutbox: unknown;
  graphEventId: string | null;
  graphChangeKey: string | null;
  graphMailboxUserId: string | null;
};

export function createPullRepository(prisma: PrismaClient) {
  const eventLink = createEventLinkRepository(prisma);
  const toSynced = ({
    calendarOutbox,
    graphEventId,
    graphChangeKey,
    graphMailboxUserId,
    graphPushed,
    ...row
  }: Row) => ({
    ...row,
    pushed: graphEventId ? pushedFieldsOf(graphPushed) : null,
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
    async keepCrm(activity: SyncedActivity, changeKey: string, pushed: PushedFields | null) {
      const write = seen(activity, changeKey);
      await eventLink.apply(activity, pushed ? { ...write, always: { ...write.always, pushed } } : write);
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
          | "seriesException"
        >
      >,
      changeKey: string,
      now: Date,
      merge: { pushed: PushedFields | null; keepPush: boolean } = { pushed: null, keepPush: false },
    ): Promise<boolean> {
      const changed = Object.keys(changes).length > 0;
      const { ifUnchanged } = tookOutlookChange(activity, changeKey, now);
      // With CRM changes still to push, only the change key moves on: the activity stays PENDING.
      const link = merge.keepPush ? { changeKey: ifUnchanged!.changeKey } : ifUnchanged!;
      const { count } = await prisma.activity.updateMany({
        where: { id: activity.id, version: activity.version },
        data: {
          ...changes,
          ...(changed && { version: { increment: 1 }, modifiedAt: now, modifiedById: activity.ownerId }),
          ...linkData({ ...link, ...(merge.pushed && { pushed: merge.pushed }) }),
        },
      });
      if (count > 0 && !merge.keepPush) await dropPushUpTo(activity.id, activity.version);
      return count > 0;
    },

    /** Deleted in Outlook (the one rule in activity-event-link.ts): true when the activity as read was settled. */
    async deletedInOutlook(activity: SyncedActivity, now: Date): Promise<boolean> {
      const settled = await eventLink.apply(activity, deletedInOutlook(activity, now));
      if (settled) await dropPushUpTo(activity.id, activity.version);
      return settled;
    },

    /** Our series behind these Outlook series masters. */
    async seriesByMasters(ownerId: string, masterIds: string[]): Promise<KnownSeries[]> {
      if (masterIds.length === 0) return [];
      const rows = await prisma.activitySeries.findMany({
        where: { ownerId, graphEventId: { in: masterIds } },
        select: {
          id: true,
          graphEventId: true,
          ownerId: true,
          type: true,
          subject: true,
          notes: true,
          location: true,
          timeZone: true,
          allDay: true,
          reminderMinutesBefore: true,
          onlineMeeting: true,
          customerId: true,
          contactId: true,
          cancelled: true,
        },
      });
      return rows.map((row) => ({ ...row, graphEventId: row.graphEventId! }));
    },

    /** The master changed in Outlook (or our change came back): its change key, for the next PATCH. */
    async seriesMasterSeen(seriesId: string, changeKey: string) {
      await prisma.activitySeries.updateMany({ where: { id: seriesId }, data: { graphChangeKey: changeKey } });
    },

    /**
     * The occurrence of a series at its originalStart: made if the CRM does not hold it yet (outside
     * the window it was materialised for), never twice (unique seriesId + occurrenceStart).
     */
    async occurrence(
      series: KnownSeries,
      occurrenceStart: Date,
      times: { startsAt: Date; endsAt: Date },
    ): Promise<SyncedActivity | null> {
      if (series.cancelled) return null;
      await prisma.activity.createMany({
        data: [
          {
            seriesId: series.id,
            occurrenceStart,
            type: series.type,
            subject: series.subject,
            notes: series.notes,
            location: series.location,
            startsAt: times.startsAt,
            endsAt: times.endsAt,
            timeZone: series.timeZone,
            allDay: series.allDay,
            reminderMinutesBefore: series.reminderMinutesBefore,
            onlineMeeting: series.onlineMeeting,
            ownerId: series.ownerId,
            customerId: series.customerId,
            contactId: series.contactId,
            createdById: series.ownerId,
            modifiedById: series.ownerId,
            syncState: "PENDING",
          },
        ],
        skipDuplicates: true,
      });
      const row = await prisma.activity.findUnique({
        where: { seriesId_occurrenceStart: { seriesId: series.id, occurrenceStart } },
        select: SELECT,
      });
      return row ? toSynced(row) : null;
    },

    /**
     * Links an occurrence to its Outlook instance (no change key yet, so the pull then compares the
     * two like any event); only while it is unlinked, and never a second activity to one instance.
     */
    async linkOccurrence(activity: SyncedActivity, eventId: string): Promise<boolean> {
      try {
        const { count } = await prisma.activity.updateMany({
          where: { id: activity.id, graphEventId: null },
          data: { graphEventId: eventId, graphChangeKey: null, graphMailboxUserId: activity.ownerId },
        });
        return count > 0;
      } catch (error) {
        if (classifyDbError(error)?.kind === "unique") return false;
        throw error;
      }
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
