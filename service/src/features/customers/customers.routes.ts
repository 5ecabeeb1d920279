import {
  Customer,
  CustomerCreate,
  CustomerListQuery,
  CustomerPage,
  CustomerStatusList,
  CustomerUpdate,
  IdParams,
  SalesmenUpdate,
} from "contract";
import { defineRoute } from "../../http/route";
import type { CustomersService } from "./customers.service";

// GET /api/customers/:id answers the whole record: features/record assembles it.
export function customersRoutes(service: CustomersService) {
  return [
    defineRoute({
      method: "post",
      path: "/api/customers",
      tag: "customers",
      summary: "Create a customer; it starts in lifecycle state NEW, with the creator as salesman unless given",
      authorization: ["customers:create", "customers:status-1", "customers:account-number"],
      body: CustomerCreate,
      response: Customer,
      status: 201,
      handler: async ({ body, user }) => service.create(body, user),
    }),
    defineRoute({
      method: "get",
      path: "/api/customers",
      tag: "customers",
      summary: "Search (account number, name, address) or filter by type, status and due reminders",
      query: CustomerListQuery,
      response: CustomerPage,
      handler: async ({ query, user }) => service.list(query, user),
    }),
    defineRoute({
      method: "patch",
      path: "/api/customers/:id",
      tag: "customers",
      summary: "Change a customer; send the version you loaded (409 when someone changed it since)",
      authorization: ["customers:change", "customers:salesmen", "customers:status-1", "customers:account-number"],
      params: IdParams,
      body: CustomerUpdate,
      response: Customer,
      handler: async ({ params, body, user }) => service.update(params.id, body, user),
    }),
    defineRoute({
      method: "get",
      path: "/api/customer-statuses",
      tag: "customers",
      summary: "Status codes and their labels (1 = customer, the only one that may receive orders)",
      response: CustomerStatusList,
      handler: async () => ({ items: await service.statusCodes() }),
    }),
    defineRoute({
      method: "put",
      path: "/api/customers/:id/salesmen",
      tag: "customers",
      summary:
        "Replace the set of salesmen (users) linked to a customer (a linked salesman, a manager or an admin); send the version you loaded",
      authorization: "customers:salesmen",
      params: IdParams,
      body: SalesmenUpdate,
      response: Customer,
      handler: async ({ params, body, user }) =>
        service.setSalesmen(params.id, { version: body.version, salesmanIds: body.salesmanIds }, user),
    }),
  ];
}
