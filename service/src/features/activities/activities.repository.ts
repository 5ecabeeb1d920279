import type { Activity, ActivityListQuery, ActivityStatus, CallOutcome } from "contract";
import type { Prisma, PrismaClient } from "../../generated/prisma/client";
import { queuedRow, syncView } from "../../calendar-sync/event-link/activity-event-link";
import { type ActivityOutbox, NO_OUTBOX } from "../../calendar-sync/outbox/activity-outbox";
import { staleVersion } from "../../shared/app-error";
import { USER_REF_SELECT } from "../../db/user-ref";
import type { InTransaction } from "../../shared/ports/sample-recorder.port";

/** A fully resolved activity, as the service writes it. */
export interface ActivityWrite {
  type: Activity["type"];
  templateId: string | null;
  subject: string;
  notes: string | null;
  location: string | null;
  startsAt: Date;
  endsAt: Date;
  timeZone: string;
  allDay: boolean;
  status: ActivityStatus;
  reminderMinutesBefore: number | null;
  ownerId: string;
  customerId: string | null;
  contactId: string | null;
  finishedAt: Date | null;
  outcome: string | null;
  onlineMeeting: boolean;
}

/** A call's outcome as a write sets it: a value, null to remove it, undefined to leave it. */
export type CallOutcomeWrite = CallOutcome | null | undefined;

export interface ActivitiesRepository {
  create(data: ActivityWrite, userId: string, callOutcome?: CallOutcomeWrite): Promise<Activity>;
  update(
    id: string,
    version: number,
    data: Partial<ActivityWrite>,
    userId: string,
    callOutcome?: CallOutcomeWrite,
    /** Written in the same transaction, once the update went through (the samples of a finish). */
    also?: InTransaction,
  ): Promise<Activity>;
  findById(id: string): Promise<Activity | null>;
  findWrite(id: string): Promise<
    | (ActivityWrite & {
        id: string;
        version: number;
        callOutcome: CallOutcome | null;
        onlineMeetingJoinUrl: string | null;
      })
    | null
  >;
  list(query: ActivityListQuery): Promise<{ items: Activity[]; total: number }>;
  /** Planned activities for a customer (soonest first) and finished or cancelled ones (latest first). */
  forRecord(customerId: string, limit: number): Promise<{ future: Activity[]; history: Activity[] }>;
  /** The owner's planned activities starting before the given instant. */
  dueFor(ownerId: string, before: Date): Promise<Activity[]>;
  /** The occurrences of a recurring series, in the order the rule puts them. */
  ofSeries(seriesId: string): Promise<Activity[]>;
  /** Queues a FAILED activity for Outlook again; `queued` is false when it was not FAILED. */
  resendToOutlook(id: string): Promise<{ queued: boolean; activity: Activity } | null>;
}

const ACTIVITY_INCLUDE = {
  owner: { select: USER_REF_SELECT },
  callResult: { select: { outcome: true } },
} satisfies Prisma.ActivityInclude;
export type ActivityRow = Prisma.ActivityGetPayload<{ include: typeof ACTIVITY_INCLUDE }>;

/** Still planned after its end (an all-day one ends at the start of the next day in its zone). */
const isOverdue = (row: Pick<ActivityRow, "status" | "endsAt">, now: Date) =>
  row.status === "PLANNED" && row.endsAt.getTime() < now.getTime();

// Overdue is as of the answer: the service's clock when the row is read.
export function toActivity(row: ActivityRow): Activity {
  return {
    id: row.id,
    type: row.type,
    templateId: row.templateId,
    subject: row.subject,
    notes: row.notes,
    location: row.location,
    startsAt: row.startsAt.toISOString(),
    endsAt: row.endsAt.toISOString(),
    timeZone: row.timeZone,
    allDay: row.allDay,
    status: row.status,
    reminderMinutesBefore: row.reminderMinutesBefore,
    owner: row.owner,
    customerId: row.customerId,
    contactId: row.contactId,
    finishedAt: row.finishedAt?.toISOString() ?? null,
    outcome: row.outcome,
    overdue: isOverdue(row, new Date()),
    callOutcome: row.callResult?.outcome ?? null,
    onlineMeeting: {
      requested: row.onlineMeeting,
      joinUrl: row.onlineMeetingJoinUrl,
      // Outlook answered this version without a meeting: its calendar offers no Teams.
      unavailable: row.onlineMeeting && !row.onlineMeetingJoinUrl && row.syncState === "SYNCED",
    },
    series:
      row.seriesId && row.occurrenceStart
        ? { id: row.seriesId, occurrenceStart: row.occurrenceStart.toISOString(), exception: row.seriesException }
        : null,
    sync: syncView(row),
    createdAt: row.createdAt.toISOString(),
    modifiedAt: row.modifiedAt.toISOString(),
    version: row.version,
  };
}

const FUTURE_ORDER = [{ startsAt: "asc" }, { id: "asc" }] satisfies Prisma.ActivityOrderByWithRelationInput[];
const HISTORY_ORDER = [{ startsAt: "desc" }, { id: "asc" }] satisfies Prisma.ActivityOrderByWithRelationInput[];

/** Sets or removes a call's outcome (a cold call's follow-up stays an activity of its own). */
async function writeCallOutcome(tx: Prisma.TransactionClient, activityId: string, outcome: CallOutcomeWrite) {
  if (outcome === undefined) return;
  if (outcome === null) await tx.callResult.deleteMany({ where: { activityId } });
  else await tx.callResult.upsert({ where: { activityId }, create: { activityId, outcome }, update: { outcome } });
}

/** outbox: the calendar sync's; it writes its entry inside the transaction that saves the activity. */
export function createActivitiesRepository(
  prisma: PrismaClient,
  outbox: ActivityOutbox = NO_OUTBOX,
): ActivitiesRepository {
  return {
    async create(data, userId, callOutcome) {
      return prisma.$transaction(async (tx) => {
        const created = await tx.activity.create({ data: { ...data, createdById: userId, modifiedById: userId } });
        await writeCallOutcome(tx, created.id, callOutcome);
        const row = await tx.activity.findUniqueOrThrow({ where: { id: created.id }, include: ACTIVITY_INCLUDE });
        // Same transaction: a saved activity always has its calendar push queued, even after a crash.
        return toActivity((await outbox.enqueue(tx, row)) ? queuedRow(row) : row);
      });
    },

    async update(id, version, data, userId, callOutcome, also) {
      return prisma.$transaction(async (tx) => {
        const { count } = await tx.activity.updateMany({
          where: { id, version },
          data: { ...data, modifiedById: userId, modifiedAt: new Date(), version: { increment: 1 } },
        });
        if (count === 0) throw staleVersion("This activity");
        await writeCallOutcome(tx, id, callOutcome);
        if (also)
          await also(tx, await tx.activity.findUniqueOrThrow({ where: { id }, select: { id: true, startsAt: true } }));
        // An occurrence changed on its own ("this one"): a change of the whole series leaves it be.
        await tx.activity.updateMany({ where: { id, seriesId: { not: null } }, data: { seriesException: true } });
        const row = await tx.activity.findUniqueOrThrow({ where: { id }, include: ACTIVITY_INCLUDE });
        return toActivity((await outbox.enqueue(tx, row)) ? queuedRow(row) : row);
      });
    },

    async resendToOutlook(id) {
      return prisma.$transaction(async (tx) => {
        const row = await tx.activity.findUnique({ where: { id }, include: ACTIVITY_INCLUDE });
        if (!row) return null;
        const queued = await outbox.resend(tx, row);
        return { queued, activity: toActivity(queued ? queuedRow(row) : row) };
      });
    },

    async ofSeries(seriesId) {
      const rows = await prisma.activity.findMany({
        where: { seriesId },
        include: ACTIVITY_INCLUDE,
        orderBy: [{ occurrenceStart: "asc" }, { id: "asc" }],
        take: 1000,
      });
      return rows.map(toActivity);
    },

    async findById(id) {
      const row = await prisma.activity.findUnique({ where: { id }, include: ACTIVITY_INCLUDE });
      return row ? toActivity(row) : null;
    },

    async findWrite(id) {
      const row = await prisma.activity.findUnique({
        where: { id },
        select: {
          id: true,
          version: true,
          type: true,
          templateId: true,
          subject: true,
          notes: true,
          location: true,
          startsAt: true,
          endsAt: true,
          timeZone: true,
          allDay: true,
          status: true,
          reminderMinutesBefore: true,
          ownerId: true,
          customerId: true,
          contactId: true,
          finishedAt: true,
          outcome: true,
          callResult: { select: { outcome: true } },
          onlineMeeting: true,
          onlineMeetingJoinUrl: true,
        },
      });
      if (!row) return null;
      const { callResult, ...write } = row;
      return { ...write, callOutcome: callResult?.outcome ?? null };
    },

    async list(query) {
      const statusFilter: Prisma.ActivityWhereInput =
        query.when === "future"
          ? { status: "PLANNED" }
          : query.when === "history"
            ? { status: { in: query.showFinished === "true" ? ["FINISHED", "CANCELLED"] : ["CANCELLED"] } }
            : query.showFinished === "true"
              ? {}
              : { status: "PLANNED" };
      const where: Prisma.ActivityWhereInput = {
        ...(query.customerId && { customerId: query.customerId }),
        ...(query.contactId && { contactId: query.contactId }),
        ...statusFilter,
      };
      const [rows, total] = await Promise.all([
        prisma.activity.findMany({
          where,
          include: ACTIVITY_INCLUDE,
          orderBy: query.when === "history" ? HISTORY_ORDER : FUTURE_ORDER,
          take: query.limit,
          skip: query.offset,
        }),
        prisma.activity.count({ where }),
      ]);
      return { items: rows.map(toActivity), total };
    },

    async forRecord(customerId, limit) {
      const [future, history] = await Promise.all([
        prisma.activity.findMany({
          where: { customerId, status: "PLANNED" },
          include: ACTIVITY_INCLUDE,
          orderBy: FUTURE_ORDER,
          take: limit,
        }),
        prisma.activity.findMany({
          where: { customerId, status: { in: ["FINISHED", "CANCELLED"] } },
          include: ACTIVITY_INCLUDE,
          orderBy: HISTORY_ORDER,
          take: limit,
        }),
      ]);
      return { future: future.map(toActivity), history: history.map(toActivity) };
    },

    async dueFor(ownerId, before) {
      const rows = await prisma.activity.findMany({
        where: { ownerId, status: "PLANNED", startsAt: { lt: before } },
        include: ACTIVITY_INCLUDE,
        orderBy: FUTURE_ORDER,
        take: 500,
      });
      return rows.map(toActivity);
    },
  };
}
