import { type LoanerReturn, type OpenLoaner, loanerOverdue } from "contract";
import { dayInZone } from "contract/zoned-time";
import type { Prisma, PrismaClient } from "../../generated/prisma/client";
import { USER_REF_SELECT } from "../../db/user-ref";
import { dateFromDay, dayFromDate } from "../../shared/calendar-date";
import type { PlannedTask, PlannedTasks } from "../../shared/ports/planned-tasks.port";

/** What the return's rules look at: the order's header, its return and its reminder task's state. */
export interface LoanerState {
  id: string;
  number: number;
  customerId: string;
  createdById: string;
  type: "STANDARD" | "LOANER";
  status: "OPEN" | "CLOSED" | "CANCELLED";
  dueBackOn: string | null;
  createdAt: Date;
  version: number;
  loanerReturn: LoanerReturn | null;
  /** The overdue reminder's task and where it stands; null before the job planned one (or after it was deleted). */
  reminder: { activityId: string; status: "PLANNED" | "FINISHED" | "CANCELLED" } | null;
}

/** An overdue loaner the job plans a reminder for, with its responsible salesman. */
export interface OverdueLoaner {
  id: string;
  number: number;
  title: string | null;
  dueBackOn: string;
  customerId: string;
  customerName: string;
  ownerId: string;
  ownerTimeZone: string;
}

/** An open loaner as the record reads it (dueBackOn as YYYY-MM-DD). */
export interface OpenLoanerRow {
  id: string;
  number: number;
  title: string | null;
  dueBackOn: string;
}

/** The record's open loaners, flagged overdue in the reader's day: a loaner due today is not overdue yet. */
export const toOpenLoaners = (rows: OpenLoanerRow[], timeZone: string): OpenLoaner[] => {
  const today = dayInZone(new Date(), timeZone);
  return rows.map((row) => ({ ...row, overdue: loanerOverdue(row.dueBackOn, today) }));
};

export interface NewReturn {
  returnedOn: string;
  remark: string | null;
  userId: string;
  userName: string;
}

export interface LoanersRepository {
  find(id: string): Promise<LoanerState | null>;
  /** A customer's loaners not returned yet, soonest due first (the record reads the same in its one statement). */
  openForCustomer(customerId: string): Promise<OpenLoanerRow[]>;
  /**
   * Records the return and closes the order, under the order's row lock; `check` sees the order as
   * locked and throws to refuse. A loaner returned already is answered as it is (nothing written).
   * The reminder task, if any, is closed in the same transaction: CANCELLED when the loaner came
   * back by its due day, FINISHED after.
   */
  recordReturn(id: string, input: NewReturn, check: (locked: LoanerState) => void): Promise<LoanerState>;
  /** Open loaners due back before `beforeDay` (YYYY-MM-DD) that have no reminder yet; at most `limit`. */
  overdueWithoutReminder(beforeDay: string, limit: number): Promise<OverdueLoaner[]>;
  /**
   * Plans the loaner's reminder once: the order row is locked and the reminder row (one per order)
   * inserted first, so a second run or a second replica finds it and plans nothing. False when the
   * loaner has one already or is no longer open.
   */
  planReminder(orderId: string, task: PlannedTask): Promise<boolean>;
  /** Cancels reminder tasks still planned for loaners that are no longer open (cancelled orders). */
  cancelStaleReminders(limit: number): Promise<number>;
}

const RETURN_INCLUDE = { returnedBy: { select: USER_REF_SELECT } } as const;
const STATE_SELECT = {
  id: true,
  number: true,
  customerId: true,
  createdById: true,
  type: true,
  status: true,
  dueBackOn: true,
  createdAt: true,
  version: true,
  loanerReturn: { include: RETURN_INCLUDE },
  loanerReminder: { select: { activityId: true, activity: { select: { status: true } } } },
} satisfies Prisma.SalesOrderSelect;
type StateRow = Prisma.SalesOrderGetPayload<{ select: typeof STATE_SELECT }>;

function toState(row: StateRow): LoanerState {
  const reminder = row.loanerReminder;
  return {
    id: row.id,
    number: row.number,
    customerId: row.customerId,
    createdById: row.createdById,
    type: row.type,
    status: row.status,
    dueBackOn: row.dueBackOn ? dayFromDate(row.dueBackOn) : null,
    createdAt: row.createdAt,
    version: row.version,
    loanerReturn: row.loanerReturn && {
      returnedOn: dayFromDate(row.loanerReturn.returnedOn),
      returnedBy: row.loanerReturn.returnedBy,
      remark: row.loanerReturn.remark,
      recordedAt: row.loanerReturn.createdAt.toISOString(),
    },
    reminder:
      reminder?.activityId && reminder.activity
        ? { activityId: reminder.activityId, status: reminder.activity.status }
        : null,
  };
}

const lockOrder = (tx: Prisma.TransactionClient, id: string) =>
  tx.$queryRaw<{ id: string }[]>`SELECT id FROM "SalesOrder" WHERE id = ${id}::uuid FOR UPDATE`;

export function createLoanersRepository(prisma: PrismaClient, tasks: PlannedTasks): LoanersRepository {
  return {
    async find(id) {
      const row = await prisma.salesOrder.findUnique({ where: { id }, select: STATE_SELECT });
      return row ? toState(row) : null;
    },

    async openForCustomer(customerId) {
      const rows = await prisma.salesOrder.findMany({
        where: { customerId, type: "LOANER", status: "OPEN" },
        select: { id: true, number: true, title: true, dueBackOn: true },
        orderBy: [{ dueBackOn: "asc" }, { number: "asc" }],
        take: 200,
      });
      return rows.map((row) => ({ ...row, dueBackOn: dayFromDate(row.dueBackOn!) }));
    },

    recordReturn(id, input, check) {
      return prisma.$transaction(async (tx) => {
        // Locked first: two returns at once, or the reminder job at the same moment, wait for each other.
        await lockOrder(tx, id);
        const locked = toState(await tx.salesOrder.findUniqueOrThrow({ where: { id }, select: STATE_SELECT }));
        if (locked.loanerReturn) return locked;
        check(locked);
        await tx.loanerReturn.create({
          data: {
            orderId: id,
            returnedOn: dateFromDay(input.returnedOn),
            returnedById: input.userId,
            remark: input.remark,
          },
        });
        await tx.salesOrder.update({
          where: { id },
          data: { status: "CLOSED", modifiedAt: new Date(), version: { increment: 1 } },
        });
        if (locked.reminder) {
          const early = locked.dueBackOn !== null && input.returnedOn <= locked.dueBackOn;
          await tasks.close(tx, locked.reminder.activityId, {
            status: early ? "CANCELLED" : "FINISHED",
            outcome: `Returned on ${input.returnedOn}, recorded by ${input.userName}.`,
            byUserId: input.userId,
          });
        }
        return toState(await tx.salesOrder.findUniqueOrThrow({ where: { id }, select: STATE_SELECT }));
      });
    },

    // The responsible salesman: the order's creator while linked to the customer, else the first
    // salesman linked (by name), else the creator (a manager's loaner for a customer nobody looks after).
    overdueWithoutReminder(beforeDay, limit) {
      return prisma.$queryRaw<OverdueLoaner[]>`
        SELECT x.id, x.number, x.title, x."dueBackOn", x."customerId", x."customerName", x."ownerId",
               u."timeZone" AS "ownerTimeZone"
        FROM (
          SELECT o.id, o.number, o.title, o."dueBackOn"::text AS "dueBackOn", o."customerId", c.name AS "customerName",
            COALESCE(
              (SELECT l."userId" FROM "CustomerSalesman" l WHERE l."customerId" = o."customerId" AND l."userId" = o."createdById"),
              (SELECT l."userId" FROM "CustomerSalesman" l JOIN "User" lu ON lu.id = l."userId"
                WHERE l."customerId" = o."customerId" ORDER BY lu.name, lu.id LIMIT 1),
              o."createdById") AS "ownerId"
          FROM "SalesOrder" o JOIN "Customer" c ON c.id = o."customerId"
          WHERE o.type = 'LOANER' AND o.status = 'OPEN' AND o."dueBackOn" < ${beforeDay}::date
            AND NOT EXISTS (SELECT 1 FROM "LoanerReminder" r WHERE r."orderId" = o.id)
          ORDER BY o."dueBackOn", o.number
          LIMIT ${limit}
        ) x JOIN "User" u ON u.id = x."ownerId"`;
    },

    planReminder(orderId, task) {
      return prisma.$transaction(async (tx) => {
        const open = await tx.$queryRaw<{ id: string }[]>`
          SELECT id FROM "SalesOrder" WHERE id = ${orderId}::uuid AND status = 'OPEN' FOR UPDATE`;
        if (open.length === 0) return false;
        // The key is the order: whoever inserts second (a second round, another replica) inserts nothing.
        const claimed = await tx.$executeRaw`
          INSERT INTO "LoanerReminder" ("orderId") VALUES (${orderId}::uuid) ON CONFLICT DO NOTHING`;
        if (claimed === 0) return false;
        const activityId = await tasks.plan(tx, task);
        await tx.loanerReminder.update({ where: { orderId }, data: { activityId } });
        return true;
      });
    },

    async cancelStaleReminders(limit) {
      const stale = await prisma.loanerReminder.findMany({
        where: { order: { status: "CANCELLED" }, activity: { status: "PLANNED" } },
        select: { activityId: true, order: { select: { createdById: true } } },
        take: limit,
      });
      let closed = 0;
      for (const reminder of stale) {
        const done = await prisma.$transaction((tx) =>
          tasks.close(tx, reminder.activityId!, {
            status: "CANCELLED",
            outcome: null,
            byUserId: reminder.order.createdById,
          }),
        );
        if (done) closed++;
      }
      return closed;
    },
  };
}
