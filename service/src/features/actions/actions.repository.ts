import type { Action, ActionListQuery } from "contract";
import { versionedRecords } from "../../db/versioned-records";
import type { Prisma, PrismaClient } from "../../generated/prisma/client";
import { ACTION_INCLUDE, ACTION_ORDER, type ActionRow, toAction } from "./action-rows";

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

const customerScope = (customerId: string): Prisma.ActionWhereInput => ({
  OR: [{ customerId }, { contact: { customerId } }],
});

export function createActionsRepository(prisma: PrismaClient): ActionsRepository {
  const records = versionedRecords<
    ActionRow,
    Action,
    ActionWrite & { createdById: string },
    ActionChanges,
    typeof ACTION_INCLUDE
  >(prisma, { what: "This action", table: (client) => client.action, include: ACTION_INCLUDE, toItem: toAction });
  return {
    create: (data, userId) => records.create({ ...data, createdById: userId }),
    update: (id, version, changes) => records.update(id, version, changes),

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
