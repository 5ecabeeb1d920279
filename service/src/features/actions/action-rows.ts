import type { Action } from "contract";
import type { Prisma } from "../../generated/prisma/client";
import { USER_REF_SELECT } from "../../db/user-ref";
import { dayFromDate } from "../../shared/calendar-date";

// How an action is read, wherever it is read: by the actions feature, and by opportunities and
// incidents, which carry their actions (the record's open actions come through the actions feature).

export const ACTION_INCLUDE = { owner: { select: USER_REF_SELECT } } satisfies Prisma.ActionInclude;
export type ActionRow = Prisma.ActionGetPayload<{ include: typeof ACTION_INCLUDE }>;
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

/** What opportunities and incidents are read with: owner, creator and their actions (open first). */
export const WITH_ACTIONS_INCLUDE = {
  owner: { select: USER_REF_SELECT },
  createdBy: { select: USER_REF_SELECT },
  actions: { include: ACTION_INCLUDE, orderBy: ACTION_ORDER },
} satisfies Prisma.OpportunityInclude & Prisma.IncidentInclude;

/** The fields every opportunity and incident returns the same way, its actions included. */
export function withActionsStamp(row: {
  id: string;
  customerId: string;
  owner: { id: string; name: string; email: string };
  createdBy: { id: string; name: string; email: string };
  createdAt: Date;
  modifiedAt: Date;
  version: number;
  actions: ActionRow[];
}) {
  return {
    id: row.id,
    customerId: row.customerId,
    owner: row.owner,
    createdBy: row.createdBy,
    createdAt: row.createdAt.toISOString(),
    modifiedAt: row.modifiedAt.toISOString(),
    version: row.version,
    actions: row.actions.map(toAction),
  };
}
