import { Contact, ContactCreate, ContactListQuery, ContactPage, ContactUpdate, IdParams } from "contract";
import { defineRoute } from "../../http/route";
import type { ContactsService } from "./contacts.service";

export function contactsRoutes(contacts: ContactsService) {
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
      handler: async ({ body, user }) => contacts.create(body, user),
    }),
    defineRoute({
      method: "get",
      path: "/api/contacts",
      tag: "contacts",
      summary: "Contacts of a customer, unassigned ones, or by name and address",
      query: ContactListQuery,
      response: ContactPage,
      handler: async ({ query }) => contacts.list(query),
    }),
    defineRoute({
      method: "get",
      path: "/api/contacts/:id",
      tag: "contacts",
      summary: "One contact",
      params: IdParams,
      response: Contact,
      handler: async ({ params }) => contacts.get(params.id),
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
      handler: async ({ params, body, user }) => contacts.update(params.id, body, user),
    }),
  ];
}
