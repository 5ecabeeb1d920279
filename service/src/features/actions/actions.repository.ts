import type { Action, ActionListQuery } from "contract";
import type { Prisma, PrismaClient } from "../../generated/prisma/client";
import { staleVersion } from "../../shared/app-error";
import { dayFromDate } from "../../shared/calendar-date";
import { USER_REF_SELECT } from "../users/users.repository";

/** A resolved action as the service writes it: exactly one parent, customerId also set for opportunity and incident actions. */
export interface ActionWrite {
  title: string;
  notes: string | null;
  dueDate: Date | null;
  ownerId: string;
  opportunityId: string | null;
  incidentId: string | null;
  customerId: string | null;
  contactId: string | null;
}

export interface ActionChanges {
  title?: string;
  notes?: string | null;
  dueDate?: Date | null;
  ownerId?: string;
  done?: boolean;
  doneAt?: Date | null;
}

export interface ActionsRepository {
  create(data: ActionWrite, userId: string): Promise<Action>;
  update(id: string, version: number, changes: ActionChanges): Promise<Action>;
  findWrite(id: string): Promise<{ id: string; ownerId: string; done: boolean; doneAt: Date | null } | null>;
  list(query: ActionListQuery, callerId: string): Promise<Action[]>;
  /** Open actions of a customer: its own, its opportunities' and incidents', and its contacts'. Soonest due first. */
  openForCustomer(customerId: string, limit: number): Promise<Action[]>;
}

export const ACTION_INCLUDE = { owner: { select: USER_REF_SELECT } } satisfies Prisma.ActionInclude;
type ActionRow = Prisma.ActionGetPayload<{ include: typeof ACTION_INCLUDE }>;
export const ACTION_ORDER = [
  { done: "asc" },
  { dueDate: { sort: "asc", nulls: "last" } },
  { createdAt: "asc" },
  { id: "asc" },
] satisfies Prisma.ActionOrderByWithRelationInput[];

export function toAction(row: ActionRow): Action {
  return {
    id: row.id,
    title: row.title,
    notes: row.notes,
    dueDate: row.dueDate ? dayFromDate(row.dueDate) : null,
    owner: row.owner,
    done: row.done,
    doneAt: row.doneAt?.toISOString() ?? null,
    opportunityId: row.opportunityId,
    incidentId: row.incidentId,
    customerId: row.customerId,
    contactId: row.contactId,
    createdAt: row.createdAt.toISOString(),
    modifiedAt: row.modifiedAt.toISOString(),
    version: row.version,
  };
}

const customerScope = (customerId: string): Prisma.ActionWhereInput => ({
  OR: [{ customerId }, { contact: { customerId } }],
});

export function createActionsRepository(prisma: PrismaClient): ActionsRepository {
  return {
    async create(data, userId) {
      return toAction(await prisma.action.create({ data: { ...data, createdById: userId }, include: ACTION_INCLUDE }));
    },

    async update(id, version, changes) {
      return prisma.$transaction(async (tx) => {
        const { count } = await tx.action.updateMany({
          where: { id, version },
          data: { ...changes, modifiedAt: new Date(), version: { increment: 1 } },
        });
        if (count === 0) throw staleVersion("This action");
        return toAction(await tx.action.findUniqueOrThrow({ where: { id }, include: ACTION_INCLUDE }));
      });
    },

    async findWrite(id) {
      return prisma.action.findUnique({ where: { id }, select: { id: true, ownerId: true, done: true, doneAt: true } });
    },

    async list(query, callerId) {
      const where: Prisma.ActionWhereInput = {
        AND: [
          query.customerId ? customerScope(query.customerId) : {},
          query.contactId ? { contactId: query.contactId } : {},
          query.opportunityId ? { opportunityId: query.opportunityId } : {},
          query.incidentId ? { incidentId: query.incidentId } : {},
          query.mine === "true" ? { ownerId: callerId } : {},
          query.open === "true" ? { done: false } : {},
        ],
      };
      const rows = await prisma.action.findMany({ where, include: ACTION_INCLUDE, orderBy: ACTION_ORDER, take: 500 });
      return rows.map(toAction);
    },

    async openForCustomer(customerId, limit) {
      const rows = await prisma.action.findMany({
        where: { AND: [customerScope(customerId), { done: false }] },
        include: ACTION_INCLUDE,
        orderBy: ACTION_ORDER,
        take: limit,
      });
      return rows.map(toAction);
    },
  };
}
