import type { SyncWaitReason } from "contract";
import type { PrismaClient } from "../../generated/prisma/client";
import {
  type EventLink,
  type LinkWrite,
  deletedInOutlook,
  movedToAnotherOwner,
  nothingToSync,
  pushed,
  refused,
  removed,
} from "../event-link/activity-event-link";
import { createEventLinkRepository, linkOfRow } from "../event-link/event-link.repository";
import { type PushableActivity, type PushedFields, pushedFieldsOf } from "../graph/graph-event.mapper";
import { type ClaimOptions, createOutboxLease } from "./outbox-lease";

/** An activity the worker leased, with what it needs to push it. */
export interface LeasedActivity extends PushableActivity {
  /** The version being pushed: the entry is done only if no later change came in meanwhile. */
  version: number;
  ownerId: string;
  ownerEmail: string;
  /** Its Outlook event, with the address of the calendar holding it (the owner's, unless handed over since). */
  link: (EventLink & { mailboxEmail: string }) | null;
  /** What the CRM last sent to that event, field by field (null: not known). */
  pushed: PushedFields | null;
  attempts: number;
  /** An occurrence of a recurring series: never created on its own, only changed once linked. */
  seriesId: string | null;
}

export type PushOutcome =
  | { kind: "synced"; eventId: string; changeKey: string | null }
  | { kind: "removed" } // our event deleted or cancelled as the activity asked
  | { kind: "nothing-to-do" } // finished or cancelled before it ever reached Outlook
  | { kind: "deleted-in-outlook" }
  | { kind: "failed"; message: string }
  /** Try again at availableAt; with a reason, the activity shows that it waits and why. */
  | { kind: "retry"; availableAt: Date; message: string; reason?: SyncWaitReason };

export interface OutboxRepository {
  /** Leases due entries (FOR UPDATE SKIP LOCKED, so replicas never take the same ones). */
  claim(options: ClaimOptions): Promise<string[]>;
  load(activityIds: string[]): Promise<LeasedActivity[]>;
  /** The old owner's event is gone after a change of owner. */
  movedOut(activity: LeasedActivity): Promise<void>;
  /** Gives leased entries back untouched. */
  release(activityIds: string[]): Promise<void>;
  /** Extends every lease this worker holds; returns how many it still holds. */
  renew(workerId: string, lockedUntil: Date): Promise<number>;
  /** Hands back every lease this worker holds (stopping): another replica may take them at once. */
  releaseAll(workerId: string): Promise<number>;
  /** "Sync with Outlook": the owner's waiting entries are due now, whatever their backoff. */
  retryNow(ownerId: string, now: Date): Promise<number>;
  /** Graph answered again: entries waiting for one of these reasons (of one owner, or all) are due now. */
  wake(reasons: SyncWaitReason[], now: Date, ownerId?: string): Promise<number>;
  /**
   * Entries that got no usable answer, in bulk (an outage hits a whole mailbox at once): unlocked,
   * due again at their availableAt, and their activities show why they wait and since when.
   */
  recordWaiting(
    items: { activity: LeasedActivity; availableAt: Date }[],
    wait: { reason: SyncWaitReason; message: string },
    now: Date,
  ): Promise<void>;
  record(activity: LeasedActivity, outcome: PushOutcome, now: Date): Promise<void>;
  /** The common case in bulk: events created or updated, two statements for a whole batch. */
  recordSynced(
    items: {
      activity: LeasedActivity;
      eventId: string;
      changeKey: string | null;
      pushed: PushedFields;
      joinUrl?: string | null;
    }[],
    now: Date,
  ): Promise<void>;
  /** Due entries left for an owner (or everyone). */
  pendingCount(ownerId?: string): Promise<number>;
}

// A run of failures keeps the time of its first one: "unreachable since 10:42" does not move on every retry.
const WAITING_OUTBOX_SQL = `
UPDATE "CalendarOutbox" o SET "lockedUntil" = NULL, "lockedBy" = NULL, "availableAt" = v.available_at,
  "attempts" = o."attempts" + 1, "lastError" = $3
FROM unnest($1::uuid[], $2::timestamptz[]) AS v(id, available_at)
WHERE o."activityId" = v.id`;
const WAITING_ACTIVITY_SQL = `
UPDATE "Activity" a SET "syncWaitReason" = $3::"SyncWaitReason", "syncError" = $4,
  "syncWaitingSince" = COALESCE(a."syncWaitingSince", $5), "syncRetryAt" = v.available_at
FROM unnest($1::uuid[], $2::timestamptz[]) AS v(id, available_at)
WHERE a.id = v.id AND a."syncState" = 'PENDING'`;

const WAKE_SQL = `
UPDATE "CalendarOutbox" o SET "availableAt" = $2
FROM "Activity" a
WHERE a.id = o."activityId" AND a."syncWaitReason"::text = ANY($1::text[])
  AND ($3::uuid IS NULL OR a."ownerId" = $3::uuid) AND o."availableAt" > $2 AND o."lockedBy" IS NULL`;

const RETRY_NOW_SQL = `
UPDATE "CalendarOutbox" o SET "availableAt" = $2
FROM "Activity" a
WHERE a.id = o."activityId" AND a."ownerId" = $1::uuid AND o."availableAt" > $2`;

export function createOutboxRepository(prisma: PrismaClient): OutboxRepository {
  const lease = createOutboxLease(prisma, {
    outbox: "CalendarOutbox",
    key: "activityId",
    version: "activityVersion",
    parent: "Activity",
    order: "enqueuedAt",
  });
  const finishEntry = (activity: LeasedActivity) => lease.finish([activity]);

  const eventLink = createEventLinkRepository(prisma);
  /** A transition of the activity's link, for the version this push read. */
  const transition = (activity: LeasedActivity, write: LinkWrite) => eventLink.apply(activity, write);

  const repository: OutboxRepository = {
    claim: lease.claim,

    async load(activityIds) {
      const rows = await prisma.activity.findMany({
        where: { id: { in: activityIds } },
        include: {
          owner: { select: { email: true } },
          contact: { include: { emails: { orderBy: { position: "asc" }, take: 1 } } },
          calendarOutbox: { select: { attempts: true } },
        },
      });
      const mailboxIds = [...new Set(rows.flatMap((row) => (row.graphMailboxUserId ? [row.graphMailboxUserId] : [])))];
      const mailboxEmails = new Map(
        (await prisma.user.findMany({ where: { id: { in: mailboxIds } }, select: { id: true, email: true } })).map(
          (user) => [user.id, user.email],
        ),
      );
      return rows.map((row) => {
        const email = row.contact?.emails[0]?.email;
        const link = linkOfRow(row);
        return {
          id: row.id,
          version: row.version,
          ownerId: row.ownerId,
          ownerEmail: row.owner.email,
          subject: row.subject,
          notes: row.notes,
          location: row.location,
          startsAt: row.startsAt,
          endsAt: row.endsAt,
          timeZone: row.timeZone,
          allDay: row.allDay,
          status: row.status,
          reminderMinutesBefore: row.reminderMinutesBefore,
          graphGeneration: row.graphGeneration,
          onlineMeeting: row.onlineMeeting,
          seriesId: row.seriesId,
          link: link && { ...link, mailboxEmail: mailboxEmails.get(link.mailboxUserId) ?? row.owner.email },
          pushed: link ? pushedFieldsOf(row.graphPushed) : null,
          attempts: row.calendarOutbox?.attempts ?? 0,
          attendee:
            row.contact && email ? { email, name: `${row.contact.firstName} ${row.contact.lastName}`.trim() } : null,
        };
      });
    },

    async recordSynced(items, now) {
      if (items.length === 0) return;
      await eventLink.pushedInBulk(
        items.map(({ activity, eventId, changeKey, pushed, joinUrl }) => ({
          ...activity,
          eventId,
          changeKey,
          pushed,
          joinUrl,
        })),
        now,
      );
      await lease.finish(items.map((item) => item.activity));
    },

    async movedOut(activity) {
      // The event left the previous owner's calendar; the activity is now to be created in the new one's.
      await transition(activity, movedToAnotherOwner(activity));
    },

    async renew(workerId, lockedUntil) {
      const { count } = await prisma.calendarOutbox.updateMany({
        where: { lockedBy: workerId, lockedUntil: { not: null } },
        data: { lockedUntil },
      });
      return count;
    },

    async releaseAll(workerId) {
      const { count } = await prisma.calendarOutbox.updateMany({
        where: { lockedBy: workerId },
        data: { lockedUntil: null, lockedBy: null },
      });
      return count;
    },

    async retryNow(ownerId, now) {
      return prisma.$executeRawUnsafe(RETRY_NOW_SQL, ownerId, now);
    },

    async wake(reasons, now, ownerId) {
      return prisma.$executeRawUnsafe(WAKE_SQL, reasons, now, ownerId ?? null);
    },

    async recordWaiting(items, wait, now) {
      if (items.length === 0) return;
      const ids = items.map((item) => item.activity.id);
      const at = items.map((item) => item.availableAt.toISOString());
      await prisma.$executeRawUnsafe(WAITING_OUTBOX_SQL, ids, at, wait.message);
      await prisma.$executeRawUnsafe(WAITING_ACTIVITY_SQL, ids, at, wait.reason, wait.message, now);
    },

    async release(activityIds) {
      if (activityIds.length === 0) return;
      await prisma.calendarOutbox.updateMany({
        where: { activityId: { in: activityIds } },
        data: { lockedUntil: null, lockedBy: null },
      });
    },

    async record(activity, outcome, now) {
      switch (outcome.kind) {
        case "synced":
          await transition(activity, pushed(activity, outcome, now));
          return finishEntry(activity);
        case "removed":
          await transition(activity, removed(activity, now));
          return finishEntry(activity);
        case "nothing-to-do":
          await transition(activity, nothingToSync());
          return finishEntry(activity);
        case "deleted-in-outlook":
          await transition(activity, deletedInOutlook(activity, now));
          return finishEntry(activity);
        case "failed":
          // A request Graph will never accept: shown on the activity, not retried until the activity changes.
          await transition(activity, refused(outcome.message, now));
          return finishEntry(activity);
        case "retry":
          if (outcome.reason)
            return repository.recordWaiting(
              [{ activity, availableAt: outcome.availableAt }],
              { reason: outcome.reason, message: outcome.message },
              now,
            );
          // Not a failure (a conflict the pull settles first): due again, without counting toward backoff.
          await prisma.calendarOutbox.updateMany({
            where: { activityId: activity.id },
            data: { lockedUntil: null, lockedBy: null, availableAt: outcome.availableAt, lastError: outcome.message },
          });
          return;
      }
    },

    async pendingCount(ownerId) {
      return prisma.calendarOutbox.count({ where: ownerId ? { activity: { ownerId } } : {} });
    },
  };
  return repository;
}
