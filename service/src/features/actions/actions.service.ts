import type { Action, ActionCreate, ActionListQuery, ActionUpdate } from "contract";
import type { CurrentUser } from "../../auth/current-user";
import { requirePermission } from "../../auth/permissions";
import { notFound } from "../../shared/app-error";
import { optionalDay } from "../../shared/calendar-date";
import type { ContactAccess } from "../../shared/ports/contact-access.port";
import type { CustomerAccess } from "../../shared/ports/customer-access.port";
import type { UserDirectory } from "../../shared/ports/user-directory.port";
import type { ActionsRepository } from "./actions.repository";

export interface ActionsService {
  create(input: ActionCreate, user: CurrentUser): Promise<Action>;
  update(id: string, input: ActionUpdate, user: CurrentUser): Promise<Action>;
  list(query: ActionListQuery, user: CurrentUser): Promise<Action[]>;
}

/** What an action asks of the opportunity or incident it hangs on: its customer (null: no such one). */
export interface ActionParent {
  customerOf(id: string): Promise<string | null>;
}

interface Deps {
  actions: ActionsRepository;
  opportunities: ActionParent;
  incidents: ActionParent;
  customers: CustomerAccess;
  contacts: ContactAccess;
  users: UserDirectory;
}

export function createActionsService(deps: Deps): ActionsService {
  /** The one parent given, checked; opportunity and incident actions also carry their customer. */
  async function resolveParent(input: ActionCreate) {
    if (input.opportunityId) {
      const customerId = await deps.opportunities.customerOf(input.opportunityId);
      if (!customerId) throw notFound("opportunity", input.opportunityId, "body.opportunityId");
      return { opportunityId: input.opportunityId, incidentId: null, customerId, contactId: null };
    }
    if (input.incidentId) {
      const customerId = await deps.incidents.customerOf(input.incidentId);
      if (!customerId) throw notFound("incident", input.incidentId, "body.incidentId");
      return { opportunityId: null, incidentId: input.incidentId, customerId, contactId: null };
    }
    if (input.customerId) {
      await deps.customers.require(input.customerId, "body.customerId");
      return { opportunityId: null, incidentId: null, customerId: input.customerId, contactId: null };
    }
    // A contact's actions follow the contact when it moves to another customer.
    await deps.contacts.customerOf(input.contactId!, "body.contactId");
    return { opportunityId: null, incidentId: null, customerId: null, contactId: input.contactId! };
  }

  return {
    list: (query, user) => deps.actions.list(query, user.id),

    async create(input, user) {
      const parent = await resolveParent(input);
      if (input.ownerId) await deps.users.require(input.ownerId);
      return deps.actions.create(
        {
          ...parent,
          title: input.title,
          notes: input.notes ?? null,
          dueDate: optionalDay(input.dueDate) ?? null,
          ownerId: input.ownerId ?? user.id,
        },
        user.id,
      );
    },

    async update(id, input, user) {
      const current = await deps.actions.findWrite(id);
      if (!current) throw notFound("action", id);
      requirePermission(user, "actions:change", { owner: current.ownerId === user.id });
      if (input.ownerId) await deps.users.require(input.ownerId);
      const { version, dueDate, done, ...rest } = input;
      return deps.actions.update(id, version, {
        ...rest,
        ...(dueDate !== undefined && { dueDate: optionalDay(dueDate) }),
        ...(done !== undefined && { done, doneAt: done ? (current.doneAt ?? new Date()) : null }),
      });
    },
  };
}
