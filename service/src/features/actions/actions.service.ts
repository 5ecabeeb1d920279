import type { Action, ActionCreate, ActionUpdate } from "contract";
import type { CurrentUser } from "../../auth/current-user";
import { requirePermission } from "../../auth/permissions";
import { notFound } from "../../shared/app-error";
import { optionalDay } from "../../shared/calendar-date";
import type { ContactsRepository } from "../contacts/contacts.repository";
import type { CustomersRepository } from "../customers/customers.repository";
import type { IncidentsRepository } from "../incidents/incidents.repository";
import type { OpportunitiesRepository } from "../opportunities/opportunities.repository";
import type { UsersRepository } from "../users/users.repository";
import type { ActionsRepository } from "./actions.repository";

export interface ActionsService {
  create(input: ActionCreate, user: CurrentUser): Promise<Action>;
  update(id: string, input: ActionUpdate, user: CurrentUser): Promise<Action>;
}

interface Deps {
  actions: ActionsRepository;
  opportunities: OpportunitiesRepository;
  incidents: IncidentsRepository;
  customers: CustomersRepository;
  contacts: ContactsRepository;
  users: UsersRepository;
}

/** Throws 404 naming body.ownerId when the user does not exist. */
export async function requireUser(users: UsersRepository, userId: string, field = "body.ownerId"): Promise<void> {
  if ((await users.existingIds([userId])).length === 0) throw notFound("user", userId, field);
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
      if (!(await deps.customers.exists(input.customerId)))
        throw notFound("customer", input.customerId, "body.customerId");
      return { opportunityId: null, incidentId: null, customerId: input.customerId, contactId: null };
    }
    // A contact's actions follow the contact when it moves to another customer.
    if (!(await deps.contacts.belongsTo(input.contactId!)))
      throw notFound("contact", input.contactId!, "body.contactId");
    return { opportunityId: null, incidentId: null, customerId: null, contactId: input.contactId! };
  }

  return {
    async create(input, user) {
      const parent = await resolveParent(input);
      if (input.ownerId) await requireUser(deps.users, input.ownerId);
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
      if (input.ownerId) await requireUser(deps.users, input.ownerId);
      const { version, dueDate, done, ...rest } = input;
      return deps.actions.update(id, version, {
        ...rest,
        ...(dueDate !== undefined && { dueDate: optionalDay(dueDate) }),
        ...(done !== undefined && { done, doneAt: done ? (current.doneAt ?? new Date()) : null }),
      });
    },
  };
}
