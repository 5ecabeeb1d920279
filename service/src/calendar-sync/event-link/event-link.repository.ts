import type { Prisma, PrismaClient } from "../../generated/prisma/client";
import type { EventLink, LinkColumns, LinkWrite } from "./activity-event-link";

// The only code that maps the activity ↔ Outlook event link and its sync state to the Activity table:
// what to write is decided by activity-event-link.ts. Writes that must share one statement with other
// columns (the outbox queueing a change, the pull taking Outlook's edit) carry linkData() in their own.

/** The columns of a transition as Prisma data for the Activity table. */
export function linkData(columns: LinkColumns): Prisma.ActivityUpdateManyMutationInput {
  return {
    ...(columns.link !== undefined && {
      graphEventId: columns.link?.eventId ?? null,
      graphChangeKey: columns.link?.changeKey ?? null,
      graphMailboxUserId: columns.link?.mailboxUserId ?? null,
    }),
    ...(columns.changeKey !== undefined && { graphChangeKey: columns.changeKey }),
    ...(columns.pushed !== undefined && { graphPushed: columns.pushed as Prisma.InputJsonValue }),
    ...(columns.newGeneration && { graphGeneration: { increment: 1 } }),
    ...(columns.syncState !== undefined && { syncState: columns.syncState }),
    ...(columns.syncError !== undefined && { syncError: columns.syncError }),
    ...(columns.lastSyncedAt !== undefined && { lastSyncedAt: columns.lastSyncedAt }),
    ...(columns.endsWait && { syncWaitReason: null, syncWaitingSince: null, syncRetryAt: null }),
    ...(columns.retryNow && { syncRetryAt: null }),
    ...(columns.cancelledBy !== undefined && {
      status: "CANCELLED",
      version: { increment: 1 },
      modifiedById: columns.cancelledBy,
      modifiedAt: columns.lastSyncedAt ?? new Date(),
    }),
  };
}

/** The link an activity row stores. Events pushed before the mailbox was recorded are in the owner's calendar. */
export function linkOfRow(row: {
  ownerId: string;
  graphEventId: string | null;
  graphChangeKey: string | null;
  graphMailboxUserId?: string | null;
}): EventLink | null {
  if (!row.graphEventId) return null;
  return {
    eventId: row.graphEventId,
    changeKey: row.graphChangeKey,
    mailboxUserId: row.graphMailboxUserId ?? row.ownerId,
  };
}

/** The link columns of a new activity (an imported Outlook event). */
export function linkCreateData(
  columns: LinkColumns,
): Pick<
  Prisma.ActivityUncheckedCreateInput,
  "graphEventId" | "graphChangeKey" | "graphMailboxUserId" | "syncState" | "lastSyncedAt"
> {
  const link: EventLink | null | undefined = columns.link;
  return {
    graphEventId: link?.eventId ?? null,
    graphChangeKey: link?.changeKey ?? null,
    graphMailboxUserId: link?.mailboxUserId ?? null,
    ...(columns.syncState && { syncState: columns.syncState }),
    ...(columns.lastSyncedAt && { lastSyncedAt: columns.lastSyncedAt }),
  };
}

// The bulk form of `pushed` (a whole $batch answered): linked in the owner's calendar, the wait
// ended, SYNCED where the activity is still at the version pushed. Two statements for any number.
// The Teams join link is what Graph answered with (null: none made, or not asked for); an item
// without an answer (nothing to send) keeps the one stored.
const PUSHED_SQL = `
UPDATE "Activity" a SET "graphEventId" = v.event_id, "graphChangeKey" = v.change_key, "lastSyncedAt" = $5,
  "graphMailboxUserId" = v.mailbox, "graphPushed" = v.pushed::jsonb, "syncError" = NULL,
  "onlineMeetingJoinUrl" = CASE WHEN v.join_known THEN v.join_url ELSE a."onlineMeetingJoinUrl" END,
  "syncWaitReason" = NULL, "syncWaitingSince" = NULL, "syncRetryAt" = NULL,
  "syncState" = CASE WHEN a.version = v.version THEN 'SYNCED'::"SyncState" ELSE a."syncState" END
FROM unnest($1::uuid[], $2::text[], $3::text[], $4::int[], $6::uuid[], $7::text[], $8::text[], $9::boolean[])
  AS v(id, event_id, change_key, version, mailbox, pushed, join_url, join_known)
WHERE a.id = v.id`;

export function createEventLinkRepository(prisma: PrismaClient | Prisma.TransactionClient) {
  return {
    /**
     * Writes one transition on the activity read at `version`: `always` and `ifUnchanged` together
     * while it is still at that version, else `always` alone. Answers whether `ifUnchanged` was written.
     */
    async apply(activity: { id: string; version: number }, write: LinkWrite): Promise<boolean> {
      const where = {
        id: activity.id,
        ...(write.expectEventId !== undefined && { graphEventId: write.expectEventId }),
      };
      if (write.ifUnchanged) {
        const { count } = await prisma.activity.updateMany({
          where: { ...where, version: activity.version },
          data: linkData({ ...write.always, ...write.ifUnchanged }),
        });
        if (count > 0) return true;
      }
      const always = linkData(write.always);
      if (Object.keys(always).length > 0) await prisma.activity.updateMany({ where, data: always });
      return false;
    },

    /** `pushed` for many activities at once (see PUSHED_SQL). */
    async pushedInBulk(
      items: {
        id: string;
        version: number;
        ownerId: string;
        eventId: string;
        changeKey: string | null;
        /** What was sent, field by field (see graph-event.mapper.ts). */
        pushed: unknown;
        /** The event's join link as Graph answered (undefined: no answer, the stored one stays). */
        joinUrl?: string | null;
      }[],
      now: Date,
    ): Promise<void> {
      if (items.length === 0) return;
      await prisma.$executeRawUnsafe(
        PUSHED_SQL,
        items.map((item) => item.id),
        items.map((item) => item.eventId),
        items.map((item) => item.changeKey),
        items.map((item) => item.version),
        now,
        items.map((item) => item.ownerId),
        items.map((item) => JSON.stringify(item.pushed)),
        items.map((item) => item.joinUrl ?? null),
        items.map((item) => item.joinUrl !== undefined),
      );
    },
  };
}

export type EventLinkRepository = ReturnType<typeof createEventLinkRepository>;
