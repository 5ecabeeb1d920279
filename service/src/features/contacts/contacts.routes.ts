import { Contact, ContactCreate, ContactListQuery, ContactPage, ContactUpdate, IdParams } from "contract";
import { defineRoute } from "../../http/route";
import { notFound } from "../../shared/app-error";
import type { CustomersRepository } from "../customers/customers.repository";
import type { ContactsRepository } from "./contacts.repository";

export function contactsRoutes(contacts: ContactsRepository, customers: CustomersRepository) {
  /** A contact belongs to an existing customer or to none ("unassigned"). */
  const requireCustomer = async (customerId: string | null | undefined) => {
    if (customerId && !(await customers.exists(customerId))) throw notFound("customer", customerId, "body.customerId");
  };
  return [
    defineRoute({
      method: "post",
      path: "/api/contacts",
      tag: "contacts",
      summary: "Create a contact under a customer, or unassigned (customerId null)",
      authorization: "contacts:write",
      body: ContactCreate,
      response: Contact,
      status: 201,
      handler: async ({ body, user }) => {
        await requireCustomer(body.customerId);
        return contacts.create(body, user.id);
      },
    }),
    defineRoute({
      method: "get",
      path: "/api/contacts",
      tag: "contacts",
      summary: "Contacts of a customer, unassigned ones, or by name and address",
      query: ContactListQuery,
      response: ContactPage,
      handler: async ({ query }) => ({ ...(await contacts.list(query)), limit: query.limit, offset: query.offset }),
    }),
    defineRoute({
      method: "get",
      path: "/api/contacts/:id",
      tag: "contacts",
      summary: "One contact",
      params: IdParams,
      response: Contact,
      handler: async ({ params }) =>
        (await contacts.findById(params.id)) ?? Promise.reject(notFound("contact", params.id)),
    }),
    defineRoute({
      method: "patch",
      path: "/api/contacts/:id",
      tag: "contacts",
      summary: "Change a contact; moving it to a customer is setting customerId",
      authorization: "contacts:write",
      params: IdParams,
      body: ContactUpdate,
      response: Contact,
      handler: async ({ params, body, user }) => {
        await requireCustomer(body.customerId);
        return (await contacts.update(params.id, body, user.id)) ?? Promise.reject(notFound("contact", params.id));
      },
    }),
  ];
}
