import {
  Customer,
  CustomerCreate,
  CustomerListQuery,
  CustomerPage,
  CustomerRecord,
  CustomerStatusList,
  CustomerUpdate,
  IdParams,
} from "contract";
import { defineRoute } from "../../http/route";
import { dayInZone, nextDay, startOfDayInZone } from "contract/zoned-time";
import type { CustomerRecordService } from "./customer-record.service";
import type { CustomersRepository } from "./customers.repository";
import type { CustomersService } from "./customers.service";

export function customersRoutes(
  service: CustomersService,
  records: CustomerRecordService,
  customers: CustomersRepository,
) {
  return [
    defineRoute({
      method: "post",
      path: "/api/customers",
      tag: "customers",
      summary: "Create a customer; it starts in lifecycle state NEW, with the creator as salesman unless given",
      authorization: ["customers:create", "customers:status-1"],
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
      handler: async ({ query, user }) => {
        // "Due" means planned to start before the end of today, in the caller's time zone.
        const dueBefore = startOfDayInZone(nextDay(dayInZone(new Date(), user.timeZone)), user.timeZone);
        return service.list(query, user.id, dueBefore);
      },
    }),
    defineRoute({
      method: "get",
      path: "/api/customers/:id",
      tag: "customers",
      summary:
        "The whole record the task pane shows: customer, contacts, activities, notes, e-mail log count, lifecycle",
      params: IdParams,
      response: CustomerRecord,
      handler: async ({ params, user }) => records.get(params.id, user),
    }),
    defineRoute({
      method: "patch",
      path: "/api/customers/:id",
      tag: "customers",
      summary: "Change a customer; send the version you loaded (409 when someone changed it since)",
      authorization: ["customers:change", "customers:salesmen", "customers:status-1"],
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
      handler: async () => ({ items: await customers.statusCodes() }),
    }),
  ];
}
