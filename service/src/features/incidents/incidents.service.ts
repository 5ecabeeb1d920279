import type { Incident, IncidentCreate, IncidentUpdate } from "contract";
import type { CurrentUser } from "../../auth/current-user";
import { notFound } from "../../shared/app-error";
import type { Access } from "../../shared/ports/access.port";
import type { ContactAccess } from "../../shared/ports/contact-access.port";
import type { CustomerAccess } from "../../shared/ports/customer-access.port";
import type { UserDirectory } from "../../shared/ports/user-directory.port";
import type { IncidentsRepository } from "./incidents.repository";

export interface IncidentsService {
  create(input: IncidentCreate, user: CurrentUser): Promise<Incident>;
  update(id: string, input: IncidentUpdate, user: CurrentUser): Promise<Incident>;
  get(id: string): Promise<Incident>;
  list(customerId: string): Promise<Incident[]>;
}

const LIST_LIMIT = 200;

export function createIncidentsService(deps: {
  incidents: IncidentsRepository;
  customers: CustomerAccess;
  contacts: ContactAccess;
  users: UserDirectory;
  access: Access;
}): IncidentsService {
  /** The contact, when given, must exist and not belong to another customer. */
  async function checkContact(contactId: string | null | undefined, customerId: string) {
    if (contactId) await deps.contacts.requireFor(contactId, customerId);
  }

  const get = async (id: string) => (await deps.incidents.findById(id)) ?? Promise.reject(notFound("incident", id));

  return {
    get,
    // An unknown customer has no incidents: the list is empty, not a 404.
    list: (customerId) => deps.incidents.listForCustomer(customerId, LIST_LIMIT),

    async create(input, user) {
      await deps.customers.require(input.customerId, "body.customerId");
      await checkContact(input.contactId, input.customerId);
      if (input.ownerId) await deps.users.require(input.ownerId);
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
      if (input.ownerId) await deps.users.require(input.ownerId);
      const { version, ...changes } = input;
      return deps.incidents.update(id, version, changes);
    },
  };
}
