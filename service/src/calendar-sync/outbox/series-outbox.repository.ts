import { Prisma, type PrismaClient } from "../../generated/prisma/client";
import { type SeriesPushedFields, seriesPushedOf } from "../graph/series-master.mapper";
import type { SeriesFields } from "../../shared/recurrence";
import { seriesFieldsOf } from "../../db/series-row";
import { createOutboxLease } from "./outbox-lease";

/** A series the worker leased, with what its Outlook series master needs. */
export interface LeasedSeries extends SeriesFields {
  id: string;
  version: number;
  ownerId: string;
  ownerEmail: string;
  cancelled: boolean;
  graphEventId: string | null;
  graphChangeKey: string | null;
  graphGeneration: number;
  /** What the CRM last sent the master (null: not known, or no master yet). */
  pushed: SeriesPushedFields | null;
  attempts: number;
  attendee: { email: string; name: string } | null;
}

export function createSeriesOutboxRepository(prisma: PrismaClient) {
  const lease = createOutboxLease(prisma, {
    outbox: "SeriesOutbox",
    key: "seriesId",
    version: "seriesVersion",
    parent: "ActivitySeries",
    order: "availableAt",
  });
  const finish = (series: LeasedSeries) => lease.finish([series]);

  return {
    claim: lease.claim,

    async load(ids: string[]): Promise<LeasedSeries[]> {
      const rows = await prisma.activitySeries.findMany({
        where: { id: { in: ids } },
        include: { owner: { select: { email: true } }, outbox: { select: { attempts: true } } },
      });
      const contactIds = rows.flatMap((row) => (row.contactId ? [row.contactId] : []));
      const contacts = new Map(
        (
          await prisma.contact.findMany({
            where: { id: { in: contactIds } },
            include: { emails: { orderBy: { position: "asc" }, take: 1 } },
          })
        ).map((contact) => [contact.id, contact]),
      );
      return rows.map((row) => {
        const contact = row.contactId ? contacts.get(row.contactId) : undefined;
        const email = contact?.emails[0]?.email;
        return {
          id: row.id,
          version: row.version,
          ownerId: row.ownerId,
          ownerEmail: row.owner.email,
          ...seriesFieldsOf(row),
          cancelled: row.cancelled,
          graphEventId: row.graphEventId,
          graphChangeKey: row.graphChangeKey,
          graphGeneration: row.graphGeneration,
          pushed: row.graphEventId ? seriesPushedOf(row.graphPushed) : null,
          attempts: row.outbox?.attempts ?? 0,
          attendee: contact && email ? { email, name: `${contact.firstName} ${contact.lastName}`.trim() } : null,
        };
      });
    },

    /** The master was made or changed: linked, SYNCED unless the series changed meanwhile. */
    async synced(
      series: LeasedSeries,
      eventId: string,
      changeKey: string | null,
      pushed: SeriesPushedFields,
      now: Date,
    ) {
      await prisma.activitySeries.updateMany({
        where: { id: series.id },
        data: {
          graphEventId: eventId,
          // No answer (nothing had to be sent): the change key Outlook has stays.
          ...(changeKey !== null && { graphChangeKey: changeKey }),
          graphPushed: pushed as unknown as Prisma.InputJsonValue,
          lastSyncedAt: now,
          syncError: null,
        },
      });
      const { count } = await prisma.activitySeries.updateMany({
        where: { id: series.id, version: series.version },
        data: { syncState: "SYNCED" },
      });
      // The occurrences the master carries (planned, not changed on their own, linked to their
      // instance, nothing of their own to send, showing the series' fields as pushed and the rule's
      // time) were PENDING only for it: Outlook's instances show what they show now. Their change
      // key is learnt by the next pull; a PATCH before that meets a 412 and is merged, never lost.
      if (count > 0)
        await prisma.activity.updateMany({
          where: {
            seriesId: series.id,
            status: "PLANNED",
            seriesException: false,
            graphEventId: { not: null },
            syncState: "PENDING",
            calendarOutbox: null,
            subject: series.subject,
            notes: series.notes,
            location: series.location,
            reminderMinutesBefore: series.reminderMinutesBefore,
            onlineMeeting: series.onlineMeeting,
            allDay: series.allDay,
            timeZone: series.timeZone,
            startsAt: { equals: prisma.activity.fields.occurrenceStart },
          },
          data: { syncState: "SYNCED", syncError: null, lastSyncedAt: now },
        });
      await finish(series);
    },

    /** The master is gone (our delete, or Outlook's): unlinked; a cancelled series is done. */
    async removed(series: LeasedSeries, now: Date, deletedInOutlook: boolean) {
      await prisma.$transaction(async (tx) => {
        await tx.activitySeries.updateMany({
          where: { id: series.id },
          data: {
            graphEventId: null,
            graphChangeKey: null,
            graphPushed: Prisma.DbNull,
            graphGeneration: { increment: 1 },
            lastSyncedAt: now,
            syncState: "SYNCED",
            syncError: null,
            // Deleted in Outlook: the series ends there, as an activity's event deleted in Outlook does.
            ...(deletedInOutlook && { cancelled: true, version: { increment: 1 } }),
          },
        });
        await tx.activity.updateMany({
          where: { seriesId: series.id, graphEventId: { not: null } },
          data: { graphEventId: null, graphChangeKey: null },
        });
        if (deletedInOutlook)
          await tx.activity.updateMany({
            where: { seriesId: series.id, status: "PLANNED" },
            data: { status: "CANCELLED", modifiedAt: now, modifiedById: series.ownerId, version: { increment: 1 } },
          });
        await tx.activity.updateMany({
          where: { seriesId: series.id, syncState: "PENDING", calendarOutbox: null },
          data: { syncState: "SYNCED" },
        });
      });
      await finish(series);
    },

    async changeKey(series: LeasedSeries, changeKey: string) {
      await prisma.activitySeries.updateMany({ where: { id: series.id }, data: { graphChangeKey: changeKey } });
    },

    async failed(series: LeasedSeries, message: string, now: Date) {
      await prisma.activitySeries.updateMany({
        where: { id: series.id },
        data: { syncError: message, lastSyncedAt: now },
      });
      await prisma.activitySeries.updateMany({
        where: { id: series.id, version: series.version },
        data: { syncState: "FAILED" },
      });
      await finish(series);
    },

    /** No usable answer: tried again at availableAt (counted toward backoff unless a conflict). */
    async retry(series: LeasedSeries, availableAt: Date, message: string, counts: boolean) {
      await prisma.seriesOutbox.updateMany({
        where: { seriesId: series.id },
        data: {
          lockedUntil: null,
          lockedBy: null,
          availableAt,
          lastError: message,
          ...(counts && { attempts: { increment: 1 } }),
        },
      });
    },

    async release(ids: string[]) {
      if (ids.length === 0) return;
      await prisma.seriesOutbox.updateMany({
        where: { seriesId: { in: ids } },
        data: { lockedUntil: null, lockedBy: null },
      });
    },

    async releaseAll(workerId: string) {
      await prisma.seriesOutbox.updateMany({
        where: { lockedBy: workerId },
        data: { lockedUntil: null, lockedBy: null },
      });
    },

    async retryNow(ownerId: string, now: Date) {
      await prisma.seriesOutbox.updateMany({
        where: { series: { ownerId }, availableAt: { gt: now } },
        data: { availableAt: now },
      });
    },
  };
}

export type SeriesOutboxRepository = ReturnType<typeof createSeriesOutboxRepository>;
