import type { Incident, IncidentCreate, IncidentUpdate } from "contract";
import type { CurrentUser } from "../../auth/current-user";
import type { Access } from "../../auth/permissions";
import { badRequest, notFound } from "../../shared/app-error";
import { requireUser } from "../actions/actions.service";
import type { ContactsRepository } from "../contacts/contacts.repository";
import type { CustomersRepository } from "../customers/customers.repository";
import type { UsersRepository } from "../users/users.repository";
import type { IncidentsRepository } from "./incidents.repository";

export interface IncidentsService {
  create(input: IncidentCreate, user: CurrentUser): Promise<Incident>;
  update(id: string, input: IncidentUpdate, user: CurrentUser): Promise<Incident>;
  get(id: string): Promise<Incident>;
}

export function createIncidentsService(deps: {
  incidents: IncidentsRepository;
  customers: CustomersRepository;
  contacts: ContactsRepository;
  users: UsersRepository;
  access: Access;
}): IncidentsService {
  /** The contact, when given, must exist and not belong to another customer. */
  async function checkContact(contactId: string | null | undefined, customerId: string) {
    if (!contactId) return;
    const contact = await deps.contacts.belongsTo(contactId);
    if (!contact) throw notFound("contact", contactId, "body.contactId");
    if (contact.customerId && contact.customerId !== customerId)
      throw badRequest("body.contactId", "this contact belongs to another customer");
  }

  const get = async (id: string) => (await deps.incidents.findById(id)) ?? Promise.reject(notFound("incident", id));

  return {
    get,

    async create(input, user) {
      if (!(await deps.customers.exists(input.customerId)))
        throw notFound("customer", input.customerId, "body.customerId");
      await checkContact(input.contactId, input.customerId);
      if (input.ownerId) await requireUser(deps.users, input.ownerId);
      return deps.incidents.create(
        input.customerId,
        {
          contactId: input.contactId ?? null,
          subject: input.subject,
          description: input.description ?? null,
          severity: input.severity,
          state: input.state,
          ownerId: input.ownerId ?? user.id,
        },
        user.id,
      );
    },

    async update(id, input, user) {
      const current = await get(id);
      await deps.access.require(user, "incidents:change", {
        ownerId: current.owner.id,
        customerId: current.customerId,
      });
      await checkContact(input.contactId, current.customerId);
      if (input.ownerId) await requireUser(deps.users, input.ownerId);
      const { version, ...changes } = input;
      return deps.incidents.update(id, version, changes);
    },
  };
}
