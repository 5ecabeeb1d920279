import type { Contact, ContactCreate, ContactListQuery, ContactUpdate } from "contract";
import type { CurrentUser } from "../../auth/current-user";
import { notFound } from "../../shared/app-error";
import { type Page, pageOf } from "../../shared/page";
import type { CustomerAccess } from "../../shared/ports/customer-access.port";
import type { ContactsRepository } from "./contacts.repository";

export interface ContactsService {
  create(input: ContactCreate, user: CurrentUser): Promise<Contact>;
  list(query: ContactListQuery): Promise<Page<Contact>>;
  get(id: string): Promise<Contact>;
  /** Moving a contact to a customer is setting customerId. */
  update(id: string, input: ContactUpdate, user: CurrentUser): Promise<Contact>;
}

export function createContactsService(contacts: ContactsRepository, customers: CustomerAccess): ContactsService {
  /** A contact belongs to an existing customer or to none ("unassigned"). */
  const requireCustomer = async (customerId: string | null | undefined) => {
    if (customerId) await customers.require(customerId, "body.customerId");
  };
  return {
    async create(input, user) {
      await requireCustomer(input.customerId);
      return contacts.create(input, user.id);
    },
    list: async (query) => pageOf(await contacts.list(query), query),
    get: async (id) => (await contacts.findById(id)) ?? Promise.reject(notFound("contact", id)),
    async update(id, input, user) {
      await requireCustomer(input.customerId);
      return (await contacts.update(id, input, user.id)) ?? Promise.reject(notFound("contact", id));
    },
  };
}
