import type { Activity, ActivitySeries } from "contract";
import type { Prisma, PrismaClient } from "../../generated/prisma/client";
import { NO_SERIES_OUTBOX, type SeriesOutbox } from "../../calendar-sync/outbox/series-outbox";
import { staleVersion } from "../../shared/app-error";
import { type SeriesFields, onFreeDays } from "../../shared/recurrence";
import { USER_REF_SELECT } from "../../db/user-ref";
import { seriesFieldsOf } from "../../db/series-row";

/** A series as the service writes it. */
export interface SeriesWrite extends SeriesFields {
  type: Activity["type"];
  ownerId: string;
  customerId: string | null;
  contactId: string | null;
}

/** One occurrence to materialise: where the rule puts it. */
export interface OccurrenceWrite {
  startsAt: Date;
  endsAt: Date;
}

export interface ActivitySeriesRepository {
  create(data: SeriesWrite, occurrences: OccurrenceWrite[], until: Date, userId: string): Promise<string>;
  findById(id: string): Promise<ActivitySeries | null>;
  findWrite(id: string): Promise<(SeriesWrite & { id: string; version: number; cancelled: boolean }) | null>;
  /**
   * "The whole series": the series changes, planned occurrences that are not exceptions are replaced
   * by `occurrences` (finished ones and exceptions stay), and the Outlook master is queued.
   */
  updateWhole(
    id: string,
    version: number,
    data: Partial<SeriesWrite> & { cancelled?: boolean },
    /** The rule's occurrences when the times or the rule changed (null: same times, fields only). */
    occurrences: OccurrenceWrite[] | null,
    until: Date,
    userId: string,
  ): Promise<void>;
}

const SERIES_INCLUDE = {
  owner: { select: USER_REF_SELECT },
} satisfies Prisma.ActivitySeriesInclude;

function occurrenceRows(
  seriesId: string,
  data: SeriesWrite,
  occurrences: OccurrenceWrite[],
  userId: string,
  queued: boolean,
) {
  return occurrences.map((occurrence) => ({
    seriesId,
    occurrenceStart: occurrence.startsAt,
    type: data.type,
    subject: data.subject,
    notes: data.notes,
    location: data.location,
    startsAt: occurrence.startsAt,
    endsAt: occurrence.endsAt,
    timeZone: data.timeZone,
    allDay: data.allDay,
    reminderMinutesBefore: data.reminderMinutesBefore,
    onlineMeeting: data.onlineMeeting,
    ownerId: data.ownerId,
    customerId: data.customerId,
    contactId: data.contactId,
    createdById: userId,
    modifiedById: userId,
    // The series master carries them to Outlook; each is linked to its instance when the pull sees it.
    syncState: queued ? ("PENDING" as const) : ("NOT_SYNCED" as const),
  }));
}

/**
 * outbox: the calendar sync's series outbox, written in the series' transaction. Occurrences are
 * inserted with skipDuplicates on (seriesId, occurrenceStart): materialising twice never duplicates.
 */
export function createActivitySeriesRepository(
  prisma: PrismaClient,
  outbox: SeriesOutbox = NO_SERIES_OUTBOX,
  listOccurrences: (seriesId: string) => Promise<Activity[]>,
): ActivitySeriesRepository {
  const fromRow = (row: Prisma.ActivitySeriesGetPayload<{ include: typeof SERIES_INCLUDE }>) => ({
    type: row.type,
    ...seriesFieldsOf(row),
    ownerId: row.ownerId,
    customerId: row.customerId,
    contactId: row.contactId,
  });

  return {
    async create(data, occurrences, until, userId) {
      return prisma.$transaction(async (tx) => {
        const { recurrence, ...fields } = data;
        const series = await tx.activitySeries.create({
          data: {
            ...fields,
            pattern: recurrence.pattern,
            range: recurrence.range,
            materialisedUntil: until,
            createdById: userId,
            modifiedById: userId,
          },
        });
        const queued = await outbox.enqueue(tx, series);
        await tx.activity.createMany({
          data: occurrenceRows(series.id, data, occurrences, userId, queued),
          skipDuplicates: true,
        });
        return series.id;
      });
    },

    async findById(id) {
      const row = await prisma.activitySeries.findUnique({ where: { id }, include: SERIES_INCLUDE });
      if (!row) return null;
      const data = fromRow(row);
      return {
        id: row.id,
        type: data.type,
        subject: data.subject,
        notes: data.notes,
        location: data.location,
        startsAt: row.firstStartsAt.toISOString(),
        endsAt: row.firstEndsAt.toISOString(),
        timeZone: row.timeZone,
        allDay: row.allDay,
        reminderMinutesBefore: row.reminderMinutesBefore,
        onlineMeeting: row.onlineMeeting,
        recurrence: data.recurrence,
        cancelled: row.cancelled,
        owner: row.owner,
        customerId: row.customerId,
        contactId: row.contactId,
        sync: { state: row.syncState, eventId: row.graphEventId, error: row.syncError },
        materialisedUntil: row.materialisedUntil.toISOString(),
        version: row.version,
        occurrences: await listOccurrences(row.id),
      };
    },

    async findWrite(id) {
      const row = await prisma.activitySeries.findUnique({ where: { id }, include: SERIES_INCLUDE });
      return row ? { id: row.id, version: row.version, cancelled: row.cancelled, ...fromRow(row) } : null;
    },

    async updateWhole(id, version, data, occurrences, until, userId) {
      await prisma.$transaction(async (tx) => {
        const { recurrence, ...fields } = data;
        const { count } = await tx.activitySeries.updateMany({
          where: { id, version },
          data: {
            ...fields,
            ...(recurrence && { pattern: recurrence.pattern, range: recurrence.range }),
            materialisedUntil: until,
            modifiedById: userId,
            modifiedAt: new Date(),
            version: { increment: 1 },
          },
        });
        if (count === 0) throw staleVersion("This series");
        const series = await tx.activitySeries.findUniqueOrThrow({ where: { id }, include: SERIES_INCLUDE });
        const queued = await outbox.enqueue(tx, series);
        const planned = { seriesId: id, status: "PLANNED" as const, seriesException: false };
        if (!data.cancelled && occurrences === null) {
          // Same times: the shared fields change on the occurrences not changed on their own.
          const { type, subject, notes, location, reminderMinutesBefore, onlineMeeting } = fromRow(series);
          await tx.activity.updateMany({
            where: planned,
            data: {
              type,
              subject,
              notes,
              location,
              reminderMinutesBefore,
              onlineMeeting,
              modifiedById: userId,
              modifiedAt: new Date(),
              version: { increment: 1 },
              ...(queued && { syncState: "PENDING" }),
            },
          });
          return;
        }
        if (data.cancelled) {
          // Cancelled, never erased: the planned occurrences stay, cancelled; finished ones as they were.
          await tx.activity.updateMany({
            where: { seriesId: id, status: "PLANNED" },
            data: { status: "CANCELLED", modifiedById: userId, modifiedAt: new Date(), version: { increment: 1 } },
          });
          return;
        }
        // Outlook rebuilds a series' instances when its pattern or time changes; so does the CRM:
        // planned occurrences that were not changed on their own go, the rule's new ones come.
        await tx.activity.deleteMany({ where: planned });
        const kept = await tx.activity.findMany({ where: { seriesId: id }, select: { occurrenceStart: true } });
        await tx.activity.createMany({
          data: occurrenceRows(
            id,
            fromRow(series),
            onFreeDays(occurrences ?? [], kept, series.timeZone),
            userId,
            queued,
          ),
          skipDuplicates: true,
        });
      });
    },
  };
}
