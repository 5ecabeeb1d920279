import type { Recurrence } from "contract";
import { Prisma, type PrismaClient } from "../../generated/prisma/client";
import { type SeriesFields, onFreeDays } from "../../shared/recurrence";
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
import { type SeriesPushedFields, seriesPushedOf } from "../graph/series-master.mapper";

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

/** A recurring series as the pull matches Outlook's instances with it and merges its master. */
export interface KnownSeries extends SeriesFields {
  id: string;
  version: number;
  graphEventId: string;
  graphChangeKey: string | null;
  graphGeneration: number;
  ownerId: string;
  type: "CALL" | "VISIT" | "MEETING" | "TASK" | "EMAIL" | "OTHER";
  customerId: string | null;
  contactId: string | null;
  cancelled: boolean;
  modifiedAt: Date;
  /** What the CRM last sent the master (null: not known). */
  pushed: SeriesPushedFields | null;
  /** A CRM change of the whole series not pushed yet. */
  pendingPush: boolean;
}

/** A series' own fields as Outlook's master changed them (only those taken from it). */
export type SeriesChanges = Partial<
  Pick<KnownSeries, "subject" | "location" | "firstStartsAt" | "firstEndsAt" | "allDay" | "recurrence" | "cancelled">
>;

/** A series whose occurrences exist up to materialisedUntil, for the window that moved on. */
export interface SeriesToExtend {
  id: string;
  firstStartsAt: Date;
  firstEndsAt: Date;
  timeZone: string;
  allDay: boolean;
  recurrence: Recurrence;
  materialisedUntil: Date;
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

const SERIES_SELECT = {
  id: true,
  version: true,
  graphEventId: true,
  graphChangeKey: true,
  graphGeneration: true,
  graphPushed: true,
  ownerId: true,
  type: true,
  subject: true,
  notes: true,
  location: true,
  firstStartsAt: true,
  firstEndsAt: true,
  timeZone: true,
  allDay: true,
  reminderMinutesBefore: true,
  onlineMeeting: true,
  pattern: true,
  range: true,
  customerId: true,
  contactId: true,
  cancelled: true,
  modifiedAt: true,
  outbox: { select: { seriesId: true } },
} as const;

type SeriesRow = Prisma.ActivitySeriesGetPayload<{ select: typeof SERIES_SELECT }>;

const knownSeriesOf = ({ graphPushed, pattern, range, outbox, ...row }: SeriesRow): KnownSeries => ({
  ...row,
  graphEventId: row.graphEventId!,
  recurrence: { pattern, range } as Recurrence,
  pushed: seriesPushedOf(graphPushed),
  pendingPush: outbox !== null,
});

/** An occurrence of a series as a new activity (PENDING: linked to its instance when the pull meets it). */
function occurrenceRow(
  series: Omit<KnownSeries, "graphEventId" | "recurrence" | "pushed" | "pendingPush" | "graphChangeKey"> & {
    graphEventId: string | null;
  },
  occurrenceStart: Date,
  times: { startsAt: Date; endsAt: Date },
) {
  return {
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
    syncState: "PENDING" as const,
  };
}

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

    /** Our series behind these Outlook series masters, or with these ids (still linked to a master). */
    async seriesByMasters(ownerId: string, masterIds: string[], seriesIds: string[] = []): Promise<KnownSeries[]> {
      if (masterIds.length === 0 && seriesIds.length === 0) return [];
      const rows = await prisma.activitySeries.findMany({
        where: {
          ownerId,
          graphEventId: { not: null },
          OR: [{ graphEventId: { in: masterIds } }, { id: { in: seriesIds } }],
        },
        select: SERIES_SELECT,
      });
      return rows.map(knownSeriesOf);
    },

    /**
     * Outlook's change of a series master, taken into the series read at `series.version` (nothing
     * happens once the CRM changed it meanwhile: that change is pushed, meets a 412 and is merged
     * again). As the CRM's own change of the whole series does: a new time or rule rebuilds the
     * planned occurrences not changed on their own (`occurrences`), other fields reach them as they
     * are; exceptions and finished ones stay; cancelled, the planned ones are cancelled.
     * keepPush: CRM changes Outlook did not override are still to be sent (the series stays PENDING).
     */
    async seriesFromOutlook(
      series: KnownSeries,
      changes: SeriesChanges,
      master: { changeKey: string },
      merge: { pushed: SeriesPushedFields | null; keepPush: boolean },
      occurrences: { startsAt: Date; endsAt: Date }[] | null,
      until: Date | null,
      now: Date,
    ): Promise<{ applied: boolean; cancelled: number }> {
      const { recurrence, ...fields } = changes;
      const changed = Object.keys(changes).length > 0;
      return prisma.$transaction(async (tx) => {
        const { count } = await tx.activitySeries.updateMany({
          where: { id: series.id, version: series.version },
          data: {
            ...fields,
            ...(recurrence && { pattern: recurrence.pattern, range: recurrence.range }),
            ...(changed && { version: { increment: 1 }, modifiedAt: now, modifiedById: series.ownerId }),
            ...(until && { materialisedUntil: until }),
            graphChangeKey: master.changeKey,
            ...(merge.pushed && { graphPushed: merge.pushed as unknown as Prisma.InputJsonValue }),
            ...(!merge.keepPush && { syncState: "SYNCED", syncError: null, lastSyncedAt: now }),
          },
        });
        if (count === 0) return { applied: false, cancelled: 0 };
        // Outlook's change replaced the CRM's older one: it is not sent any more.
        if (!merge.keepPush)
          await tx.seriesOutbox.deleteMany({ where: { seriesId: series.id, seriesVersion: { lte: series.version } } });
        const planned = { seriesId: series.id, status: "PLANNED" as const, seriesException: false };
        const touched = { modifiedAt: now, modifiedById: series.ownerId, version: { increment: 1 } };
        if (changes.cancelled) {
          const { count: cancelled } = await tx.activity.updateMany({
            where: { seriesId: series.id, status: "PLANNED" },
            data: { status: "CANCELLED", ...touched },
          });
          return { applied: true, cancelled };
        }
        if (occurrences) {
          await tx.activity.deleteMany({ where: planned });
          const after = { ...series, ...fields };
          const kept = await tx.activity.findMany({
            where: { seriesId: series.id },
            select: { occurrenceStart: true },
          });
          await tx.activity.createMany({
            data: onFreeDays(occurrences, kept, series.timeZone).map((occurrence) =>
              occurrenceRow(after, occurrence.startsAt, occurrence),
            ),
            skipDuplicates: true,
          });
        } else if (changes.subject !== undefined || changes.location !== undefined)
          await tx.activity.updateMany({
            where: planned,
            data: {
              ...(changes.subject !== undefined && { subject: changes.subject }),
              ...(changes.location !== undefined && { location: changes.location }),
              ...touched,
            },
          });
        return { applied: true, cancelled: 0 };
      });
    },

    /**
     * The series master is gone from Outlook (a GET answered 404): as for an activity's event, the
     * series read at `series.version` is cancelled (never erased) with its planned occurrences; a CRM
     * change made after the read wins, and only the link ends (the push makes a new master).
     */
    async seriesDeletedInOutlook(series: KnownSeries, now: Date): Promise<number> {
      return prisma.$transaction(async (tx) => {
        const unlink = {
          graphEventId: null,
          graphChangeKey: null,
          graphPushed: Prisma.DbNull,
          graphGeneration: { increment: 1 },
        };
        const { count } = await tx.activitySeries.updateMany({
          where: { id: series.id, version: series.version, graphEventId: series.graphEventId },
          data: {
            ...unlink,
            cancelled: true,
            version: { increment: 1 },
            modifiedAt: now,
            modifiedById: series.ownerId,
            syncState: "SYNCED",
            syncError: null,
            lastSyncedAt: now,
          },
        });
        if (count === 0)
          await tx.activitySeries.updateMany({
            where: { id: series.id, graphEventId: series.graphEventId },
            data: unlink,
          });
        else await tx.seriesOutbox.deleteMany({ where: { seriesId: series.id } });
        await tx.activity.updateMany({
          where: { seriesId: series.id, graphEventId: { not: null } },
          data: { graphEventId: null, graphChangeKey: null, graphPushed: Prisma.DbNull },
        });
        if (count === 0) return 0;
        const { count: cancelled } = await tx.activity.updateMany({
          where: { seriesId: series.id, status: "PLANNED" },
          data: {
            status: "CANCELLED",
            syncState: "SYNCED",
            modifiedAt: now,
            modifiedById: series.ownerId,
            version: { increment: 1 },
          },
        });
        return cancelled;
      });
    },

    /** The owner's live series whose occurrences stop before `until` (the window moved on). */
    async seriesToExtend(ownerId: string, until: Date): Promise<SeriesToExtend[]> {
      const rows = await prisma.activitySeries.findMany({
        where: { ownerId, cancelled: false, materialisedUntil: { lt: until } },
        select: {
          id: true,
          firstStartsAt: true,
          firstEndsAt: true,
          timeZone: true,
          allDay: true,
          pattern: true,
          range: true,
          materialisedUntil: true,
        },
      });
      return rows.map(({ pattern, range, ...row }) => ({ ...row, recurrence: { pattern, range } as Recurrence }));
    },

    /**
     * The occurrences of a series up to `until`, made where missing (never twice: unique series and
     * occurrenceStart; a cancelled or moved one keeps its row, so it is not made again).
     */
    async extendSeries(series: SeriesToExtend, occurrences: { startsAt: Date; endsAt: Date }[], until: Date) {
      await prisma.$transaction(async (tx) => {
        const { count } = await tx.activitySeries.updateMany({
          where: { id: series.id, cancelled: false, materialisedUntil: series.materialisedUntil },
          data: { materialisedUntil: until },
        });
        if (count === 0 || occurrences.length === 0) return;
        const row = await tx.activitySeries.findUniqueOrThrow({ where: { id: series.id }, select: SERIES_SELECT });
        await tx.activity.createMany({
          data: occurrences.map((occurrence) => occurrenceRow(row, occurrence.startsAt, occurrence)),
          skipDuplicates: true,
        });
      });
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
      await prisma.activity.createMany({ data: [occurrenceRow(series, occurrenceStart, times)], skipDuplicates: true });
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
